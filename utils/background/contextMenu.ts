import { browser, type Browser } from 'wxt/browser';
import type { Lifecycle } from '../checkouts/lifecycle';
import { t } from '../shared/i18n';
import { MAX_HINT } from '../services/smartcheckout/userData';
import { rememberCheckout } from '../popup/popupMemory';
import { detectInTab, linkTarget } from '../product/detectInTab';
import { cleanPageText } from '../product/pageText';
import type { ProductSnapshot } from '../product/snapshot';
import { profilesStorage } from '../profiles/storage';
import { defaultProfile } from '../profiles/state';
import type { ServiceAdapter } from '../services/adapter';
import { connectedServices, connectionOf, type SessionKeys } from '../settings/connections';
import { readServiceState } from '../settings/connectionStorage';
import { serviceOf, type ServiceId } from '../services/registry';
import type { Settings } from '../settings/settings';

export const MENU_ID = 'buy-via-smartcheckout';
export const LINK_MENU_ID = 'create-checkout-link';
export const CART_MENU_ID = 'add-to-cart';

/** Creates the context menu items. Called from `runtime.onInstalled`, after removing any earlier ones. */
export async function createContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: t('menuBuy'), contexts: ['page', 'link', 'image', 'selection'] });
  browser.contextMenus.create({ id: LINK_MENU_ID, title: t('menuCreateLink'), contexts: ['page', 'link', 'image'], visible: false });
  browser.contextMenus.create({ id: CART_MENU_ID, title: t('menuAddToCart'), contexts: ['page', 'link'] });
  await syncContextMenu();
}

/** The checkout-link service the context menu uses: the default one when it makes links, else the first connected. */
export function linkServiceFor(settings: Settings, sessionKeys: SessionKeys): ServiceId | null {
  const links = connectedServices(settings, sessionKeys).filter((id) => serviceOf(id).kind === 'link');
  return settings.defaultService && links.includes(settings.defaultService) ? settings.defaultService : links[0] ?? null;
}

/** "Create checkout link" shows only while a checkout-link service is connected. */
export async function syncContextMenu(): Promise<void> {
  const { settings, sessionKeys } = await readServiceState();
  try {
    await browser.contextMenus.update(LINK_MENU_ID, { visible: linkServiceFor(settings, sessionKeys) !== null });
  } catch {
    // Not created yet (the install event creates it, then syncs again).
  }
}

type Target = { tabId: number } | { url: string };

/**
 * The small confirm window: the popup for a tab, or for a link's URL, with the text the user selected on the
 * page as a hint about the product (page text: shown and sent as data, never as the user's instructions).
 */
export function confirmWindowUrl(target: Target, hint: string, service?: ServiceId): string {
  const params = new URLSearchParams();
  if ('tabId' in target) params.set('tabId', String(target.tabId));
  else params.set('url', target.url);
  if (hint) params.set('hint', hint);
  if (service) params.set('service', service);
  return browser.runtime.getURL(`/popup.html?${params}`);
}

/** Opens the confirm window for a tab or a link. */
export async function openConfirmWindow(target: Target, hint: string, service?: ServiceId) {
  await browser.windows.create({ url: confirmWindowUrl(target, hint, service), type: 'popup', width: 420, height: 720 });
}

/** A link target (or an image inside a link): the link; an image alone: its source (a QR code may name a cart). */
function clickedUrl(info: Browser.contextMenus.OnClickData): string | null {
  const url = info.linkUrl ?? (info.mediaType === 'image' ? info.srcUrl : undefined);
  return url && /^https?:/.test(url) ? url : null;
}

/**
 * "Buy via Smartcheckout" from the context menu. A link (or an image inside one) is bought by its URL,
 * always through the confirm window since nothing can be detected there. On a page, the confirm window
 * opens when confirmation is on; otherwise the purchase starts at once if it is within the limits and needs
 * no confirmation (the lifecycle refuses one whose price or currency leaves a limit unchecked).
 */
async function buy(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, lifecycle: Lifecycle): Promise<void> {
  const hint = cleanPageText(info.selectionText ?? '', MAX_HINT);
  if (info.linkUrl && /^https?:/.test(info.linkUrl)) return openConfirmWindow({ url: info.linkUrl }, hint, 'smartcheckout');
  if (tab?.id === undefined) return;
  const target = { tabId: tab.id };
  const [{ settings, sessionKeys }, profiles] = await Promise.all([readServiceState(), profilesStorage.get()]);
  const profile = defaultProfile(profiles);
  if (settings.safety.confirmEachPurchase || !profile || !connectionOf(settings, sessionKeys, 'smartcheckout')) return openConfirmWindow(target, hint, 'smartcheckout');
  const detection = await detectInTab(tab.id);
  if (detection.kind !== 'product') return openConfirmWindow(target, hint, 'smartcheckout');
  const result = await lifecycle.start({ service: 'smartcheckout', product: detection.product, quantity: 1, profileId: profile.id, instructions: '', hint, notifyStarted: true });
  // Anything the user must see or decide (a limit, a confirmation, a rejected key, offline) opens the window, which says why.
  if (!result.ok) await openConfirmWindow(target, hint, 'smartcheckout');
}

/**
 * "Create checkout link": with the default checkout-link service and the default profile. When the page (or the
 * clicked link) says enough, the link is created at once — it moves no money — and shown in the confirm window;
 * otherwise the window opens for the user to complete what is missing.
 */
async function createLink(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, lifecycle: Lifecycle, adapters: Record<ServiceId, ServiceAdapter>) {
  const url = clickedUrl(info);
  const target: Target | null = url ? { url } : tab?.id !== undefined ? { tabId: tab.id } : null;
  if (!target) return;
  const [{ settings, sessionKeys }, profiles] = await Promise.all([readServiceState(), profilesStorage.get()]);
  const service = linkServiceFor(settings, sessionKeys);
  const profile = defaultProfile(profiles);
  const connection = service ? connectionOf(settings, sessionKeys, service) : null;
  if (!service || !connection || !profile) return openConfirmWindow(target, '', service ?? undefined);
  const detection = 'url' in target ? linkTarget(target.url) : await detectInTab(target.tabId);
  if (!detection || detection.kind === 'unreadable') return openConfirmWindow(target, '', service);
  let order: unknown = null;
  try {
    order = (await adapters[service].autoOrder?.(connection, { product: detection.product, profile })) ?? null;
  } catch {
    order = null;
  }
  if (order === null) return openConfirmWindow(target, '', service);
  const result = await lifecycle.start({ service, product: detection.product, quantity: 1, profileId: profile.id, instructions: '', order });
  if (result.ok) await rememberCheckout('url' in target ? `url:${target.url}` : `tab:${target.tabId}`, result.record.id);
  await openConfirmWindow(target, '', service);
}

/** Adds to the cart: how the background's cart service does it (it alone writes the cart). */
export type AddToCart = (product: ProductSnapshot, quantity: number, tabId: number | null, unread?: boolean) => Promise<{ ok: boolean; message: string }>;

/**
 * "Add to cart": on a page, its product as detected; on a link, whose page cannot be read from here, an item "not
 * read yet" named by the link's text, which the cart refuses to buy until the user adds it from its page. A
 * notification says what happened (there is no popup to say it).
 */
async function addToCart(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined, add: AddToCart): Promise<void> {
  let reply: { ok: boolean; message: string };
  if (info.linkUrl && /^https?:/.test(info.linkUrl)) {
    const target = linkTarget(info.linkUrl);
    if (target.kind === 'unreadable') return notifyCart(target.message);
    const name = cleanPageText((info as { linkText?: string }).linkText ?? info.selectionText ?? '', 300) || null;
    reply = await add({ ...target.product, name }, 1, null, true);
  } else {
    if (tab?.id === undefined) return;
    const detection = await detectInTab(tab.id);
    if (detection.kind !== 'product') return notifyCart(detection.kind === 'unreadable' ? detection.message : t('cartNoProduct'));
    reply = await add(detection.product, 1, tab.id);
  }
  await notifyCart(reply.message);
}

async function notifyCart(message: string): Promise<void> {
  try {
    await browser.notifications.create('cart', { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: t('cartHeading'), message, priority: 0 });
  } catch {
    // Notifications refused: the cart itself shows what was added.
  }
}

/** Routes a context-menu click to its item. */
export async function handleMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  lifecycle: Lifecycle,
  adapters: Record<ServiceId, ServiceAdapter>,
  add?: AddToCart,
): Promise<void> {
  if (info.menuItemId === MENU_ID) return buy(info, tab, lifecycle);
  if (info.menuItemId === LINK_MENU_ID) return createLink(info, tab, lifecycle, adapters);
  if (info.menuItemId === CART_MENU_ID && add) return addToCart(info, tab, add);
}
