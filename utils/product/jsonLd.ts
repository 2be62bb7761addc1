import { brandOf, gtinOf, idOf } from './identifiers';
import type { SourceProduct } from './microdata';
import { normaliseCurrency, normalisePrice } from './price';

/** Budgets: a hostile page cannot make extraction slow or deep. */
const MAX_SCRIPTS = 40;
/** Blocks larger than this are read shallowly (see `shallowParse`); larger than the second, not at all. */
const LARGE_SCRIPT_CHARS = 400_000;
const MAX_SCRIPT_CHARS = 12_000_000;
/** In a shallow read, values longer than this are skipped unless they hold what is needed. */
const MAX_VALUE_CHARS = 50_000;
const MAX_NODES = 20_000;
const MAX_DEPTH = 24;
export const MAX_VARIANTS = 500;

type Node = Record<string, unknown>;

export interface JsonLdVariant {
  id: string | null;
  sku: string | null;
  gtin: string | null;
  url: string | null;
  options: Record<string, string>;
  name: string | null;
  price: string | null;
  currency: string | null;
  availability: string | null;
}

export interface JsonLdProduct extends SourceProduct {
  optionNames: string[];
  variants: JsonLdVariant[];
  /** Currencies named anywhere in the page's JSON-LD (also of other products): the page's currency. */
  pageCurrency: string | null;
}

/** Product properties that name an option of the product itself. */
const OPTION_PROPERTIES: [string, string][] = [['color', 'Color'], ['size', 'Size'], ['material', 'Material'], ['pattern', 'Pattern']];

/** Parses a JSON-LD block, tolerating CDATA wrappers, HTML comments and trailing commas. */
export function parseJsonLd(text: string): unknown {
  const stripped = text
    .replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/|<!\[CDATA\[)/, '')
    .replace(/(-->|\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/|\]\]>)\s*$/, '')
    .trim();
  try {
    return JSON.parse(stripped);
  } catch {
    try {
      // Common hand-written mistakes: trailing commas and raw newlines inside strings.
      return JSON.parse(stripped.replace(/,\s*([}\]])/g, '$1').replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function typesOf(node: Node): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//i, '').toLowerCase());
}

/** Time budget for reading JSON-LD: a hostile page cannot hold the detector longer than this. */
const TIME_BUDGET_MS = 150;

/** Index just past the JSON value that starts at or after `i`; -1 when the text ends first. */
function skipValue(text: string, i: number): number {
  while (i < text.length && /\s/.test(text.charAt(i))) i += 1;
  const first = text.charAt(i);
  if (first === '"') return skipString(text, i);
  if (first !== '{' && first !== '[') {
    const end = text.slice(i, i + 64).search(/[,}\]\s]/);
    return end < 0 ? -1 : i + end;
  }
  let depth = 0;
  for (let at = i; at < text.length; at += 1) {
    const c = text.charCodeAt(at);
    if (c === 34) {
      at = skipString(text, at) - 1;
      if (at < 0) return -1;
    } else if (c === 123 || c === 91) depth += 1;
    else if ((c === 125 || c === 93) && --depth === 0) return at + 1;
  }
  return -1;
}

/** Index just past the string literal that starts at `i` (a quote). */
function skipString(text: string, i: number): number {
  for (let at = text.indexOf('"', i + 1); at >= 0; at = text.indexOf('"', at + 1)) {
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === 92) slashes += 1;
    if (slashes % 2 === 0) return at + 1;
  }
  return -1;
}

/**
 * Reads a very large JSON-LD value without parsing all of it: small values are parsed, large objects are read
 * the same way, and of large arrays (10,000 variants) only the first items and those that mention a wanted id
 * (the variant in the URL) are kept. Enough for the name, the offers and the selected variant.
 */
export function shallowParse(text: string, start: number, wanted: number[], depth = 0): unknown {
  const end = skipValue(text, start);
  if (end < 0) return undefined;
  while (/\s/.test(text.charAt(start))) start += 1;
  if (end - start <= MAX_VALUE_CHARS) return parseJsonLd(text.slice(start, end));
  const open = text.charAt(start);
  if (depth > 6 || (open !== '{' && open !== '[')) return undefined;
  const mentions = (from: number, to: number) => wanted.some((at) => at >= from && at < to);
  const result: Node | unknown[] = open === '{' ? Object.create(null) : [];
  let kept = 0;
  for (let at = start + 1; at < end - 1; ) {
    while (/[\s,]/.test(text.charAt(at))) at += 1;
    if (at >= end - 1) break;
    let key: string | null = null;
    if (open === '{') {
      const keyEnd = skipString(text, at);
      if (keyEnd < 0) break;
      key = JSON.parse(text.slice(at, keyEnd)) as string;
      at = text.indexOf(':', keyEnd) + 1;
      if (at <= 0) break;
    }
    const valueEnd = skipValue(text, at);
    if (valueEnd < 0) break;
    // Past the first items of a long array, only the items that mention a wanted id are read.
    if (open === '[' && kept >= MAX_VARIANTS && !wanted.some((w) => w >= at)) break;
    const keep = open === '{' || kept < MAX_VARIANTS || mentions(at, valueEnd);
    if (keep) {
      const value = shallowParse(text, at, wanted, depth + 1);
      if (value !== undefined) {
        if (key === null) (result as unknown[]).push(value);
        else if (key !== '__proto__') (result as Node)[key] = value;
        kept += 1;
      }
    }
    at = valueEnd;
  }
  return open === '{' ? { ...(result as Node) } : result;
}

/** Where each wanted id occurs in `text` (quoted, so "12" does not match "123"), at most a few hundred places. */
function positions(text: string, wanted: string[]): number[] {
  const found: number[] = [];
  for (const id of wanted) {
    const quoted = JSON.stringify(id);
    for (let at = text.indexOf(quoted); at >= 0 && found.length < 200; at = text.indexOf(quoted, at + 1)) found.push(at);
    for (let at = text.indexOf(`=${id}"`); at >= 0 && found.length < 200; at = text.indexOf(`=${id}"`, at + 1)) found.push(at);
  }
  return found;
}

/** Every object node in the JSON-LD of the page, breadth-first, within the size and time budgets. */
export function collectNodes(doc: Document, wanted: string[] = []): Node[] {
  const nodes: Node[] = [];
  const until = performance.now() + TIME_BUDGET_MS;
  const scripts = [...doc.querySelectorAll('script[type="application/ld+json" i]')].slice(0, MAX_SCRIPTS);
  for (const script of scripts) {
    if (performance.now() > until) break;
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    const start = text.search(/[[{]/);
    const parsed = text.length > LARGE_SCRIPT_CHARS ? (start < 0 ? undefined : shallowParse(text, start, positions(text, wanted))) : parseJsonLd(text);
    const queue: [unknown, number][] = [[parsed, 0]];
    for (let head = 0; head < queue.length && nodes.length < MAX_NODES; head += 1) {
      if ((head & 255) === 0 && performance.now() > until) break;
      const [value, depth] = queue[head]!;
      if (depth > MAX_DEPTH || !value || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const item of value.slice(0, Math.max(0, MAX_NODES - queue.length))) queue.push([item, depth + 1]);
        continue;
      }
      nodes.push(value as Node);
      const graph = (value as Node)['@graph'];
      if (graph) queue.push([graph, depth + 1]);
      // Offers of other products say which currency the page uses.
      const offers = (value as Node).offers;
      if (offers && typeof offers === 'object') queue.push([offers, depth + 1]);
    }
  }
  return nodes;
}

const text = (value: unknown): string | null => {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
};

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function imageOf(value: unknown): string | null {
  const image = first(value);
  if (typeof image === 'string') return image;
  if (image && typeof image === 'object') return text((image as Node).url) ?? text((image as Node).contentUrl);
  return null;
}

interface OfferFacts {
  price: string | null;
  currency: string | null;
  availability: string | null;
  url: string | null;
}

/** Price specifications that name a former or list price, not what is paid now. */
const NOT_PAID = /strikethrough|listprice|msrp|srp|regular|original|was/i;

/** The price a buyer pays now from one offer: its price, else the price specification that is not a list price. */
function offerPrice(offer: Node): { price: string | null; currency: string | null } {
  const specs = (Array.isArray(offer.priceSpecification) ? offer.priceSpecification : [offer.priceSpecification]).filter((p): p is Node => !!p && typeof p === 'object');
  const spec = specs.find((p) => p.price != null && !NOT_PAID.test(String(p.priceType ?? ''))) ?? (offer.price == null ? specs.find((p) => p.price != null) : undefined);
  return {
    price: normalisePrice(offer.price ?? offer.lowPrice ?? spec?.price),
    currency: normaliseCurrency(offer.priceCurrency ?? spec?.priceCurrency),
  };
}

/**
 * What the offers say is paid now: offers whose `priceValidUntil` has passed are left out while others remain,
 * and of several priced offers the lowest wins (a sale offer beside the regular one).
 */
function offerOf(value: unknown): OfferFacts {
  const all = (Array.isArray(value) ? value : [value]).filter((o): o is Node => !!o && typeof o === 'object').slice(0, MAX_VARIANTS);
  const today = new Date().toISOString().slice(0, 10);
  const valid = all.filter((o) => !(typeof o.priceValidUntil === 'string' && /^\d{4}-\d\d-\d\d/.test(o.priceValidUntil) && o.priceValidUntil.slice(0, 10) < today));
  const offers = valid.length ? valid : all;
  let best: { offer: Node; price: string | null; currency: string | null } | null = null;
  for (const offer of offers) {
    const priced = offerPrice(offer);
    if (!best || (priced.price !== null && (best.price === null || Number(priced.price) < Number(best.price)))) best = { offer, ...priced };
  }
  if (!best) return { price: null, currency: null, availability: null, url: null };
  return {
    price: best.price,
    currency: best.currency,
    availability: text(best.offer.availability)?.replace(/^https?:\/\/schema\.org\//i, '') ?? null,
    url: text(best.offer.url),
  };
}

/** The product's own GTIN: any `gtin*` or `isbn` property with a valid check digit. */
function gtinOfNode(node: Node): string | null {
  for (const key of ['gtin', 'gtin13', 'gtin12', 'gtin14', 'gtin8', 'isbn']) {
    const gtin = gtinOf(text(first(node[key])));
    if (gtin) return gtin;
  }
  return null;
}

/** "https://schema.org/size" → "Size"; "color" → "Color". */
function optionName(value: string): string {
  const last = value.replace(/^https?:\/\/schema\.org\//i, '').split(/[/#]/).pop() ?? value;
  return last.charAt(0).toUpperCase() + last.slice(1);
}

function variantOf(node: Node, optionNames: string[]): JsonLdVariant {
  const options: Record<string, string> = {};
  for (const [property, name] of OPTION_PROPERTIES) {
    const value = text(first(node[property]));
    if (value && !optionNames.length) options[name] = value;
  }
  for (const name of optionNames) {
    const value = text(first(node[name.toLowerCase()] ?? node[name]));
    if (value) options[name] = value;
  }
  const additional = Array.isArray(node.additionalProperty) ? node.additionalProperty : [];
  for (const property of additional.slice(0, 20)) {
    if (property && typeof property === 'object') {
      const name = text((property as Node).name);
      const value = text((property as Node).value);
      if (name && value && !(name in options) && name !== '__proto__') options[name] = value;
    }
  }
  const offer = offerOf(node.offers);
  return {
    id: text(node.productID) ?? text(node.identifier),
    sku: idOf(node.sku),
    gtin: gtinOfNode(node),
    url: offer.url ?? text(node.url),
    options,
    name: text(node.name),
    price: offer.price,
    currency: offer.currency,
    availability: offer.availability,
  };
}

function nameOf(node: Node): string | null {
  return text(node.name)?.replace(/&amp;/g, '&') ?? null;
}

/**
 * The page's main product from JSON-LD: a ProductGroup with its variants; else the Product nodes of the
 * page, where several nodes of one product (one per size or colour) are its variants.
 */
export function readJsonLd(doc: Document, pageUrl: string, wanted: string[] = []): JsonLdProduct | null {
  const nodes = collectNodes(doc, wanted);
  const declared = nodes.map((n) => normaliseCurrency(n.priceCurrency)).find(Boolean) ?? null;
  const group = nodes.find((n) => typesOf(n).includes('productgroup'));
  const products = nodes.filter((n) => typesOf(n).includes('product'));
  const page = pageUrl.split(/[?#]/)[0];
  const main =
    group ??
    products.find((n) => [text(n.url), offerOf(n.offers).url].some((u) => u && u.split(/[?#]/)[0] === page)) ??
    products.find((n) => n.offers) ??
    products[0];
  if (!main) return null;
  const variesBy = (Array.isArray(main.variesBy) ? main.variesBy : [main.variesBy]).filter((v): v is string => typeof v === 'string');
  const optionNames = [...new Set(variesBy.map(optionName))].filter((n) => n !== '__proto__').slice(0, 10);
  let variantNodes: Node[];
  if (group) {
    variantNodes = (Array.isArray(group.hasVariant) ? group.hasVariant : []).filter((v): v is Node => !!v && typeof v === 'object');
  } else {
    // Sibling Product nodes of the same product (same name) are its variants.
    const siblings = products.filter((n) => n !== main && nameOf(n) === nameOf(main) && (text(n.sku) ?? '') !== (text(main.sku) ?? ''));
    variantNodes = siblings.length ? [main, ...siblings] : [];
  }
  variantNodes = variantNodes.slice(0, MAX_VARIANTS);
  const variants = variantNodes.map((node) => variantOf(node, optionNames));
  const offer = offerOf(main.offers);
  const cheapest = variants.find((v) => v.price !== null);
  const own = variantOf(main, optionNames);
  const offers = (Array.isArray(main.offers) ? main.offers : [main.offers]).filter((o): o is Node => !!o && typeof o === 'object');
  return {
    name: nameOf(main),
    image: imageOf(main.image) ?? imageOf(variantNodes[0]?.image),
    price: offer.price ?? cheapest?.price ?? null,
    currency: offer.currency ?? cheapest?.currency ?? null,
    availability: offer.availability,
    sku: idOf(main.sku) ?? (group ? idOf(main.productGroupID) : null) ?? offers.map((o) => idOf(o.sku)).find(Boolean) ?? null,
    mpn: idOf(main.mpn),
    gtin: gtinOfNode(main) ?? offers.map(gtinOfNode).find(Boolean) ?? null,
    brand: brandOf(main.brand) ?? brandOf(main.manufacturer),
    productId: text(main.productID) ?? text(main.productGroupID),
    options: group ? {} : own.options,
    url: text(main.url) ?? offer.url,
    optionNames,
    variants,
    pageCurrency: declared ?? offer.currency,
  };
}
