import { browser } from 'wxt/browser';
import { detectionOf } from '../../utils/product/detectInTab';
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
  let report = readHtml(html, url);
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
