import { browser } from 'wxt/browser';

/** The parts of a service worker's fetch and install events used here (the DOM typings do not include them). */
interface PageRequestEvent extends Event {
  request: Request;
}
interface InstallEventWithRoutes extends Event {
  addRoutes(rules: unknown[]): Promise<void>;
}

/** The tab a popup page at `url` is opened for: `?tabId=`, else the active tab of the window in front; null for a link. */
async function tabOfPopupRequest(url: URL): Promise<number | null> {
  const params = url.searchParams;
  if (params.has('url')) return null;
  const asked = Number(params.get('tabId'));
  if (Number.isInteger(asked) && asked > 0) return asked;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
}

/**
 * Chrome: tells `onPopupRequested` the moment the browser requests the popup's page, about 100 ms before the page
 * can run a script, so the popup's first read is under way while the page loads. The worker sees only page loads of
 * its own extension (routing rules send every other request of its pages straight to the network, and the page load
 * itself races the network, so nothing waits for the worker). Firefox's background page gets no such requests, and a
 * browser without routing rules is left alone: there the popup's own request starts the read, as before.
 */
export function watchPopupRequests(onPopupRequested: (tabId: number) => void): void {
  const worker = globalThis as unknown as { ServiceWorkerGlobalScope?: unknown; InstallEvent?: { prototype: object }; addEventListener: typeof addEventListener };
  if (!worker.ServiceWorkerGlobalScope || !worker.InstallEvent || !('addRoutes' in worker.InstallEvent.prototype)) return;
  worker.addEventListener('install', (event) => {
    void (event as InstallEventWithRoutes)
      .addRoutes([
        { condition: { not: { requestMode: 'navigate' } }, source: 'network' },
        { condition: { requestMode: 'navigate' }, source: 'race-network-and-fetch-handler' },
      ])
      .catch(() => {});
  });
  worker.addEventListener('fetch', (event) => {
    const { request } = event as PageRequestEvent;
    const url = new URL(request.url);
    if (request.mode !== 'navigate' || url.origin !== location.origin || url.pathname !== '/popup.html') return;
    void tabOfPopupRequest(url)
      .then((tabId) => tabId !== null && onPopupRequested(tabId))
      .catch(() => {});
  });
}
