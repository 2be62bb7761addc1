import { type JsonLdProduct, readJsonLd } from './jsonLd';
import { readMicrodata } from './microdata';
import { readOpenGraph } from './openGraph';
import { readAmazon } from './platforms/amazon';
import { readBigCommerce } from './platforms/bigcommerce';
import { readGeneric } from './platforms/generic';
import { readMagento } from './platforms/magento';
import { readShopify } from './platforms/shopify';
import type { PlatformProduct } from './platforms/types';
import { readWooCommerce } from './platforms/woocommerce';
import type { LocaleHints } from './price';
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

const ADAPTERS = [readAmazon, readShopify, readWooCommerce, readMagento, readBigCommerce];
const norm = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();

/** The JSON-LD variant the shopper has selected now (live controls, then the cart form, then the URL). */
function pickJsonLdVariant(doc: Document, product: JsonLdProduct, ids: (string | null | undefined)[], selected: Record<string, string>) {
  const { variants } = product;
  if (!variants.length) return null;
  const liveValues = new Set(Object.values(selected).map(norm));
  const matchesLive = variants.filter((v) => {
    const values = Object.values(v.options);
    return values.length > 0 && values.every((value) => liveValues.has(norm(value)));
  });
  if (matchesLive.length === 1) return matchesLive[0]!;
  for (const id of ids) {
    if (!id) continue;
    const hit = variants.find((v) => v.id === id || v.sku === id || (v.url ?? '').includes(`variant=${id}`));
    if (hit) return hit;
  }
  const cartId = doc.querySelector<HTMLInputElement | HTMLSelectElement>('form[action*="/cart" i] [name="id"]')?.value;
  return variants.find((v) => v.id === cartId) ?? (variants.length === 1 ? variants[0]! : null);
}

/** Options every variant node shares (e.g. the colour fixed by the page when only sizes differ). */
function sharedOptions(product: JsonLdProduct): Record<string, string> {
  const [first, ...rest] = product.variants;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first.options).filter(([name, value]) => rest.every((v) => v.options[name] === value)));
}

function absolute(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Cleans up names that carry page furniture ("Details about …") or a double-escaped entity. */
function cleanName(name: string | null): string | null {
  const cleaned = name?.replace(/&amp;/g, '&').replace(/^details about\s+/i, '').replace(/\s+/g, ' ').trim();
  return cleaned || null;
}

const letters = (text: string) => text.toLowerCase().replace(/&amp;/g, '&').replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Chooses between the structured name and the page's heading. The heading is what the shopper reads, so
 * it wins when it says the same, adds the brand in front, or agrees with Open Graph; the structured name
 * wins when the heading only adds words after it (an off-screen "Details", a badge).
 */
function chooseName(structured: string | null, heading: string | null, og: string | null): string | null {
  if (!heading) return structured ?? og;
  if (!structured) return heading;
  const s = letters(structured);
  const h = letters(heading);
  if (!s || h === s || h.endsWith(s) || s.startsWith(h) || (og && letters(og) === h)) return heading;
  return structured;
}

type PriceCandidate = { price?: string | null; currency?: string | null } | null | undefined;

/**
 * Chooses the price. A price the page also shows near the title wins. Otherwise the selected variant's or
 * the platform's own price; otherwise the product-level structured prices, the lowest when they disagree
 * and the page shows none (a sale price is the lower one).
 */
function choosePrice(preferred: PriceCandidate[], fallback: PriceCandidate[], visible: { price: string; currency: string | null }[]) {
  const usable = (list: PriceCandidate[]) => list.filter((s) => !!s?.price).map((s) => ({ price: s!.price!, currency: s!.currency ?? null }));
  const first = usable(preferred);
  const rest = usable(fallback);
  const shown = new Set(visible.map((v) => v.price));
  const confirmed = [...first, ...rest].find((c) => shown.has(c.price));
  if (confirmed) return { ...confirmed, currency: confirmed.currency ?? visible.find((v) => v.price === confirmed.price)?.currency ?? null };
  if (first.length) return first[0]!;
  if (!rest.length) return visible[0] ?? null;
  if (visible.length) return rest[0]!;
  return rest.reduce((low, c) => (Number(c.price) < Number(low.price) ? c : low));
}

/** Detects the product on `doc` and the variant selected now. Pure: reads the document, touches nothing. */
export function extractProduct(doc: Document, pageUrl: string): ExtractedProduct {
  const url = new URL(pageUrl);
  const hints: LocaleHints = { host: url.hostname.toLowerCase(), lang: doc.documentElement.getAttribute('lang') ?? '' };
  const sources: string[] = [];
  const jsonLd = readJsonLd(doc, pageUrl);
  if (jsonLd) sources.push('json-ld');
  const microdata = readMicrodata(doc, hints);
  if (microdata) sources.push('microdata');
  const og = readOpenGraph(doc);
  if (og) sources.push('open-graph');
  let platform: PlatformProduct | null = null;
  for (const adapter of ADAPTERS) {
    platform = adapter(doc, url, hints);
    if (platform) break;
  }
  if (platform) sources.push(platform.platform);
  const generic = readGeneric(doc, url, hints);

  const selected = { ...generic.selected, ...(platform?.selected ?? {}) };
  const ids = [platform?.variantId, generic.urlVariantId];
  const chosen = jsonLd ? pickJsonLdVariant(doc, jsonLd, ids, selected) : null;

  // Name: the product's own name from the most specific source.
  const name = cleanName(chooseName(platform?.name ?? jsonLd?.name ?? microdata?.name ?? null, generic.name, og?.name ?? null) ?? (doc.title.trim() || null));

  const priced = choosePrice([chosen, platform], [jsonLd, microdata, og], generic.visiblePrices);
  const currency = priced?.currency ?? platform?.currency ?? jsonLd?.currency ?? microdata?.currency ?? og?.currency ?? generic.visiblePrices[0]?.currency ?? null;

  // The variant: a JSON-LD variant chosen above, else what the platform and the page say is selected.
  const options: Record<string, string> = {
    ...(jsonLd ? sharedOptions(jsonLd) : {}),
    ...(jsonLd?.options ?? {}),
    ...(microdata?.options ?? {}),
    ...(chosen?.options ?? {}),
    ...selected,
  };
  const variantId = chosen?.id ?? platform?.variantId ?? generic.urlVariantId ?? microdata?.productId ?? jsonLd?.productId ?? null;
  const sku = chosen?.sku ?? platform?.sku ?? jsonLd?.sku ?? microdata?.sku ?? null;
  const hasVariant = variantId !== null || sku !== null || Object.keys(options).length > 0;

  let canonical = canonicalProductUrl(doc, pageUrl);
  if (chosen?.id && (chosen.url ?? '').includes('variant=')) {
    const withVariant = new URL(canonical);
    withVariant.searchParams.set('variant', chosen.id);
    canonical = withVariant.toString();
  }

  return {
    url: canonical,
    name,
    image: absolute(platform?.image ?? jsonLd?.image ?? microdata?.image ?? og?.image ?? null, pageUrl),
    price: priced?.price ?? null,
    // A currency without a price says nothing about what will be paid.
    currency: priced?.price ? currency : null,
    availability: chosen?.availability ?? jsonLd?.availability ?? microdata?.availability ?? og?.availability ?? null,
    variant: hasVariant ? { id: variantId, sku, options, label: chosen?.name ?? null } : null,
    sources,
  };
}

/** True when the page showed any sign of a product (structured data, a platform, or a price by the title). */
export function looksLikeProduct(product: Pick<ExtractedProduct, 'sources' | 'price' | 'variant'>): boolean {
  return product.sources.length > 0 || product.price !== null;
}
