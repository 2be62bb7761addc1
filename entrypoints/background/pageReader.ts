import { browser } from 'wxt/browser';
import { detectInTab, detectionOf } from '../../utils/product/detectInTab';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import type { FetchedPage } from '../../utils/watch/check';
import { MAX_PAGE_CHARS, OFFSCREEN_READ, readHtml } from '../../utils/watch/readHtml';

/** Chrome's offscreen documents (no polyfill wraps them); absent in Firefox, whose background page has a DOM. */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}
const offscreen = (): OffscreenApi | undefined => (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

/** Fetches a watched page as a visitor without cookies would see it: no credentials, nothing cached. */
export async function fetchPage(url: string): Promise<FetchedPage> {
  const response = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow', headers: { Accept: 'text/html' } });
  const retryAfter = response.headers.get('Retry-After');
  if (!response.ok) return { status: response.status, retryAfter, html: null };
  const html = await response.text();
  return { status: response.status, retryAfter, html: html.length > MAX_PAGE_CHARS ? null : html };
}

let creating: Promise<void> | null = null;

async function ensureOffscreen(api: OffscreenApi): Promise<void> {
  if (api.hasDocument && (await api.hasDocument())) return;
  creating ??= api
    .createDocument({ url: browser.runtime.getURL('/offscreen.html'), reasons: ['DOM_PARSER'], justification: 'Read the product page of a price watch with the product detector.' })
    .catch((error: unknown) => {
      // Another check created it meanwhile.
      if (!String(error).includes('single offscreen')) throw error;
    })
    .finally(() => (creating = null));
  await creating;
}

/** Reads the product from a fetched page with the detector: here when there is a DOM, else in the offscreen document. */
export async function readPage(html: string, url: string): Promise<ProductSnapshot | null> {
  // Only Firefox's background page has a DOM: Chrome's background never carries the collector (its offscreen document does).
  let report = import.meta.env.FIREFOX ? readHtml(html, url) : null;
  const api = offscreen();
  if (report === null && api) {
    await ensureOffscreen(api);
    report = (await browser.runtime.sendMessage({ type: OFFSCREEN_READ, html, url })) as string | null;
  }
  // The same schema and reading as a tab's report: page data, bounded, never instructions.
  const detection = detectionOf(report);
  return detection.kind === 'product' ? detection.product : null;
}

/** Closes the offscreen document once a check is over (it holds a page's DOM). */
export async function closeReader(): Promise<void> {
  const api = offscreen();
  if (api?.hasDocument && (await api.hasDocument().catch(() => false))) await api.closeDocument().catch(() => {});
}

/** How long a background tab may take to load before it is read anyway. */
const TAB_LOAD_MS = 20_000;

/**
 * Reads a watched page in a background tab the extension opens (not focused) and closes again, with the same
 * detector as a tab the user clicked on (the shop site's access was granted when the watch was saved).
 */
export async function readInBackgroundTab(url: string): Promise<ProductSnapshot | null> {
  const tab = await browser.tabs.create({ url, active: false });
  const tabId = tab.id;
  if (tabId === undefined) return null;
  try {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, TAB_LOAD_MS);
      function done() {
        clearTimeout(timer);
        browser.tabs.onUpdated.removeListener(updated);
        resolve();
      }
      function updated(id: number, info: { status?: string }) {
        if (id === tabId && info.status === 'complete') done();
      }
      browser.tabs.onUpdated.addListener(updated);
    });
    const detection = await detectInTab(tabId);
    return detection.kind === 'product' ? detection.product : null;
  } finally {
    await browser.tabs.remove(tabId).catch(() => {});
  }
}
