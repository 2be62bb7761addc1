import type { PopupStart } from './popupStart';
import type { PopupTarget } from './popupTarget';

/** How long a read started for a popup page being requested waits for that popup to ask for it. */
export const EARLY_READ_TTL_MS = 3_000;

/**
 * The popup's first read, started by the background as soon as the browser requests the popup's page (before the
 * page has any script running) and handed to the popup when it asks for it. Only a tab's read is started early (a
 * link needs no detection); it is handed over once, for the same tab, within `EARLY_READ_TTL_MS`, and otherwise
 * dropped, so the popup never gets another tab's product or an old one. One that could not read the page is done
 * again when the popup asks.
 */
export function createEarlyReads(read: (target: PopupTarget) => Promise<PopupStart>, now: () => number = Date.now) {
  let pending: { tabId: number; at: number; start: Promise<PopupStart> } | null = null;
  return {
    /** Starts reading tab `tabId` for a popup that is opening. */
    start(tabId: number): void {
      const start = read({ tabId, link: null });
      start.catch(() => {}); // handed over (and its failure read again) only if the popup asks
      pending = { tabId, at: now(), start };
    },
    /** The read for `target` if one was started for it and is recent; else a new one. */
    take(target: PopupTarget): Promise<PopupStart> {
      const early = pending;
      pending = null;
      if (early && target.link === null && target.tabId === early.tabId && now() - early.at <= EARLY_READ_TTL_MS) {
        // A read that failed, or could not read the page, is done again now rather than shown.
        return early.start.then((start) => (start.detection.kind === 'unreadable' ? read(target) : start), () => read(target));
      }
      return read(target);
    },
  };
}
