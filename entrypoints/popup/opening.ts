import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/messages/messages';
import type { PopupStart } from '../../utils/popup/popupStart';
import { type FirstRead, popupTargetKey, popupTargetOf } from '../../utils/popup/popupTarget';

/** What the popup acts on, and everything it shows first. */
export interface Opened {
  start: PopupStart;
  /** The shop tab (read again while open and right before buying); null for a link. */
  tabId: number | null;
  /** The key of this tab or link in the popup's memory; null when there is none. */
  target: string | null;
}

/** The popup's first read, under way: `settled` is set as soon as it is done, so a view created later can start with it. */
export interface Opening {
  promise: Promise<Opened>;
  settled: Opened | null;
}

/**
 * The popup's first read: the one `popup-read.js` asked the background for as the page began to load (or, had that
 * script not run, asked now). When the background cannot answer, the popup reads and checks everything itself
 * (the same reader, loaded then).
 */
export function openPopup(search: string): Opening {
  const opening: Opening = { promise: Promise.resolve(null as never), settled: null };
  opening.promise = read(search).then((opened) => (opening.settled = opened));
  return opening;
}

async function read(search: string): Promise<Opened> {
  const { target, reply } = await (globalThis.smartcheckoutFirstRead ??= ask(search));
  let start = reply && typeof reply === 'object' && 'detection' in reply ? (reply as PopupStart) : undefined;
  if (!start) {
    const { readPopupStart } = await import('../../utils/popup/popupStart');
    start = await readPopupStart(target);
    // Opening the popup is looking at the purchases: failed ones stop showing on the badge.
    void sendMessage({ type: 'checkouts:seen' }).catch(() => {});
  }
  return { start, tabId: target.tabId, target: popupTargetKey(target, start.detection) };
}

async function ask(search: string): Promise<FirstRead> {
  const target = await popupTargetOf(search, async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null);
  return { target, reply: await sendMessage({ type: 'popup:open', ...target }).catch(() => undefined) };
}
