import { browser } from 'wxt/browser';
import { sendMessage } from '../../utils/messages';
import type { PopupStart } from '../../utils/popupStart';
import { type PopupTarget, popupTargetKey } from '../../utils/popupTarget';

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
 * Starts the popup's first read: the background reads the page and storage while the popup's view code loads. When
 * the background cannot answer, the popup reads them itself (the same reader, loaded then).
 */
export function openPopup(search: string): Opening {
  const opening: Opening = { promise: Promise.resolve(null as never), settled: null };
  opening.promise = read(search).then((opened) => (opening.settled = opened));
  return opening;
}

async function read(search: string): Promise<Opened> {
  const link = new URLSearchParams(search).get('url');
  const target: PopupTarget = { tabId: link === null ? await targetTabId(search) : null, link };
  let start: PopupStart | undefined;
  try {
    const reply = await sendMessage({ type: 'popup:open', ...target });
    if (reply && 'detection' in reply) start = reply;
  } catch {
    // Read below.
  }
  if (!start) {
    const { readPopupStart } = await import('../../utils/popupStart');
    start = await readPopupStart(target);
    // Opening the popup is looking at the purchases: failed ones stop showing on the badge.
    void sendMessage({ type: 'checkouts:seen' }).catch(() => {});
  }
  return { start, tabId: target.tabId, target: popupTargetKey(target, start.detection) };
}

/** The tab the popup acts on: `?tabId=N` when given (confirm window, tests), else the active tab. */
async function targetTabId(search: string): Promise<number | null> {
  const requested = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(requested) && requested > 0) return requested;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
