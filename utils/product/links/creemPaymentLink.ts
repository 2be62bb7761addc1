// Kept tiny and dependency-free: the page scanner in the content script imports it.

const PAYMENT_PATH = /^\/(?:test\/)?payment\/(prod_[A-Za-z0-9]{1,64})\/?$/;

/** The product id a Creem payment link names (`https://creem.io/payment/prod_…`, also `www.`), or null. */
export function paymentLinkProductId(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const host = parsed.hostname.toLowerCase();
  if (host !== 'creem.io' && host !== 'www.creem.io') return null;
  return PAYMENT_PATH.exec(parsed.pathname)?.[1] ?? null;
}
