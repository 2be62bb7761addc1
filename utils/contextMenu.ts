import { browser, type Browser } from 'wxt/browser';
import type { Lifecycle } from './checkouts/lifecycle';
import { t } from './i18n';
import { detectInTab } from './product/detectInTab';
import { MAX_HINT } from './checkouts/userData';
import { cleanPageText } from './product/pageText';
import { defaultProfile, profilesStorage } from './profiles/storage';
import { settingsStorage } from './settings';

export const MENU_ID = 'buy-via-smartcheckout';

/** Creates the context menu item. Called from `runtime.onInstalled`, after removing any earlier one. */
export async function createContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: t('menuBuy'), contexts: ['page', 'link', 'image', 'selection'] });
}

/**
 * The small confirm window: the popup for a tab, or for a link's URL, with the text the user selected on the
 * page as a hint about the product (page text: shown and sent as data, never as the user's instructions).
 */
export function confirmWindowUrl(target: { tabId: number } | { url: string }, hint: string): string {
  const params = new URLSearchParams();
  if ('tabId' in target) params.set('tabId', String(target.tabId));
  else params.set('url', target.url);
  if (hint) params.set('hint', hint);
  return browser.runtime.getURL(`/popup.html?${params}`);
}

async function openConfirmWindow(target: { tabId: number } | { url: string }, hint: string) {
  await browser.windows.create({ url: confirmWindowUrl(target, hint), type: 'popup', width: 420, height: 720 });
}

/**
 * "Buy via Smartcheckout" from the context menu. A link (or an image inside one) is bought by its URL,
 * always through the confirm window since nothing can be detected there. On a page, the confirm window
 * opens when confirmation is on; otherwise the purchase starts at once if it is within the limits and needs
 * no confirmation (the lifecycle refuses one whose price or currency leaves a limit unchecked).
 */
export async function handleMenuClick(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, lifecycle: Lifecycle): Promise<void> {
  if (info.menuItemId !== MENU_ID) return;
  const hint = cleanPageText(info.selectionText ?? '', MAX_HINT);
  if (info.linkUrl && /^https?:/.test(info.linkUrl)) return openConfirmWindow({ url: info.linkUrl }, hint);
  if (tab?.id === undefined) return;
  const target = { tabId: tab.id };
  const [settings, profiles] = await Promise.all([settingsStorage.get(), profilesStorage.get()]);
  const profile = defaultProfile(profiles);
  if (settings.safety.confirmEachPurchase || !profile || !settings.apiKey) return openConfirmWindow(target, hint);
  const detection = await detectInTab(tab.id);
  if (detection.kind !== 'product') return openConfirmWindow(target, hint);
  const result = await lifecycle.start({ product: detection.product, quantity: 1, profileId: profile.id, instructions: '', hint, notifyStarted: true });
  // Anything the user must see or decide (a limit, a confirmation, a rejected key, offline) opens the window, which says why.
  if (!result.ok) await openConfirmWindow(target, hint);
}
