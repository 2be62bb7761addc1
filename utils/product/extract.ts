import { type CheckoutLinks, checkoutLinksFrom } from './checkoutLinks';
import type { PageReport } from './collect';
import { gtinOf, mergeIds, readLabelled } from './identifiers';
import { type JsonLdProduct, readJsonLd } from './jsonLd';
import { readMicrodata } from './microdata';
import { cleanName, chooseName } from './name';
import { readOpenGraph, readPageMeta } from './openGraph';
import { type GenericProduct, readGeneric } from './platforms/generic';
import { readPlatform } from './platforms/platformProduct';
import { currencyFromText, type LocaleHints, normaliseCurrency } from './price';
import { canonicalProductUrl, productIdInUrl, variantIdParam } from './url';

export interface ExtractedProduct {
  url: string;
  name: string | null;
  image: string | null;
  price: string | null;
  currency: string | null;
  availability: string | null;
  /** Product identifiers; `sku` is the code the page labels as the product's, else the selected variant's. */
  sku: string | null;
  /** Where the SKU came from (see `SkuSource`). */
  skuSource: SkuSource | null;
  /** Where the price came from (see `PriceSource`). */
  priceSource: PriceSource | null;
  mpn: string | null;
  gtin: string | null;
  brand: string | null;
  variant: { id: string | null; sku: string | null; options: Record<string, string>; label: string | null } | null;
  sources: string[];
  checkoutLinks: CheckoutLinks;
}
/**
 * Where a product's SKU came from: structured data the page's labelled codes also show (`agreed`), structured data
 * only, a code the page labels where no structured data names one (`visible`), a labelled product code preferred to a
 * structured or variant SKU that differs (`labelled`), or the product's id in the address (`url`).
 */
export type SkuSource = 'agreed' | 'structured' | 'visible' | 'labelled' | 'url';
/**
 * Where a product's price came from: structured data (platform data included) the page also shows (`agreed`),
 * structured data only, the page only (`visible`), or the option the shopper selected (`selected`).
 */
export type PriceSource = 'agreed' | 'structured' | 'visible' | 'selected';
const norm = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();

/** The JSON-LD variant the shopper has selected now (live controls, then the cart form, then the URL). */
function pickJsonLdVariant(product: JsonLdProduct, ids: (string | null | undefined)[], selected: Record<string, string>, cartId: string | undefined, pageUrl: string) {
  const { variants } = product;
  if (!variants.length) return null;
  const liveValues = new Set(Object.values(selected).map(norm));
  const matchesLive = variants.filter((v) => {
    const values = Object.values(v.options);
    return values.length > 0 && values.every((value) => liveValues.has(norm(value)));
  });
  if (matchesLive.length === 1) return matchesLive[0]!;
  // The id each variant's own address names, read by the same list as the page's address (parsed once, when needed).
  let urlIds: (string | null)[] | undefined;
  const urlIdOf = (index: number) => (urlIds ??= variants.map((v) => variantParamInAddress(v.url, pageUrl)?.value ?? null))[index];
  for (const id of ids) {
    if (!id) continue;
    const hits = variants.filter((v, index) => v.id === id || v.sku === id || urlIdOf(index) === id);
    // An id several variants share (a colour with many sizes) selects none of them.
    if (hits.length === 1 || (hits.length > 1 && hits.every((v) => v.sku === hits[0]!.sku))) return hits[0]!;
  }
  // A page without the form names no variant (not one without an id).
  return variants.find((v) => v.id === cartId) ?? (variants.length === 1 ? variants[0]! : null);
}

/** Options every variant node shares (e.g. the colour fixed by the page when only sizes differ). */
function sharedOptions(product: JsonLdProduct): Record<string, string> {
  const [first, ...rest] = product.variants;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first.options).filter(([name, value]) => rest.every((v) => v.options[name] === value)));
}

/** The parameter by which a variant's own address names its id (see `variantIdParam`), or null. */
function variantParamInAddress(value: string | null | undefined, base: string): { name: string; value: string } | null {
  if (!value?.includes('=')) return null;
  try {
    return variantIdParam(new URL(value, base));
  } catch {
    return null;
  }
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

type PriceCandidate = { price?: string | null; currency?: string | null } | null | undefined;

/**
 * Chooses the price. The price the selected option states wins; then a price the page also shows near the title.
 * Otherwise the selected variant's or the platform's own price; then a structured price the page shows a little further out, over a lone nearby amount
 * the page does not mark as paid (a fee, a unit price); otherwise the product-level structured prices, the lowest
 * when they disagree and the page shows none (a sale price is the lower one). With no structured price, the price
 * shown. An amount of zero is no price, unless the page shows zero or "free" near the title.
 */
function choosePrice(preferred: PriceCandidate[], fallback: PriceCandidate[], generic: Pick<GenericProduct, 'visiblePrices' | 'marked' | 'nearbyPrices' | 'fromPrices' | 'shownZero' | 'selectedPrice'>) {
  const usable = (list: PriceCandidate[]) => list.filter((s) => !!s?.price && +s.price > 0).map((s) => ({ price: s!.price!, currency: s!.currency ?? null }));
  const first = usable(preferred);
  // The selected option's own price (its `data-price`, or the offer for it) is what the shopper chose now; only the
  // selected variant's structured price or the platform's own data (documented, per variant) know better.
  if (generic.selectedPrice && !first.length) return generic.selectedPrice;
  const visible = generic.visiblePrices;
  // A structured price that is the page's "from" price is the lower bound of a list when the page shows another.
  const rest = usable(fallback).filter((c) => !generic.fromPrices.includes(c.price) || !visible.length || visible[0]!.price === c.price);
  const shown = new Set(visible.map((v) => v.price));
  const confirmed = [...first, ...rest].find((c) => shown.has(c.price));
  if (confirmed) return { ...confirmed, currency: confirmed.currency ?? visible.find((v) => v.price === confirmed.price)?.currency ?? null };
  if (first.length) return first[0]!;
  const agreed = generic.marked ? null : rest.find((c) => generic.nearbyPrices.includes(c.price));
  if (agreed) return agreed;
  // Structured prices the page does not show, beside a price it shows as the current one: the page is right.
  const current = visible.find((v) => v.current);
  if (current && rest.length) return current;
  const zero = generic.shownZero && { price: '0.00', currency: generic.shownZero.currency ?? [...preferred, ...fallback].find((s) => s?.currency)?.currency ?? null };
  if (!rest.length) return visible[0] ?? zero;
  if (visible.length) return rest[0]!;
  return rest.reduce((low, c) => (Number(c.price) < Number(low.price) ? c : low));
}

/**
 * The price a selected option states, checked against the prices the page and its data know: an amount in cents
 * ("2400" where $24.00 is known) is read as such, and one far above every known price (another unit) is not read.
 */
function optionPrice(stated: GenericProduct['selectedPrice'], known: (string | null | undefined)[]) {
  const prices = known.filter((p): p is string => !!p && +p > 0).map(Number);
  if (!stated || !prices.length) return stated;
  const cents = (+stated.price / 100).toFixed(2);
  if (/\.0+$/.test(stated.price) && prices.includes(+cents)) return { ...stated, price: cents };
  return +stated.price > 20 * Math.max(...prices) ? null : stated;
}

/** A price with at most four decimals, as the snapshot stores it. */
function snapshotPrice(price: string | null | undefined): string | null {
  if (!price) return null;
  const [whole, fraction = ''] = price.split('.');
  return fraction.length <= 4 ? price : `${whole}.${fraction.slice(0, 4)}`;
}

/**
 * The product a page's report describes, and the variant selected now: prices and currencies read with the page's
 * locale, identifiers checked, the sources merged. Pure: the report is all it reads.
 */
export function productFromReport(report: PageReport): ExtractedProduct {
  const pageUrl = report.pageUrl;
  const url = new URL(pageUrl);
  const sources: string[] = [];
  const tags = new Map(report.meta);
  const pageMeta = readPageMeta(tags);
  const jsonLd = readJsonLd(report.jsonLd, pageUrl);
  if (jsonLd) sources.push('json-ld');
  const hints: LocaleHints = {
    host: url.hostname.toLowerCase(),
    lang: report.lang || pageMeta.locale || '',
    path: url.pathname,
    pageCurrency: jsonLd?.pageCurrency ?? pageMeta.currency ?? normaliseCurrency(report.microdataCurrency),
  };
  const microdata = readMicrodata(report.microdata, hints);
  if (microdata) sources.push('microdata');
  const og = readOpenGraph(tags);
  if (og) sources.push('open-graph');
  const platform = readPlatform(report.platform, hints);
  if (platform) sources.push(platform.platform);
  hints.pageCurrency ??= platform?.currency ?? null;
  const generic = readGeneric(report.generic, jsonLd?.name ?? null, url, hints);
  const title = report.title;

  const selected = { ...generic.selected, ...(platform?.selected ?? {}) };
  const ids = [platform?.variantId, generic.urlVariantId, ...generic.selectedIds];
  const chosen = jsonLd ? pickJsonLdVariant(jsonLd, ids, selected, report.cartId ?? undefined, pageUrl) : null;

  // Name: the product's own name from the most specific source, as the page renders it.
  const structuredName = platform?.name ?? jsonLd?.name ?? microdata?.name ?? null;
  const name = cleanName(chooseName(structuredName, generic.name, og?.name ?? null, title) ?? (title.trim() || null), pageMeta.siteName);

  // Of a product's several offers, the one the selected option names (by its SKU or its value).
  const values = new Set(Object.values(selected).map(norm));
  const offer = chosen ? null : jsonLd?.offers.find((o) => (o.sku && ids.includes(o.sku)) || (o.name && values.has(norm(o.name))));
  const knownPrices = [chosen, platform, jsonLd, microdata, og, ...(jsonLd?.variants ?? [])].map((s) => s?.price).concat(generic.visiblePrices.map((v) => v.price), generic.nearbyPrices);
  const selectedPrice = optionPrice(generic.selectedPrice, knownPrices) ?? (offer?.price ? { price: offer.price, currency: offer.currency } : null);
  const priced = choosePrice([chosen, platform], [jsonLd, microdata, og], { ...generic, selectedPrice });
  const currency =
    priced?.currency ??
    platform?.currency ??
    jsonLd?.currency ??
    microdata?.currency ??
    og?.currency ??
    generic.visiblePrices[0]?.currency ??
    (priced ? currencyFromText('', hints) : null);

  // The variant: a JSON-LD variant chosen above, else what the platform and the page say is selected.
  const options: Record<string, string> = {
    ...(jsonLd ? sharedOptions(jsonLd) : {}),
    ...(jsonLd?.options ?? {}),
    ...(microdata?.options ?? {}),
    ...(chosen?.options ?? {}),
    ...selected,
  };
  // The id the selected option states comes after the URL's and before the product's own ids.
  const variantId = chosen?.id ?? platform?.variantId ?? generic.urlVariantId ?? generic.selectedIds[0] ?? microdata?.productId ?? jsonLd?.productId ?? null;
  // A JSON-LD product whose nodes are its variants has no SKU of its own: the first node's is one size's.
  const ownJsonLdSku = jsonLd && !jsonLd.variants.length ? jsonLd.sku : null;
  const variantSku = chosen?.sku ?? platform?.sku ?? null;
  const sku = variantSku ?? ownJsonLdSku ?? microdata?.sku ?? null;
  const hasVariant = variantId !== null || sku !== null || Object.keys(options).length > 0;
  const known = mergeIds({ sku: variantSku, gtin: chosen?.gtin }, platform, jsonLd ? { ...jsonLd, sku: ownJsonLdSku } : null, microdata, og);
  const labelled = readLabelled(generic.labelTexts);
  // A code the page labels as the product's is its SKU, not the selected variant's; a product-level SKU in structured
  // data stays first (a page may also print an internal number).
  const productCode = (ownJsonLdSku ?? microdata?.sku ?? og?.sku) ? null : labelled.code;
  const productIds = mergeIds({ sku: productCode }, known, labelled.ids, jsonLd);
  const shown = new Set([labelled.code, labelled.ids.sku].filter(Boolean));
  let skuSource: SkuSource | null = !productIds.sku ? null : !known.sku ? 'visible' : shown.has(known.sku) ? 'agreed' : productCode ? 'labelled' : 'structured';
  if (!productIds.sku) {
    // The address names the product when nothing on the page does (marketplaces, classifieds, deal sites).
    productIds.sku = productIdInUrl(url);
    skuSource = productIds.sku ? 'url' : null;
  }
  // A SKU that is a valid GTIN (a shop numbering by EAN or ISBN) is the GTIN too.
  productIds.gtin ??= gtinOf(productIds.sku);

  let canonical = canonicalProductUrl(report.declaredUrls, pageUrl);
  // The chosen variant's own address names it by a parameter: the product's address names it the same way.
  const chosenParam = chosen?.id ? variantParamInAddress(chosen.url, pageUrl) : null;
  if (chosen?.id && chosenParam) {
    const withVariant = new URL(canonical);
    withVariant.searchParams.set(chosenParam.name, chosen.id);
    canonical = withVariant.toString();
  }

  const price = snapshotPrice(priced?.price);
  const structured = [chosen, platform, jsonLd, microdata, og].some((s) => s?.price === priced?.price);
  const shownPrices = [...generic.visiblePrices.map((v) => v.price), ...generic.nearbyPrices];
  const priceSource: PriceSource | null = !price ? null : priced === selectedPrice ? 'selected' : !structured ? 'visible' : shownPrices.includes(priced!.price) ? 'agreed' : 'structured';
  return {
    url: canonical,
    name,
    image: absolute(platform?.image ?? jsonLd?.image ?? microdata?.image ?? og?.image ?? null, pageUrl),
    price,
    // A currency without a price says nothing about what will be paid.
    currency: price ? currency : null,
    availability: chosen?.availability ?? jsonLd?.availability ?? microdata?.availability ?? og?.availability ?? null,
    ...productIds,
    skuSource,
    priceSource,
    // A variant without a SKU of its own is bought by the product's.
    variant: hasVariant ? { id: variantId, sku: sku ?? productIds.sku, options, label: chosen?.name ?? null } : null,
    sources,
    checkoutLinks: checkoutLinksFrom(report.checkoutLinkCandidates),
  };
}
