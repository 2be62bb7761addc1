/** Diddo's hosted checkout. */
export const DIDDO_CHECKOUT_ORIGIN = 'https://checkout.shopdiddo.com';

/**
 * The link that opens the hosted checkout at payment: `{checkout}/?cart_id=…#auth_token=…`. The customer
 * session token goes only in the fragment, which browsers never send to a server or in a Referer.
 * `checkoutBase` is the checkout origin, optionally with a path (a proxy or the sandbox).
 */
export function handoffUrl(checkoutBase: string, liveCartId: string, token: string): string {
  const base = new URL(checkoutBase);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new RangeError('The checkout address must be http(s).');
  if (!liveCartId.trim() || !token.trim()) throw new RangeError('A cart id and a token are required.');
  const path = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${path}/?cart_id=${encodeURIComponent(liveCartId)}#auth_token=${encodeURIComponent(token)}`;
}

/** The hand-off link with its token hidden, for history and logs ("…#auth_token=…"). */
export function maskHandoffUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : `${url.slice(0, hash)}#auth_token=…`;
}
