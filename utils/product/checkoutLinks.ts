// Finds checkout links on the page that name a Creem product or a Diddo cart. Runs in the content
// script: it imports only the two small recognisers and reads a bounded number of elements.
import { paymentLinkProductId } from './links/creemPaymentLink';
import { cartIdFrom } from './links/diddoCart';

export interface CheckoutLinks {
  /** Creem product ids from `creem.io/payment/prod_…` links, in page order. */
  creemProducts: string[];
  /** Diddo template-cart ids from checkout links and QR images, in page order. */
  diddoCarts: string[];
}

const MAX_ELEMENTS = 2000;
const MAX_EACH = 20;
// Only URLs that could match are parsed.
const CANDIDATE = /creem\.io|shopdiddo\.com|\/qr/i;

/** Creem products and Diddo carts linked from `doc` (links and images), deduplicated, at most 20 of each. */
export function findCheckoutLinks(doc: Document, pageUrl: string): CheckoutLinks {
  const creem = new Set<string>();
  const diddo = new Set<string>();
  const base = baseUrl(doc, pageUrl);
  const elements = doc.querySelectorAll('a[href], img[src]');
  const count = Math.min(elements.length, MAX_ELEMENTS);
  for (let i = 0; i < count && (creem.size < MAX_EACH || diddo.size < MAX_EACH); i++) {
    const element = elements[i]!;
    const isImage = element.localName === 'img';
    const raw = element.getAttribute(isImage ? 'src' : 'href');
    if (!raw || !CANDIDATE.test(raw)) continue;
    let url: string;
    try {
      url = new URL(raw.trim(), base).href;
    } catch {
      continue;
    }
    const product = isImage ? null : paymentLinkProductId(url);
    if (product) {
      if (creem.size < MAX_EACH) creem.add(product);
      continue;
    }
    const cart = cartIdFrom(url);
    if (cart && diddo.size < MAX_EACH) diddo.add(cart);
  }
  return { creemProducts: [...creem], diddoCarts: [...diddo] };
}

// Relative links resolve against <base href> when the page has one.
function baseUrl(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (!href) return pageUrl;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    return pageUrl;
  }
}
