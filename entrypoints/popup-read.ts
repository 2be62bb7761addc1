import type { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { Message } from '../utils/messages';
import { popupTargetOf } from '../utils/popupTarget';

// The popup page's first script: a classic script in its head, so it runs while the page is still being parsed and
// asks the background for the popup's first read before the view's modules (React) are even loaded. It carries no
// polyfill: the extension API answers with promises in Chrome and Firefox alike.
export default defineUnlistedScript(() => {
  const api = (globalThis as { browser?: typeof browser }).browser ?? (globalThis as unknown as { chrome: typeof browser }).chrome;
  globalThis.smartcheckoutFirstRead = (async () => {
    const target = await popupTargetOf(location.search, async () => (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null);
    const message: Message = { type: 'popup:open', ...target };
    const reply: unknown = await api.runtime.sendMessage(message).catch(() => undefined);
    return { target, reply };
  })();
});
