import { browser } from 'wxt/browser';
import { addItem, changeOf, itemName, removeItem, setQuantity } from '../../utils/cart/cart';
import { type CartChange, MAX_CART_ITEMS } from '../../utils/cart/schema';
import { cartStorage, changeCart } from '../../utils/cart/store';
import type { Lifecycle } from '../../utils/checkouts/lifecycle';
import { itemsOf } from '../../utils/checkouts/orderEnd';
import { readCheckouts } from '../../utils/checkouts/store';
import type { CartReply, OrderReply, ParsedMessage, StartReply } from '../../utils/messages/messages';
import { cartLinkOrder } from '../../utils/cart/link';
import { serviceOf } from '../../utils/services/registry';
import { type Detection, detectInTab } from '../../utils/product/detectInTab';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import { t } from '../../utils/shared/i18n';

type CartMessage = Extract<ParsedMessage, { type: `cart:${string}` }>;

/** The background's part of the cart: it alone writes it; the popup asks with `cart:*` messages and reads storage. */
export function createCartService(lifecycle: Lifecycle, deps: { now(): number; newId(): string; readTab?(tabId: number): Promise<Detection> } = { now: Date.now, newId: () => crypto.randomUUID() }) {
  const ok = (message = ''): CartReply => ({ ok: true, message });

  /** Adds a product (a line already there gets more); a full cart says so. */
  async function add(product: ProductSnapshot, quantity: number, tabId: number | null, unread = false): Promise<CartReply> {
    const outcome = await changeCart((cart) => {
      const added = addItem(cart, { product, quantity, tabId, unread }, deps.now(), deps.newId);
      return { cart: added.cart, result: added.outcome };
    });
    if (outcome.kind === 'full') return { ok: false, code: 'cart_full', message: t('cartFull', MAX_CART_ITEMS) };
    return ok(outcome.kind === 'added' ? t('cartAdded', itemName(outcome.item)) : t('cartMerged', outcome.item.quantity, itemName(outcome.item)));
  }

  /** Reads again each item whose tab is still open and marks how its page differs; a tab that cannot be read marks nothing. */
  async function refresh(): Promise<CartReply> {
    const { items } = await cartStorage.get();
    const marks = new Map<string, CartChange | null>();
    for (const item of items) {
      if (item.tabId === null || item.unread) continue;
      if (!(await browser.tabs.get(item.tabId).catch(() => null))) continue;
      const fresh = await (deps.readTab ?? detectInTab)(item.tabId).catch((): Detection => ({ kind: 'unreadable', message: '' }));
      if (fresh.kind === 'product' || fresh.kind === 'no-product') marks.set(item.id, changeOf(item, fresh.product));
    }
    if (marks.size) await changeCart((cart) => ({ cart: { items: cart.items.map((i) => (marks.has(i.id) ? { ...i, changed: marks.get(i.id)! } : i)) }, result: null }));
    return ok();
  }

  /**
   * Buys the cart as one order: the items exactly as the user confirmed them, or nothing. Once the order is on record
   * its items leave the cart (the order is in the history), then they are sent. The same attempt again is that order.
   */
  async function buy(message: Extract<CartMessage, { type: 'cart:buy' }>): Promise<OrderReply> {
    const earlier = itemsOf((await readCheckouts()).records, message.attemptId);
    if (earlier.length) return { ok: true, orderId: message.attemptId, records: earlier, duplicate: true };
    const { items } = await cartStorage.get();
    const chosen = message.items.map((confirmed) => {
      const item = items.find((i) => i.id === confirmed.id);
      const same = item && item.quantity === confirmed.quantity && item.product.price === confirmed.price && item.product.currency === confirmed.currency;
      return same ? item : null;
    });
    if (chosen.some((item) => item === null)) return { ok: false, code: 'confirmation_changed', message: t('cartChanged') };
    const unread = chosen.find((item) => item!.unread);
    if (unread) return { ok: false, code: 'invalid_order', message: `${itemName(unread)}: ${t('cartUnread')}` };
    const recorded = await lifecycle.recordOrder({
      service: message.service,
      profileId: message.profileId,
      instructions: message.instructions,
      attemptId: message.attemptId,
      items: chosen.map((item) => ({ product: item!.product, quantity: item!.quantity, tabId: item!.tabId, optionOrder: item!.optionOrder })),
      confirmedCeilings: message.items.map((item) => item.ceiling),
    });
    if (!recorded.ok || recorded.duplicate) return recorded;
    const ordered = new Set(message.items.map((item) => item.id));
    await changeCart((cart) => ({ cart: { items: cart.items.filter((i) => !ordered.has(i.id)) }, result: null })).catch(() => {});
    return { ...recorded, records: await lifecycle.sendOrder(recorded.orderId) };
  }

  /**
   * One checkout link for the whole cart, through the service's ordinary link flow: the summed amount, a name that
   * lists the items, quantity 1, the items in its metadata. Only a service that takes any amount can (Shoppex).
   */
  async function link(message: Extract<CartMessage, { type: 'cart:link' }>): Promise<StartReply> {
    if (message.service !== 'shoppex') return { ok: false, code: 'invalid_order', message: t('cartNotForService', serviceOf(message.service).name) };
    const { items } = await cartStorage.get();
    const built = cartLinkOrder(items);
    if (!built.ok) return { ok: false, code: 'invalid_order', message: built.message };
    const { order } = built;
    const first = items[0]!.product;
    // The checkout's record describes the cart as one product: its name, amount and currency; the first item's page.
    const product = { ...first, name: order.label, price: order.amount, currency: order.currency, variant: null, sku: null, mpn: null, gtin: null, image: null };
    return lifecycle.start({ service: 'shoppex', product, quantity: 1, profileId: message.profileId, instructions: '', attemptId: message.attemptId, order });
  }

  /** Answers a `cart:*` message. */
  function handle(message: CartMessage): Promise<CartReply | OrderReply | StartReply> {
    switch (message.type) {
      case 'cart:add':
        return add(message.product, message.quantity, message.tabId);
      case 'cart:update':
        return changeCart((cart) => ({ cart: setQuantity(cart, message.id, message.quantity), result: ok() }));
      case 'cart:remove':
        return changeCart((cart) => ({ cart: removeItem(cart, message.id), result: ok() }));
      case 'cart:empty':
        return changeCart(() => ({ cart: { items: [] }, result: ok() }));
      case 'cart:refresh':
        return refresh();
      case 'cart:buy':
        return buy(message);
      case 'cart:link':
        return link(message);
    }
  }

  return { add, link, handle };
}
