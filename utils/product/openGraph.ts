import { normaliseCurrency, normalisePrice } from './price';

export interface PartialProduct {
  name: string | null;
  image: string | null;
  price: string | null;
  currency: string | null;
  availability: string | null;
}

function meta(doc: Document, ...names: string[]): string | null {
  for (const name of names) {
    const element = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    const content = element?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

/** Product facts from Open Graph and `product:` meta tags. */
export function readOpenGraph(doc: Document): PartialProduct | null {
  const price = normalisePrice(meta(doc, 'product:price:amount', 'og:price:amount', 'product:sale_price:amount'));
  const name = meta(doc, 'og:title');
  if (!name && !price) return null;
  return {
    name,
    image: meta(doc, 'og:image:secure_url', 'og:image'),
    price,
    currency: normaliseCurrency(meta(doc, 'product:price:currency', 'og:price:currency', 'product:sale_price:currency')),
    availability: meta(doc, 'product:availability', 'og:availability'),
  };
}
