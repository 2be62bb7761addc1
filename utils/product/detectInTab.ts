import { browser } from 'wxt/browser';
import { t } from '../shared/i18n';
import { looksLikeProduct } from './describe';
import { productFromReport } from './extract';
import { paymentLinkProductId } from './links/creemPaymentLink';
import { cartIdFrom } from './links/diddoCart';
import { readReport } from './report';
import { type ProductSnapshot, productSnapshotSchema } from './snapshot';

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
 * What the detector (or the demo page) returned, as a detection. The detector reports what the page states: its report
 * is checked against its own schema before the extension reads it (`productFromReport`). The demo page, an extension
 * page, answers with the product itself. Either way the product is then checked as any snapshot is.
 */
export function detectionOf(result: unknown, fromDemoPage = false): Detection {
  let product: unknown = null;
  if (fromDemoPage) {
    try {
      product = typeof result === 'string' ? JSON.parse(result) : null;
    } catch {
      // Reported below as unusable.
    }
  } else {
    const report = readReport(result);
    try {
      product = report && productFromReport(report);
    } catch {
      // A report can pass its schema and still say something no page says (a forged message): unusable.
    }
  }
  const parsed = productSnapshotSchema.safeParse(product);
  if (!parsed.success) return { kind: 'unreadable', message: t('detectUnusable') };
  return looksLikeProduct(parsed.data) ? { kind: 'product', product: parsed.data } : { kind: 'no-product', product: parsed.data };
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
    return detectionOf(result, true);
  }
  return detectionOf(result);
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
