import type { Detection } from '../product/detectInTab';

/** The host of a page's address ("shop.example"), or '' when there is none or it cannot be read. */
export function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
}

/** How many purchases the popup lists under "Recent purchases". */
export const RECENT_COUNT = 5;

/** What a popup acts on: the tab it was opened for, or a link's address (the context menu's "buy this link"). */
export interface PopupTarget {
  tabId: number | null;
  link: string | null;
}

/** What `popup.html?…` acts on: `?url=` (a link), else `?tabId=N` (confirm window, tests), else the active tab (`activeTab`). */
export async function popupTargetOf(search: string, activeTab: () => Promise<number | null>): Promise<PopupTarget> {
  const params = new URLSearchParams(search);
  const link = params.get('url');
  if (link !== null) return { tabId: null, link };
  const requested = Number(params.get('tabId'));
  return { tabId: Number.isInteger(requested) && requested > 0 ? requested : await activeTab(), link: null };
}

/** The popup's first read as the page's first script asked for it: its target, and the background's reply (undefined when none came). */
export interface FirstRead {
  target: PopupTarget;
  reply: unknown;
}

declare global {
  /** Set by `popup-read.js` (a classic script in the popup's head) for the popup's modules, which load after it. */
  var smartcheckoutFirstRead: Promise<FirstRead> | undefined;
}

/**
 * The key under which the popup remembers the checkout it showed for this tab or link (`popupMemory.ts`); null when
 * there is none. A link's key is its address as checked (`detection`); a tab's is its id.
 */
export function popupTargetKey(target: PopupTarget, detection: Detection | null): string | null {
  if (target.link !== null) return detection?.kind === 'link' ? `url:${detection.product.url}` : null;
  return target.tabId !== null ? `tab:${target.tabId}` : null;
}
