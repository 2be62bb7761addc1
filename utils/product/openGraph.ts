import { normaliseCurrency, normalisePrice } from './price';

export interface PartialProduct {
  name: string | null;
  image: string | null;
  price: string | null;
  currency: string | null;
  availability: string | null;
}

const MAX_META = 500;

/** The page's meta tags by `property` and `name` (the first with content wins), read once through the tag index. */
function metaTags(doc: Document): Map<string, string> {
  const tags = new Map<string, string>();
  const elements = doc.getElementsByTagName('meta');
  for (let i = 0; i < elements.length && i < MAX_META; i += 1) {
    const element = elements[i]!;
    const content = element.getAttribute('content')?.trim();
    if (!content) continue;
    for (const key of [element.getAttribute('property'), element.getAttribute('name')]) if (key && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

/** Product facts from Open Graph and `product:` meta tags. */
export function readOpenGraph(doc: Document): PartialProduct | null {
  const tags = metaTags(doc);
  const meta = (...names: string[]) => names.map((name) => tags.get(name)).find(Boolean) ?? null;
  const price = normalisePrice(meta('product:price:amount', 'og:price:amount', 'product:sale_price:amount'));
  const name = meta('og:title');
  if (!name && !price) return null;
  return {
    name,
    image: meta('og:image:secure_url', 'og:image'),
    price,
    currency: normaliseCurrency(meta('product:price:currency', 'og:price:currency', 'product:sale_price:currency')),
    availability: meta('product:availability', 'og:availability'),
  };
}
