// Checkout links on the page that name a Creem product or a Diddo cart. The page's part (run by the detector) only
// collects the candidate URLs from a bounded number of elements; the extension recognises what they name, so the
// recognisers stay out of the script injected into the page.
import { paymentLinkProductId } from './links/creemPaymentLink';
import { cartIdFrom } from './links/diddoCart';

export interface CheckoutLinks {
  /** Creem product ids from `creem.io/payment/prod_…` links, in page order. */
  creemProducts: string[];
  /** Diddo template-cart ids from checkout links and QR images, in page order. */
  diddoCarts: string[];
}

/** An absolute URL from a link or an image that may name a checkout link. */
export interface CheckoutLinkCandidate {
  url: string;
  image: boolean;
}

const MAX_ELEMENTS = 2000;
const MAX_EACH = 20;
// Only URLs that could match are parsed.
const CANDIDATE = /creem\.io|shopdiddo\.com|\/qr/i;

/** URLs of links and images in `doc` (the first 2,000) that may name a checkout link, absolute, in page order. */
export function checkoutLinkCandidates(doc: Document, pageUrl: string): CheckoutLinkCandidate[] {
  const candidates: CheckoutLinkCandidate[] = [];
  const base = baseUrl(doc, pageUrl);
  const elements = doc.querySelectorAll('a[href], img[src]');
  const count = Math.min(elements.length, MAX_ELEMENTS);
  for (let i = 0; i < count; i++) {
    const element = elements[i]!;
    const isImage = element.localName === 'img';
    const raw = element.getAttribute(isImage ? 'src' : 'href');
    if (!raw || !CANDIDATE.test(raw)) continue;
    try {
      candidates.push({ url: new URL(raw.trim(), base).href, image: isImage });
    } catch {
      // Not a URL.
    }
  }
  return candidates;
}

/** Creem products (from links) and Diddo carts (from links and images) that `candidates` name, deduplicated, at most 20 of each. */
export function checkoutLinksFrom(candidates: CheckoutLinkCandidate[]): CheckoutLinks {
  const creem = new Set<string>();
  const diddo = new Set<string>();
  for (const { url, image } of candidates) {
    if (creem.size >= MAX_EACH && diddo.size >= MAX_EACH) break;
    const product = image ? null : paymentLinkProductId(url);
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
