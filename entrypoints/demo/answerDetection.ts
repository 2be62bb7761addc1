import { browser } from 'wxt/browser';
import { DEMO_READ } from '../../utils/product/detectInTab';
import { extractProduct } from '../../utils/product/extractProduct';

/**
 * Answers the popup's "what is on this page?" for this tab. No script can be injected into an extension page, so the
 * demo page runs the same detector on itself (and adds its picture, which the detector only reads from http pages).
 * Another tab's question is left unanswered at once, so the demo page it is about answers it.
 */
export function answerDetection(): void {
  let tabId: number | undefined;
  void browser.tabs.getCurrent().then((tab) => (tabId = tab?.id));
  browser.runtime.onMessage.addListener((message: unknown) => {
    const asked = message as { type?: unknown; tabId?: unknown } | null;
    if (asked?.type !== DEMO_READ || tabId === undefined || asked.tabId !== tabId) return undefined;
    const product = extractProduct(document, location.href);
    const picture = document.querySelector<HTMLImageElement>('.demo-product img')?.src ?? null;
    return Promise.resolve(JSON.stringify({ ...product, image: product.image ?? picture }));
  });
}
