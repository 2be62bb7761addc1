/** Product identifiers: SKU, MPN, GTIN (check digit verified) and brand, from markup or labelled values on the page. */

export interface ProductIds {
  sku: string | null;
  mpn: string | null;
  gtin: string | null;
  brand: string | null;
}

export const NO_IDS: ProductIds = { sku: null, mpn: null, gtin: null, brand: null };

/** A GTIN-8/12/13/14 (UPC, EAN, ISBN-13) whose check digit is right, as digits; null otherwise. */
export function gtinOf(value: unknown): string | null {
  const digits = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/[\s-]/g, '') : '';
  if (!/^(\d{8}|\d{12,14})$/.test(digits)) return null;
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i -= 1, weight = 4 - weight) sum += Number(digits[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]) ? digits : null;
}

/** An identifier as written ("Item # 101095" → "101095"); null when it is not one. */
export function idOf(value: unknown): string | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const cleaned = text.replace(/\s+/g, ' ').replace(LABEL_PREFIX, '').trim();
  return cleaned && cleaned.length <= 64 && /[\p{L}\p{N}]/u.test(cleaned) && !/\s{2}|[<>{}]/.test(cleaned) ? cleaned : null;
}

/** Brand as a name: a string, or the `name` of a Brand/Organization node. */
export function brandOf(value: unknown): string | null {
  const brand = Array.isArray(value) ? value[0] : value;
  const name = typeof brand === 'string' ? brand : brand && typeof brand === 'object' ? (brand as Record<string, unknown>).name : null;
  const text = typeof name === 'string' ? name.replace(/\s+/g, ' ').replace(/^\|\s*/, '').trim() : '';
  return text && text.length <= 80 && !/^https?:|^\//.test(text) ? text : null;
}

/** The first non-null value of each field, in the order the sources are given (most trusted first). */
export function mergeIds(...sources: (Partial<ProductIds> | null | undefined)[]): ProductIds {
  const merged: ProductIds = { ...NO_IDS };
  for (const source of sources) {
    if (!source) continue;
    for (const key of ['sku', 'mpn', 'gtin', 'brand'] as const) merged[key] ??= source[key] ?? null;
  }
  return merged;
}

/** Labels shops print before an identifier, in many languages. */
const SKU_LABEL = String.raw`sku|item\s*(?:no\.?|#|number|code)|art(?:ikel)?\.?[\s-]*nr\.?|artikelnummer|bestellnummer|bestell-nr\.?|art\.?\s*no\.?|article\s*(?:no\.?|number|code)|product\s*(?:code|id|no\.?|number)|style\s*(?:#|no\.?|number)?|réf(?:érence)?\.?|ref\.?|referencia|código|codice(?:\s*articolo)?|cod\.?|numer\s*katalogowy|kod\s*produktu|varenummer|artikelnr\.?|tuotenumero|品番|商品番号|商品編號|商品编号|货号|编号|상품번호|품번|item|internet\s*#|store\s*sku\s*#?`;
const MPN_LABEL = String.raw`mpn|manufacturer\s*part\s*(?:no\.?|number|#)|part\s*(?:no\.?|number|#)|herstellernummer|hersteller-?nr\.?|mfr\.?\s*(?:part\s*)?#?|model\s*(?:#|no\.?|number)?|modell(?:nummer)?|型号|型番|모델명`;
const GTIN_LABEL = String.raw`ean(?:-?13)?|upc|gtin(?:-?\d+)?|isbn(?:-?13)?|jan`;
const LABEL = new RegExp(`^\\s*(?:(${MPN_LABEL})|(${GTIN_LABEL})|(${SKU_LABEL}))(?!\\p{L})\\s*[:#.：]?\\s*(?:#\\s*)?(.*)$`, 'iu');
const LABEL_PREFIX = /^(?:item|sku|style|art(?:ikel)?\.?-?nr\.?|ref\.?)(?:\s*[:#]\s*#?|\s+#?)\s*/i;
/** A value as shops print identifiers: letters, digits and - . / _, at least one digit. */
const ID_VALUE = /^[\p{L}\p{N}][\p{L}\p{N}\-./_]{1,40}$/u;
const MAX_TEXTS = 6_000;

/**
 * Identifiers the page prints beside a label ("SKU: AB-12", "Art.-Nr. 1234", "品番 X1", "상품번호 123"), read from
 * the text of `root` (the product area), at most a few thousand text nodes deep.
 */
export function readLabelledIds(root: Element | null): Partial<ProductIds> {
  const found: Partial<ProductIds> = {};
  if (!root) return found;
  // A label that says "SKU" (rank 0) beats other item-number labels (1), and those beat model numbers (2).
  let skuRank = 3;
  let pending: { kind: keyof ProductIds; rank: number }[] = [];
  const take = (kind: keyof ProductIds, rank: number, value: string) => {
    if (kind === 'sku') {
      if (rank >= skuRank) return;
      const before = found.sku;
      delete found.sku;
      store(found, 'sku', value);
      if (found.sku) skuRank = rank;
      else if (before) found.sku = before;
    } else store(found, kind, value);
  };
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(), count = 0; node && count < MAX_TEXTS; node = walker.nextNode(), count += 1) {
    const text = node.nodeValue ?? '';
    if (text.length > 80 || !/\S/.test(text)) continue;
    const match = pending.length || LABEL.test(text) ? text.match(LABEL) : null;
    if (!match && !pending.length) continue;
    if (!node.parentElement || node.parentElement.closest('script, style, template, option, a, button, [hidden], [aria-hidden="true"]')) continue;
    if (match) {
      const labels: { kind: keyof ProductIds; rank: number }[] = match[1]
        ? [{ kind: 'mpn', rank: 0 }, ...(MODEL.test(match[1]) ? [{ kind: 'sku' as const, rank: 2 }] : [])]
        : match[2]
          ? [{ kind: 'gtin', rank: 0 }]
          : [{ kind: 'sku', rank: /sku/i.test(match[3]!) ? 0 : 1 }];
      const rest = match[4]!.trim();
      if (rest) for (const label of labels) take(label.kind, label.rank, rest);
      else pending = labels;
      if (skuRank === 0 && found.gtin && found.mpn) break;
      continue;
    }
    for (const label of pending) take(label.kind, label.rank, text.trim());
    pending = [];
  }
  return found;
}

const MODEL = /model|型号|型番|모델/i;

function store(found: Partial<ProductIds>, kind: keyof ProductIds, raw: string) {
  const value = raw.split(/\s+[|·•]\s+|\s{2,}/)[0]!.replace(/[.,;)]+$/, '');
  if (found[kind] || !ID_VALUE.test(value) || !/\d/.test(value)) return;
  if (kind === 'gtin') found.gtin = gtinOf(value);
  else found[kind] = value;
}
