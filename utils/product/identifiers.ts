/** Product identifiers: SKU, MPN, GTIN (check digit verified) and brand, from markup or labelled values on the page. */
import { REPORT_LIMITS } from './reportLimits';

export interface ProductIds {
  sku: string | null;
  mpn: string | null;
  gtin: string | null;
  brand: string | null;
}

const KEYS = ['sku', 'mpn', 'gtin', 'brand'] as const;

/** A GTIN-8/12/13/14 (UPC, EAN, ISBN-13) whose check digit is right, as digits; null otherwise. */
export function gtinOf(value: unknown): string | null {
  const digits = String(value ?? '').replace(/[\s-]/g, '');
  if (!/^(\d{8}|\d{12,14})$/.test(digits)) return null;
  let sum = 0;
  for (let i = digits.length - 1; i >= 0; i -= 1) sum += +digits[i]! * ((digits.length - i) % 2 ? 1 : 3);
  return sum % 10 ? null : digits;
}

/**
 * An identifier as written, without a label before it or words after it ("Item # 101095" → "101095",
 * "sku:CAE5D4" → "CAE5D4", "TE502-1293 Housse de chaise" → "TE502-1293"); null when it is not one.
 */
export function idOf(value: unknown): string | null {
  let text = typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\s+/g, ' ').replace(/^(?:item|sku|style|ref\.?)(?:\s*[:#]\s*#?|\s+#?)\s*/i, '').trim() : '';
  const [first, ...words] = text.split(' ');
  if (words.length > 1 && /\d/.test(first!) && words.every((w) => !/\d/.test(w))) text = first!;
  return text.length < 65 && /[\p{L}\p{N}]/u.test(text) && !/[<>{}]/.test(text) ? text : null;
}

/** Brand as a name: a string, or the `name` of a Brand/Organization node. */
export function brandOf(value: unknown): string | null {
  const brand = Array.isArray(value) ? value[0] : value;
  const name = typeof brand === 'object' && brand ? (brand as Record<string, unknown>).name : brand;
  const text = typeof name === 'string' ? name.replace(/\s+/g, ' ').replace(/^\|\s*/, '').trim() : '';
  return text && text.length < 81 && !/^(https?:|\/)/.test(text) ? text : null;
}

/** The first value of each field, in the order the sources are given (most trusted first). */
export function mergeIds(...sources: (Partial<ProductIds> | null | undefined)[]): ProductIds {
  const merged = { sku: null, mpn: null, gtin: null, brand: null } as ProductIds;
  for (const key of KEYS) merged[key] = sources.map((s) => s?.[key]).find((v) => v) ?? null;
  return merged;
}

/**
 * Labels shops print before an identifier, by what they name: an MPN or model number, a GTIN, a SKU, another
 * item number. A label that says "SKU" beats other item numbers, and those beat model numbers.
 */
const LABELS: [RegExp, keyof ProductIds, number][] = [
  [/^(?:sku|store sku)\b/i, 'sku', 0],
  [
    /^(?:item|art(?:ikel)?\.?[\s-]*n[ro]\.?|artikelnummer|bestellnummer|article|product (?:code|no)|style|r[ée]f(?:[ée]rence)?\.?|c[óo]digo|codice|k[óo]d(?: produktu| tovaru)?|šifra|артикул|код товара|商品番号|商品[编編]号|商品編號|货号|貨號|品番|상품번호|품번)/i,
    'sku',
    1,
  ],
  [/^(?:mpn|part (?:no|number)|herstellernummer|model(?:l)?(?:nummer)?|型号|型番|모델명)/i, 'mpn', 0],
  [/^(?:ean|upc|gtin|isbn|jan)/i, 'gtin', 0],
];
/** Words every label above contains: the page's quick first test. */
const LABEL_HINT = /sku|item|art|bestell|product|style|r[ée]f|c[óo]d|k[óo]d|šifra|артикул|код|品番|商品|货号|貨號|상품|품번|mpn|part|herstell|model|型|모델|ean|upc|gtin|isbn|jan/i;
/** A value as shops print identifiers: letters, digits and - . / _, with at least one digit. */
const ID_VALUE = /^(?=.*\d)[\p{L}\p{N}][\p{L}\p{N}\-./_]{1,40}$/u;

/**
 * The texts of `root` (the product's part of the page) that may carry a labelled identifier, in page order, at most
 * a few thousand text nodes deep: short texts that may be a label, each followed by the next short text (the value
 * when the label stands alone). Runs in the page; `readLabelledIds` reads them.
 */
export function collectLabelledTexts(root: Element | null): string[] {
  const texts: string[] = [];
  if (!root) return texts;
  let follows = false;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(), count = 0; node && count < REPORT_LIMITS.labelTexts; node = walker.nextNode(), count += 1) {
    const text = (node.nodeValue ?? '').trim();
    // One cheap test first: almost no text on a page is a label.
    if (!text || text.length > REPORT_LIMITS.labelText || !(follows || LABEL_HINT.test(text)) || node.parentElement?.closest('script, style, option, a, button, [hidden]')) continue;
    texts.push(text);
    follows = LABEL_HINT.test(text);
  }
  return texts;
}

/**
 * Identifiers the page prints beside a label ("SKU: AB-12", "Art.-Nr. 1234", "品番 X1", "상품번호 123"), read from
 * the texts `collectLabelledTexts` found.
 */
export function readLabelledIds(texts: string[]): Partial<ProductIds> {
  return readLabelled(texts).ids;
}

/**
 * The labelled identifiers (see `readLabelledIds`) and the product's own code: the SKU a label names as the
 * product's ("SKU", "Item number", "Art.-Nr.", "Артикул"…), not one taken from a model number.
 */
export function readLabelled(texts: string[]): { ids: Partial<ProductIds>; code: string | null } {
  const found: Partial<ProductIds> = {};
  let skuRank = 9;
  let pending: [keyof ProductIds, number][] = [];
  const take = (kind: keyof ProductIds, rank: number, raw: string) => {
    const value = raw.split(/\s{2,}|\s[|·•]\s/)[0]!.replace(/[.,;)]+$/, '');
    if (!ID_VALUE.test(value) || (kind === 'sku' ? rank >= skuRank : found[kind])) return;
    const id = kind === 'gtin' ? gtinOf(value) : value;
    if (!id) return;
    found[kind] = id;
    if (kind === 'sku') skuRank = rank;
    // A model number is a SKU when nothing better names one.
    if (kind === 'mpn') take('sku', 2, value);
  };
  for (const text of texts) {
    let labels: [keyof ProductIds, number][] = [];
    let value = '';
    // The label starts the text or follows one word ("eBay item number: …").
    for (const body of [text, text.replace(/^[\p{L}-]+\s+/u, '')]) {
      for (const [pattern, kind, rank] of labels.length ? [] : LABELS) {
        const label = body.match(pattern)?.[0];
        // The label is a whole word ("Style #", not "Stylecraft"), then its value or nothing (the value follows).
        if (label && !/^\p{L}/u.test(body.slice(label.length).replace(/^\s*(?:#|no\.?|nr\.?|number)/i, ' '))) {
          labels.push([kind, rank]);
          value = body.slice(label.length).replace(/^[\s.]*(?:#|no\.?|nr\.?|number)?[\s.:#：]*/i, '');
        }
      }
    }
    // A text that is no label is only the value of the label before it.
    if (!labels.length && !pending.length) continue;
    if (!labels.length) [labels, value] = [pending, text];
    for (const [kind, rank] of value ? labels : []) take(kind, rank, value);
    pending = value || labels === pending ? [] : labels;
  }
  return { ids: found, code: skuRank < 2 ? found.sku! : null };
}
