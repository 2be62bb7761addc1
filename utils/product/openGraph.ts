import { brandOf, gtinOf, idOf } from './identifiers';
import { normaliseCurrency, normalisePrice } from './price';

export interface PartialProduct {
  name: string | null;
  image: string | null;
  price: string | null;
  currency: string | null;
  availability: string | null;
  sku: string | null;
  mpn: string | null;
  gtin: string | null;
  brand: string | null;
}

/** What the page's meta tags say about the page itself: its locale, site name and currency. */
export interface PageMeta {
  locale: string | null;
  siteName: string | null;
  currency: string | null;
}

const MAX_META = 500;
/** The meta tags the extension reads: Open Graph, `product:` and the content language. */
const READ_META = /^(?:og|product):|^content-language$/;

/**
 * The page's meta tags by `property` and `name` (the first with content wins), read once through the tag index;
 * only those the extension reads. Runs in the page; `new Map(…)` of the pairs is what the readers below take.
 */
export function collectMetaTags(doc: Document): [string, string][] {
  const tags = new Map<string, string>();
  const elements = doc.getElementsByTagName('meta');
  for (let i = 0; i < elements.length && i < MAX_META; i += 1) {
    const element = elements[i]!;
    const content = element.getAttribute('content')?.trim();
    if (!content) continue;
    for (const key of [element.getAttribute('property'), element.getAttribute('name'), element.getAttribute('http-equiv')?.toLowerCase()]) if (key && READ_META.test(key) && !tags.has(key)) tags.set(key, content);
  }
  return [...tags];
}

/** Locale, site name and currency from meta tags (`og:locale`, `og:site_name`, any `…price:currency`). */
export function readPageMeta(tags: Map<string, string>): PageMeta {
  const currency = ['product:price:currency', 'og:price:currency', 'product:sale_price:currency', 'og:price:standard_currency'].map((key) => normaliseCurrency(tags.get(key))).find(Boolean) ?? null;
  return { locale: tags.get('og:locale') ?? tags.get('content-language') ?? null, siteName: tags.get('og:site_name') ?? null, currency };
}

/** Product facts from Open Graph and `product:` meta tags (RDFa in the head). */
export function readOpenGraph(tags: Map<string, string>): PartialProduct | null {
  const meta = (...names: string[]) => names.map((name) => tags.get(name)).find(Boolean) ?? null;
  const regular = normalisePrice(meta('product:price:amount', 'og:price:amount'));
  const sale = normalisePrice(meta('product:sale_price:amount'));
  // A sale price beside the regular one is what is paid now.
  const price = sale && (!regular || Number(sale) < Number(regular)) ? sale : regular ?? sale;
  const name = meta('og:title');
  if (!name && !price) return null;
  return {
    name,
    image: meta('og:image:secure_url', 'og:image'),
    price,
    currency: normaliseCurrency(meta('product:price:currency', 'og:price:currency', 'product:sale_price:currency')),
    availability: meta('product:availability', 'og:availability'),
    sku: idOf(meta('product:retailer_item_id', 'product:sku')),
    mpn: idOf(meta('product:mfr_part_no')),
    gtin: gtinOf(meta('product:gtin', 'product:ean', 'product:upc', 'product:isbn')),
    brand: brandOf(meta('product:brand', 'og:brand')),
  };
}
