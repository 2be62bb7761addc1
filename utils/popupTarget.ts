import type { Detection } from './product/detectInTab';

/** How many purchases the popup lists under "Recent purchases". */
export const RECENT_COUNT = 5;

/** What a popup acts on: the tab it was opened for, or a link's address (the context menu's "buy this link"). */
export interface PopupTarget {
  tabId: number | null;
  link: string | null;
}

/**
 * The key under which the popup remembers the checkout it showed for this tab or link (`popupMemory.ts`); null when
 * there is none. A link's key is its address as checked (`detection`); a tab's is its id.
 */
export function popupTargetKey(target: PopupTarget, detection: Detection | null): string | null {
  if (target.link !== null) return detection?.kind === 'link' ? `url:${detection.product.url}` : null;
  return target.tabId !== null ? `tab:${target.tabId}` : null;
}
