import { type JsonLdVariant, readJsonLd } from './jsonLd';
import { readOpenGraph } from './openGraph';
import { canonicalProductUrl } from './url';

export interface ExtractedProduct {
  url: string;
  name: string | null;
  image: string | null;
  price: string | null;
  currency: string | null;
  availability: string | null;
  variant: { id: string | null; sku: string | null; options: Record<string, string>; label: string | null } | null;
  sources: string[];
}

const MAX_CONTROLS = 60;
const norm = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();

/** Values the shopper has selected right now: option name → value, from selects and checked radios. */
function liveSelections(doc: Document): Map<string, string> {
  const selections = new Map<string, string>();
  const controls = [...doc.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input[type="radio"]:checked')].slice(0, MAX_CONTROLS);
  for (const control of controls) {
    const value = control instanceof HTMLSelectElement ? control.selectedOptions[0]?.textContent ?? control.value : control.value;
    const label = control.id ? doc.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent : null;
    for (const key of [control.name, control.dataset.option, label]) {
      if (key && value) selections.set(norm(key), norm(value));
    }
  }
  return selections;
}

function pickVariant(doc: Document, pageUrl: string, variants: JsonLdVariant[]): JsonLdVariant | null {
  if (!variants.length) return null;
  const live = liveSelections(doc);
  const matchesLive = (variant: JsonLdVariant) => {
    const entries = Object.entries(variant.options);
    return entries.length > 0 && entries.every(([name, value]) => live.get(norm(name)) === norm(value));
  };
  const byLive = variants.filter(matchesLive);
  if (byLive.length === 1) return byLive[0]!;

  const byId = (id: string | null | undefined) =>
    id ? variants.find((v) => v.id === id || v.sku === id || (v.url ?? '').includes(`variant=${id}`)) ?? null : null;
  const cartId = doc.querySelector<HTMLInputElement | HTMLSelectElement>('form[action*="/cart" i] [name="id"]')?.value;
  const urlId = new URL(pageUrl).searchParams.get('variant');
  return byId(cartId) ?? byId(urlId) ?? (variants.length === 1 ? variants[0]! : null);
}

function absolute(value: string | null, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Detects the product on `doc` and the variant selected now. Pure: reads the document, touches nothing. */
export function extractProduct(doc: Document, pageUrl: string): ExtractedProduct {
  const sources: string[] = [];
  const jsonLd = readJsonLd(doc);
  if (jsonLd) sources.push('json-ld');
  const og = readOpenGraph(doc);
  if (og) sources.push('open-graph');

  const chosen = jsonLd ? pickVariant(doc, pageUrl, jsonLd.variants) : null;
  const name = jsonLd?.name ?? og?.name ?? null;
  const price = chosen?.price ?? jsonLd?.price ?? og?.price ?? null;
  const currency = (chosen?.price ? chosen.currency : null) ?? jsonLd?.currency ?? og?.currency ?? null;
  let url = canonicalProductUrl(doc, pageUrl);
  if (chosen?.id && jsonLd && jsonLd.variants.length > 1 && (chosen.url ?? '').includes('variant=')) {
    const withVariant = new URL(url);
    withVariant.searchParams.set('variant', chosen.id);
    url = withVariant.toString();
  }
  return {
    url,
    name: name ?? (doc.title.trim() || null),
    image: absolute(jsonLd?.image ?? og?.image ?? null, pageUrl),
    price,
    currency,
    availability: chosen?.availability ?? jsonLd?.availability ?? og?.availability ?? null,
    variant: chosen
      ? { id: chosen.id, sku: chosen.sku, options: chosen.options, label: chosen.name }
      : null,
    sources,
  };
}

/** True when the page showed any sign of a product (structured data or product meta). */
export function looksLikeProduct(product: Pick<ExtractedProduct, 'sources' | 'price' | 'variant'>): boolean {
  return product.sources.length > 0 && (product.price !== null || product.variant !== null || product.sources.includes('json-ld'));
}
