import { gtinOf, idOf } from './identifiers';
import { setOption } from './pageText';
import { normaliseCurrency, normalisePrice } from './price';

/** Readers of single JSON-LD nodes: text, offers, variants (`readJsonLd` puts them together). */

/** A parsed JSON-LD object. */
export type JsonLdNode = Record<string, unknown>;
type Node = JsonLdNode;

export const MAX_VARIANTS = 500;

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

/** Product properties that name an option of the product itself. */
const OPTION_PROPERTIES: [string, string][] = [['color', 'Color'], ['size', 'Size'], ['material', 'Material'], ['pattern', 'Pattern']];
/** A JSON-LD value as text, spaces collapsed (numbers as written). */
export const text = (value: unknown): string | null => {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
};

/** The first of a value that may be a list. */
export function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** An image's address, given as text or as an ImageObject. */
export function imageOf(value: unknown): string | null {
  const image = first(value);
  if (typeof image === 'string') return image;
  if (image && typeof image === 'object') return text((image as Node).url) ?? text((image as Node).contentUrl);
  return null;
}

/** The objects of a value that may be one or a list. */
export const objects = (value: unknown) => (Array.isArray(value) ? value : [value]).filter((o): o is Node => !!o && typeof o === 'object');

/**
 * What the offers say is paid now: offers whose `priceValidUntil` has passed are left out while others remain,
 * a price specification that is a strikethrough or list price is not used while another is, and of several
 * priced offers the lowest wins (a sale offer beside the regular one).
 */
export function offerOf(value: unknown): { price: string | null; currency: string | null; availability: string | null; url: string | null } {
  const all = objects(value).slice(0, MAX_VARIANTS);
  const today = new Date().toISOString().slice(0, 10);
  const valid = all.filter((o) => !(/^\d{4}-/.test(String(o.priceValidUntil)) && String(o.priceValidUntil) < today));
  let best: ReturnType<typeof offerOf> | null = null;
  for (const offer of valid.length ? valid : all) {
    const specs = objects(offer.priceSpecification).filter((p) => p.price != null);
    const spec = specs.find((p) => !/strikethrough|list|msrp|srp|regular|original/i.test(String(p.priceType))) ?? specs[0];
    const price = normalisePrice(offer.price ?? offer.lowPrice ?? spec?.price);
    if (!best || (price && (!best.price || +price < +best.price)))
      best = { price, currency: normaliseCurrency(offer.priceCurrency ?? spec?.priceCurrency), availability: text(offer.availability)?.replace(/^https?:\/\/schema\.org\//i, '') ?? null, url: text(offer.url) };
  }
  return best ?? { price: null, currency: null, availability: null, url: null };
}

/** Names a GTIN goes by where a node states it as a kind of id (`productID: "ean:…"`, an `identifier` PropertyValue). */
const GTIN_KIND = /^(?:gtin(?:8|12|13|14)?|ean(?:13)?|upc|isbn(?:13)?|jan)$/i;

/** A GTIN stated as a kind of id: "isbn:978…" in `productID`, or `{ propertyID: "gtin13", value }` in `identifier`. */
function gtinAsId(node: Node): string | null {
  const [kind, value] = String(text(first(node.productID)) ?? '').split(/:\s*/);
  if (value && GTIN_KIND.test(kind!)) return gtinOf(value);
  const ids = objects(node.identifier).filter((id) => GTIN_KIND.test(String(text(id.propertyID) ?? '')));
  return ids.map((id) => gtinOf(text(first(id.value)))).find(Boolean) ?? null;
}

/** The product's own GTIN: any `gtin*` or `isbn` property with a valid check digit, else one stated as a kind of id. */
export const gtinOfNode = (node: Node) => ['gtin', 'gtin13', 'gtin12', 'gtin14', 'gtin8', 'isbn'].map((key) => gtinOf(text(first(node[key])))).find(Boolean) ?? gtinAsId(node);

/** "https://schema.org/size" → "Size"; "color" → "Color". */
export function optionName(value: string): string {
  const last = value.replace(/^https?:\/\/schema\.org\//i, '').split(/[/#]/).pop() ?? value;
  return last.charAt(0).toUpperCase() + last.slice(1);
}

/** One variant of a product group, as its node says. */
export function variantOf(node: Node, optionNames: string[]): JsonLdVariant {
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
      if (name && value) setOption(options, name, value);
    }
  }
  const offer = offerOf(node.offers);
  return {
    id: idOf(node.productID) ?? text(node.identifier),
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

/** A node's name, with an escaped ampersand read as one. */
export function nameOf(node: Node): string | null {
  return text(node.name)?.replace(/&amp;/g, '&') ?? null;
}

