// Kept tiny and dependency-free: the page scanner in the content script imports it.

/** A ULID: 26 Crockford base32 characters (no I, L, O, U), the first 0–7 so the time fits 48 bits. */
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

/** The hosted checkout's host; a link there names its cart in `cart_id`. */
export const DIDDO_CHECKOUT_HOST = 'checkout.shopdiddo.com';

/** True for a cart id in canonical (upper-case) ULID form. */
export function isCartId(text: string): boolean {
  return ULID.test(text);
}

// Crockford base32 reads both cases; ids are kept upper case so one cart is one id.
function canonical(candidate: string | null | undefined): string | null {
  const id = candidate?.trim().toUpperCase() ?? '';
  return isCartId(id) ? id : null;
}

const QR_PATH = /\/checkout\/([0-9A-Za-z]{26})\/qr(?:\.png|\.svg)?\/?$/;

/**
 * The Diddo cart id in `text`: a bare id, a Diddo checkout link (`https://checkout.shopdiddo.com/?cart_id=…`)
 * or a QR image URL (`…/checkout/{id}/qr`, `.png`, `.svg`, on any host: the API host is not published).
 * Null for anything else, including links whose id is not a valid ULID.
 */
export function cartIdFrom(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const bare = canonical(trimmed);
  if (bare) return bare;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  if (host === DIDDO_CHECKOUT_HOST || host.endsWith(`.${DIDDO_CHECKOUT_HOST}`)) return canonical(url.searchParams.get('cart_id'));
  return canonical(QR_PATH.exec(url.pathname)?.[1]);
}
