/** Query parameters that only track the visit and never identify the product. */
const TRACKING = [/^utm_/i, /^(gclid|gclsrc|dclid|fbclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|ref_?|srsltid)$/i];
/** Query parameters that select a variant and must survive canonicalisation. */
export const VARIANT_PARAMS = ['variant', 'variant_id', 'sku', 'size', 'color', 'colour', 'th', 'psc', 'attribute_pa_size', 'attribute_pa_color'];

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
  for (const name of VARIANT_PARAMS) {
    const value = page.searchParams.get(name);
    if (value !== null && !result.searchParams.has(name)) result.searchParams.set(name, value);
  }
  return cleanUrl(result.toString());
}

/** The URL without the query parameters that select a variant: for a variant the user described instead. */
export function withoutVariantParams(value: string): string {
  const url = new URL(value);
  for (const name of VARIANT_PARAMS) url.searchParams.delete(name);
  return url.toString();
}
