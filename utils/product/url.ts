/** Query parameters that only track the visit and never identify the product. */
const TRACKING = [/^utm_/i, /^(gclid|gclsrc|dclid|fbclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|ref_?|srsltid)$/i];
/**
 * Query (and fragment) parameters that select a variant: the one list the detector reads a variant id from
 * (`id`, in the order given) and an edited variant removes. `keep`: canonicalisation puts it back when the shop's
 * canonical URL dropped it (the address the shop itself gives the variant); the others (a platform's internal
 * variation ids, which the shops' own canonical URLs leave out) are read, not kept. The rest name an option (size,
 * colour, a WooCommerce attribute) or tell the shop to show the selected one (Amazon's `th`, `psc`).
 */
export const VARIANT_PARAMS: readonly { name: RegExp; id: boolean; keep: boolean }[] = [
  { name: /^variant$/i, id: true, keep: true },
  { name: /^variant_?id$/i, id: true, keep: true },
  { name: /^v1$/, id: true, keep: false },
  { name: /^variationId$/i, id: true, keep: false },
  { name: /^childSku$/i, id: true, keep: false },
  { name: /^colorId$/i, id: true, keep: false },
  { name: /^dwvar_.*colou?r/i, id: true, keep: false },
  { name: /^optionId$/i, id: true, keep: false },
  { name: /^pid$/i, id: true, keep: false },
  { name: /^sku$/i, id: false, keep: true },
  { name: /^size$/i, id: false, keep: true },
  { name: /^colou?r$/i, id: false, keep: true },
  { name: /^th$/, id: false, keep: true },
  { name: /^psc$/, id: false, keep: true },
  { name: /^attribute_/i, id: false, keep: true },
];

/** Whether the query parameter `name` selects a variant (see `VARIANT_PARAMS`). */
export function isVariantParam(name: string): boolean {
  return VARIANT_PARAMS.some((param) => param.name.test(name));
}

/** A variant selection written in the fragment as parameters (`#variant=12`), read like the query. */
function fragmentParams(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.replace(/^#/, ''));
}

/** The parameter (name and value) by which `url` names a variant id, by the first of `VARIANT_PARAMS` that names an id. */
export function variantIdParam(url: URL): { name: string; value: string } | null {
  const params = [...paramsOf(url.searchParams), ...paramsOf(fragmentParams(url))];
  for (const param of VARIANT_PARAMS) {
    if (!param.id) continue;
    const hit = params.find(([name, value]) => param.name.test(name) && value);
    if (hit) return { name: hit[0], value: hit[1] };
  }
  return null;
}

/** The variant id `url` names in its query or fragment (see `variantIdParam`). */
export function variantIdInUrl(url: URL): string | null {
  return variantIdParam(url)?.value ?? null;
}

function isTracking(name: string): boolean {
  return TRACKING.some((pattern) => pattern.test(name));
}

/**
 * The name/value pairs of `params`. Read with `forEach`: in Firefox's content scripts the iterators of
 * URLSearchParams (`entries()`, `keys()`, spreading) are not iterable, and the detector would fail there.
 */
export function paramsOf(params: URLSearchParams): [string, string][] {
  const pairs: [string, string][] = [];
  params.forEach((value, name) => pairs.push([name, value]));
  return pairs;
}

/** Drops the fragment and tracking parameters. */
export function cleanUrl(value: string): string {
  const url = new URL(value);
  url.hash = '';
  for (const [name] of paramsOf(url.searchParams)) if (isTracking(name)) url.searchParams.delete(name);
  return url.toString();
}

function absoluteHttp(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The addresses a page declares for itself, as written: `rel=canonical` and `og:url`. */
export interface DeclaredUrls {
  canonical: string | null;
  ogUrl: string | null;
}

/** The addresses `doc` declares for itself. Runs in the page; `canonicalProductUrl` decides. */
export function collectDeclaredUrls(doc: Document): DeclaredUrls {
  return {
    canonical: doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? null,
    ogUrl: doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null,
  };
}

/**
 * The product's canonical URL (rel=canonical, else og:url, else the page), keeping the page's variant
 * selector when the canonical URL lost it, without fragment or tracking parameters.
 */
export function canonicalProductUrl(declaredUrls: DeclaredUrls, pageUrl: string): string {
  const declared = absoluteHttp(declaredUrls.canonical, pageUrl) ?? absoluteHttp(declaredUrls.ogUrl, pageUrl);
  const page = new URL(pageUrl);
  const result = new URL(declared ?? pageUrl);
  // A canonical URL on another site (a CDN or a mistake) is not trusted for the product's identity.
  if (result.hostname.replace(/^www\./, '') !== page.hostname.replace(/^www\./, '')) return cleanUrl(pageUrl);
  for (const [name, value] of paramsOf(page.searchParams)) {
    if (VARIANT_PARAMS.some((param) => param.keep && param.name.test(name)) && !result.searchParams.has(name)) result.searchParams.set(name, value);
  }
  return cleanUrl(result.toString());
}

/** The URL without the query or fragment parameters that select a variant: for a variant the user described instead. */
export function withoutVariantParams(value: string): string {
  const url = new URL(value);
  for (const [name] of paramsOf(url.searchParams)) if (isVariantParam(name)) url.searchParams.delete(name);
  const fragment = fragmentParams(url);
  if (url.hash && paramsOf(fragment).some(([name]) => isVariantParam(name))) {
    for (const [name] of paramsOf(fragment)) if (isVariantParam(name)) fragment.delete(name);
    url.hash = fragment.toString();
  }
  return url.toString();
}

/** Amazon's product path: the ASIN after `/dp/` or `/gp/product/` is the item shown, the variant included. */
export const AMAZON_ASIN_PATH = /\/(?:dp|gp\/product)\/([A-Z0-9]{10})/;

/**
 * Paths that name a variant: a segment called variant(s), var, variation(s) or sku followed by an id
 * (`/variants/123`, Shopify's form), the same joined into one segment (`/variant-123`, `;variant=123`), and Amazon's
 * ASIN. Removing such a part could lead nowhere, so the address is kept and the user is told.
 */
const VARIANT_PATHS = [/\/(?:variants?|var|variations?|sku)\/([^/;?#]*\d[^/;?#]*)/i, /[/;](?:variants?|var|variations?)[-_=:]([^/;?#]*\d[^/;?#]*)/i, AMAZON_ASIN_PATH];

/** The part of the address's path that names a variant, or null when the path names none. */
export function variantInPath(value: string): string | null {
  let path: string;
  try {
    path = new URL(value).pathname;
  } catch {
    return null;
  }
  for (const pattern of VARIANT_PATHS) {
    const match = pattern.exec(path);
    if (match) return match[0].replace(/^[/;]/, '');
  }
  return null;
}

/** Query parameters that name the product itself (`?pid=`, `?itemId=`), on any page. */
const PRODUCT_PARAMS = /^(?:pid|item_?id|product_?id|prod_?id|goods_?(?:no|id)|sku_?id)$/i;
/** Parameters that name the product only on a product's path (`/product/view?id=12`): elsewhere a page or a list. */
const PRODUCT_PATH_PARAMS = /^(?:id|no|code)$/i;
const PRODUCT_PATH = /\/(?:products?|items?|itm|goods|detail|prod|deals?|view)(?:[/._-]|$)/i;
/** Segments that introduce an item number: `/itm/<n>`, `/item/<n>`, `/deal/<n>`, `/Prod/<n>/`, `/p/<n>`, `/listing/<slug>/<n>`. */
const ITEM_SEGMENT = /\/(?:itm|items?|deals?|prod|products?|p|listing|goods|offer|ad|vip)\/(?:[^/]+\/)?(\d{4,20})(?=[/.;]|$)/i;
/** A last path segment ending in an item number (`…-1589482272.html`, `/6228494422.html`, `…/A-52062126`). */
const ITEM_SLUG = /(?:^|[-_])([a-z]?\d{6,20})_?(?:\.html?)?$/i;
/** Paths of lists, not of one product: a number there is a category, a page or a search. */
const LIST_PATH = /\/(?:c|cat|categor(?:y|ies)|collections?|search|s|page|tag|tags|brands?|shop-by)(?:\/|$)/i;
const ID_VALUE = /^(?=.*\d)[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u;

/**
 * The product's id as its address states it, for pages that give no other (marketplaces, classifieds, deal sites):
 * a product parameter (`?pid=`, `?itemId=`, `?id=` on a product's path), an item number after a segment that
 * introduces one (`/itm/<n>`, `/deal/<n>`), or one ending the last segment (`-<n>.html`). Null on lists and pages.
 */
export function productIdInUrl(url: URL): string | null {
  const params = paramsOf(url.searchParams);
  const named = params.find(([name, value]) => PRODUCT_PARAMS.test(name) && ID_VALUE.test(value));
  if (named) return named[1];
  if (LIST_PATH.test(url.pathname)) return null;
  const onPath = PRODUCT_PATH.test(url.pathname) ? params.find(([name, value]) => PRODUCT_PATH_PARAMS.test(name) && ID_VALUE.test(value)) : null;
  if (onPath) return onPath[1];
  const segment = ITEM_SEGMENT.exec(url.pathname);
  if (segment) return segment[1]!;
  const last = url.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  return ITEM_SLUG.exec(last)?.[1] ?? null;
}

/** Origin and path without a trailing slash: the page, whatever its query selects; null when `value` is no URL. */
export function pageAddress(value: string): string | null {
  try {
    const url = new URL(value);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/**
 * Two addresses of the same product: the same page, and the same value for every variant parameter both name
 * (one that only one of them names is no difference: a service may report the address without it).
 */
export function sameProduct(a: string, b: string): boolean {
  const page = pageAddress(a);
  if (page === null || page !== pageAddress(b)) return false;
  const variantsOf = (value: string) => new Map(paramsOf(new URL(value).searchParams).filter(([name]) => isVariantParam(name)));
  const [x, y] = [variantsOf(a), variantsOf(b)];
  return [...x].every(([name, value]) => !y.has(name) || y.get(name) === value);
}
