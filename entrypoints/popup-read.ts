import type { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { Message } from '../utils/messages/messages';
import { popupTargetOf } from '../utils/popup/popupTarget';

// The popup page's first script: a small classic script loaded `async` in its head, so it neither waits for nor holds
// up the view's modules (React), and asks the background for the popup's first read as soon as it arrives. Whichever
// of it and the view runs first asks; the other uses that answer. It carries no polyfill: the extension API answers
// with promises in Chrome and Firefox alike.
export default defineUnlistedScript(() => {
  const api = (globalThis as { browser?: typeof browser }).browser ?? (globalThis as unknown as { chrome: typeof browser }).chrome;
  globalThis.smartcheckoutFirstRead ??= (async () => {
    const target = await popupTargetOf(location.search, async () => (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null);
    const message: Message = { type: 'popup:open', ...target };
    const reply: unknown = await api.runtime.sendMessage(message).catch(() => undefined);
    return { target, reply };
  })();
});
