import { browser } from 'wxt/browser';
import { OFFSCREEN_READ, readHtml } from '../../utils/watch/readHtml';

// Chrome's service worker has no DOM: a price watch's page, fetched by the background without cookies, is parsed
// here (an offscreen document, reason DOM_PARSER) and read with the detector, exactly as a tab's page is. The page's
// scripts never run: DOMParser only parses. Only the extension's own background asks.
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const m = message as { type?: unknown; html?: unknown; url?: unknown } | null;
  if (m?.type !== OFFSCREEN_READ || sender.id !== browser.runtime.id || typeof m.html !== 'string' || typeof m.url !== 'string') return undefined;
  return Promise.resolve(readHtml(m.html, m.url));
});
