import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { checkoutLinksFrom } from './checkoutLinks';
import { looksLikeProduct } from './describe';
import { paymentLinkProductId } from './links/creemPaymentLink';
import { cartIdFrom } from './links/diddoCart';
import { checkoutLinkCandidatesSchema, type ProductSnapshot, productSnapshotSchema } from './snapshot';

export type Detection =
  | { kind: 'product'; product: ProductSnapshot }
  /** The page was read but shows no product; the user may still buy from its URL with instructions. */
  | { kind: 'no-product'; product: ProductSnapshot }
  | { kind: 'unreadable'; message: string }
  /** A link's target, bought by its URL: nothing can be detected there. */
  | { kind: 'link'; product: ProductSnapshot };

/** What the popup asks the extension's demo page (`demo.html`) in tab `tabId`, which no script can be injected into. */
export const DEMO_READ = 'demo:read';

/** Asks the demo page in `tabId`, if it is one, to run the detector on itself; null when no demo page answers. */
async function readDemoPage(tabId: number): Promise<unknown> {
  try {
    return (await browser.runtime.sendMessage({ type: DEMO_READ, tabId })) ?? null;
  } catch {
    return null;
  }
}

/**
 * The detector's report with the checkout links its candidate URLs name: the detector only collects the URLs, so the
 * recognisers stay out of the page. A report without candidates (the demo page's) already names its links.
 */
function withCheckoutLinks(json: unknown): unknown {
  if (!json || typeof json !== 'object' || !('checkoutLinkCandidates' in json)) return json;
  const { checkoutLinkCandidates, ...product } = json;
  const candidates = checkoutLinkCandidatesSchema.safeParse(checkoutLinkCandidates);
  return candidates.success ? { ...product, checkoutLinks: checkoutLinksFrom(candidates.data) } : null;
}

/** Injects the detector into tab `tabId` (allowed by activeTab after the user acted) and validates what it reports. */
export async function detectInTab(tabId: number): Promise<Detection> {
  let result: unknown;
  try {
    // A page that has finished loading is read at once; one still loading, once it is (the browser's default).
    const loaded = (await browser.tabs.get(tabId).catch(() => null))?.status === 'complete';
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/detector.js'], injectImmediately: loaded });
    result = injection?.result;
  } catch {
    // Extension pages cannot be injected into; the demo page runs the same detector itself when asked.
    result = await readDemoPage(tabId);
    if (result === null) return { kind: 'unreadable', message: t('detectCannotRead') };
  }
  let json: unknown = null;
  try {
    json = typeof result === 'string' ? JSON.parse(result) : null;
  } catch {
    // Reported below as unusable.
  }
  const parsed = productSnapshotSchema.safeParse(withCheckoutLinks(json));
  if (!parsed.success) {
    return { kind: 'unreadable', message: t('detectUnusable') };
  }
  const product = parsed.data;
  return looksLikeProduct(product) ? { kind: 'product', product } : { kind: 'no-product', product };
}

/** The product of a link's address (the context menu's "buy this link", or a link pasted in the popup): bought by its URL. */
export function linkTarget(url: string): Detection {
  // A checkout link may itself name what to sell: a Creem payment link, a Diddo checkout link or QR image.
  const creem = paymentLinkProductId(url);
  const diddo = cartIdFrom(url);
  const checkoutLinks = { creemProducts: creem ? [creem] : [], diddoCarts: diddo ? [diddo] : [] };
  const parsed = productSnapshotSchema.safeParse({ url, name: null, image: null, price: null, currency: null, availability: null, sku: null, mpn: null, gtin: null, brand: null, variant: null, sources: [], checkoutLinks });
  return parsed.success ? { kind: 'link', product: parsed.data } : { kind: 'unreadable', message: t('detectBadLink') };
}
