import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storage } from 'wxt/utils/storage';
import { addItem, changeOf, removeItem, setQuantity, totalsOf } from '../../utils/cart/cart';
import { type Cart, EMPTY_CART, MAX_CART_ITEMS } from '../../utils/cart/schema';
import { cartStorage, changeCart, hasCorruptCart } from '../../utils/cart/store';
import { createCartService } from '../../entrypoints/background/cartService';
import type { Lifecycle } from '../../utils/checkouts/lifecycle';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import { PRODUCT } from './fixtures/purchase';
import { handleMenuClick } from '../../utils/background/contextMenu';
import { getMessage, LOCALES } from './support/i18n';
import { badgeFor } from '../../utils/background/badge';
import type { CheckoutRecord } from '../../utils/checkouts/record';
import { CART_LINK_NAME_MAX, cartLinkOrder } from '../../utils/cart/link';
import { createShoppexAdapter } from '../../utils/services/shoppex/adapter';

const TOTE: ProductSnapshot = { ...PRODUCT, url: 'https://other.example/p/tote', name: 'Harbor Canvas Tote', price: '38.50', currency: 'EUR', variant: null, sku: null };
let ids = 0;
const newId = () => `item-${++ids}`;
const add = (cart: Cart, product: ProductSnapshot, quantity = 1) => addItem(cart, { product, quantity, tabId: 3 }, 1000, newId);

beforeEach(() => {
  fakeBrowser.reset();
  ids = 0;
});

describe('the cart', () => {
  it('adds a product with its variant, quantity and tab; the same product and variant again raises its quantity', () => {
    const once = add(EMPTY_CART, PRODUCT, 2);
    expect(once.outcome).toMatchObject({ kind: 'added', item: { id: 'item-1', quantity: 2, tabId: 3, addedAt: 1000, unread: false } });
    const again = add(once.cart, PRODUCT, 1);
    expect(again.outcome).toMatchObject({ kind: 'merged', item: { id: 'item-1', quantity: 3 } });
    expect(again.cart.items).toHaveLength(1);
    // Another variant of the same page is another line.
    const other = add(again.cart, { ...PRODUCT, url: 'https://shop.example/products/merino-tee?variant=4243', variant: { ...PRODUCT.variant!, id: '4243', options: { Size: 'L', Color: 'Blue' } } });
    expect(other.outcome.kind).toBe('added');
    expect(other.cart.items).toHaveLength(2);
    // Never above 99 of one line.
    expect(add(once.cart, PRODUCT, 99).outcome).toMatchObject({ kind: 'merged', item: { quantity: 99 } });
  });

  it('holds at most 20 lines: the 21st is refused and the cart unchanged, while more of a line already there still fits', () => {
    let cart = EMPTY_CART;
    for (let i = 0; i < MAX_CART_ITEMS; i++) cart = add(cart, { ...TOTE, url: `https://other.example/p/${i}` }).cart;
    const full = add(cart, TOTE);
    expect(full.outcome).toEqual({ kind: 'full' });
    expect(full.cart).toBe(cart);
    expect(add(cart, { ...TOTE, url: 'https://other.example/p/0' }).outcome.kind).toBe('merged');
  });

  it('sets a quantity within 1–99 and removes a line', () => {
    const cart = add(add(EMPTY_CART, PRODUCT).cart, TOTE).cart;
    expect(setQuantity(cart, 'item-1', 5).items[0]!.quantity).toBe(5);
    expect(setQuantity(cart, 'item-1', 500).items[0]!.quantity).toBe(99);
    expect(removeItem(cart, 'item-1').items.map((i) => i.id)).toEqual(['item-2']);
  });

  it('totals per currency with exact money arithmetic', () => {
    const cart = add(add(add(EMPTY_CART, PRODUCT, 3).cart, TOTE).cart, { ...TOTE, url: 'https://other.example/p/cap', price: '0.10' }, 3).cart;
    expect(totalsOf(cart.items)).toEqual([
      { currency: 'USD', units: 870_000 },
      { currency: 'EUR', units: 388_000 },
    ]);
  });

  it('marks a moved price or a variant the page no longer shows; another page marks nothing', () => {
    const item = add(EMPTY_CART, PRODUCT).cart.items[0]!;
    expect(changeOf(item, PRODUCT)).toBeNull();
    expect(changeOf(item, { ...PRODUCT, price: '31.00' })).toEqual({ price: '31.00', currency: 'USD', variantGone: false });
    expect(changeOf(item, { ...PRODUCT, url: 'https://shop.example/products/merino-tee', variant: null })).toEqual({ price: null, currency: null, variantGone: true });
    expect(changeOf(item, TOTE)).toBeNull();
  });
});

describe('the stored cart', () => {
  it('survives in storage.local; writes are serialised so two adds at once both land', async () => {
    const service = createCartService({} as Lifecycle, { now: () => 1, newId });
    await Promise.all([service.add(PRODUCT, 1, 1), service.add(TOTE, 1, 2), service.add(PRODUCT, 1, 1)]);
    const stored = (await storage.getItem<Cart>('local:cart'))!;
    expect(stored.items.map((i) => [i.product.name, i.quantity])).toEqual([
      ['Merino Tee', 2],
      ['Harbor Canvas Tote', 1],
    ]);
  });

  it('says a full cart is full', async () => {
    const service = createCartService({} as Lifecycle, { now: () => 1, newId });
    for (let i = 0; i < MAX_CART_ITEMS; i++) await service.add({ ...TOTE, url: `https://other.example/p/${i}` }, 1, null);
    expect(await service.add(TOTE, 1, null)).toEqual({ ok: false, code: 'cart_full', message: expect.stringContaining('20') });
  });

  it('keeps a corrupt stored cart aside as cart:corrupt and reports it, then starts a new one', async () => {
    const corrupt = { items: [{ id: 'x', quantity: 'many' }] };
    await storage.setItem('local:cart', corrupt);
    expect(await cartStorage.get()).toEqual(EMPTY_CART);
    await changeCart((cart) => ({ cart: addItem(cart, { product: TOTE, quantity: 1, tabId: null }, 1, newId).cart, result: null }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await storage.getItem('local:cart:corrupt')).toEqual(corrupt);
    expect(await hasCorruptCart()).toBe(true);
    expect((await cartStorage.get()).items).toHaveLength(1);
  });
});

describe('one checkout link for the cart', () => {
  const item = (product: ProductSnapshot, quantity = 1) => add(EMPTY_CART, product, quantity).cart.items[0]!;

  it('sums the items exactly, names them, and lists them for the metadata', () => {
    const built = cartLinkOrder([item({ ...TOTE, currency: 'USD', price: '0.10' }, 3), item({ ...TOTE, url: 'https://other.example/p/b', name: 'Bag', currency: 'USD', price: '0.20' })]);
    expect(built).toEqual({
      ok: true,
      order: {
        amount: '0.50',
        currency: 'USD',
        label: '2 items: 3 × Harbor Canvas Tote, Bag',
        items: [
          { name: 'Harbor Canvas Tote', quantity: 3, url: 'https://other.example/p/tote' },
          { name: 'Bag', quantity: 1, url: 'https://other.example/p/b' },
        ],
      },
    });
  });

  it('caps the name at 120 characters', () => {
    const items = Array.from({ length: 8 }, (_, i) => item({ ...TOTE, url: `https://other.example/p/${i}`, name: `A rather long product name number ${i}` }));
    const built = cartLinkOrder(items);
    expect(built.ok && built.order.label.length).toBe(CART_LINK_NAME_MAX);
    expect(built.ok && built.order.label).toMatch(/^8 items: A rather long product name number 0, .*…$/);
  });

  it('refuses a cart in several currencies, and an item without a price', () => {
    expect(cartLinkOrder([item(PRODUCT), item(TOTE)])).toEqual({ ok: false, message: 'A checkout link has one currency; this cart has several (USD, EUR).' });
    expect(cartLinkOrder([item({ ...TOTE, price: null })]).ok).toBe(false);
  });

  it('sends the items to Shoppex as metadata, one key each, beside the product URL', async () => {
    const sessions: unknown[] = [];
    const adapter = createShoppexAdapter(() => ({ createSession: async (input: unknown) => (sessions.push(input), { id: 'pay_1', checkoutUrl: 'https://pay.example/1', status: 'PENDING', expiresAt: null, amount: null }) }) as never);
    const built = cartLinkOrder([item(TOTE, 2)]);
    if (!built.ok) throw new Error(built.message);
    await adapter.create({} as never, { order: built.order, product: TOTE, quantity: 1, profile: { email: 'a@b.example' } as never, instructions: '', hint: null, maxSpend: [], intentId: 'i' });
    expect(sessions[0]).toMatchObject({ productName: '1 item: 2 × Harbor Canvas Tote', amount: '77.00', currency: 'EUR', metadata: { cart_items: '1', item_1: '2 × Harbor Canvas Tote — https://other.example/p/tote' } });
  });
});

describe('the cart in the browser', () => {
  it('"Add to cart" on a product link adds an item not read yet, named by the link, which no order can buy', async () => {
    const service = createCartService({} as Lifecycle, { now: () => 1, newId });
    const info = { menuItemId: 'add-to-cart', linkUrl: 'https://other.example/p/tote', linkText: 'Harbor Canvas Tote', editable: false, pageUrl: 'https://other.example/' };
    await handleMenuClick(info as never, undefined, {} as Lifecycle, {} as never, service.add);
    const [item] = (await cartStorage.get()).items;
    expect(item).toMatchObject({ unread: true, tabId: null, product: { url: 'https://other.example/p/tote', name: 'Harbor Canvas Tote', price: null } });
    const reply = await service.handle({ type: 'cart:buy', service: 'smartcheckout', profileId: 'p', instructions: '', attemptId: '00000000-0000-4000-8000-000000000000', items: [{ id: item!.id, quantity: 1, price: null, currency: null, ceiling: null }] });
    expect(reply).toMatchObject({ ok: false, message: expect.stringContaining('Not read yet') });
    // Added again from its page, it is read: the same line, now with its price.
    await service.add(TOTE, 1, 4);
    expect((await cartStorage.get()).items).toEqual([expect.objectContaining({ unread: false, quantity: 2, product: expect.objectContaining({ price: '38.50' }) })]);
  });

  it('shows its item count on the toolbar badge while no purchase needs the badge', () => {
    expect(badgeFor([], 3)).toMatchObject({ text: '3', title: 'Smartcheckout: 3 items in the cart' });
    const processing = { state: 'processing', seen: true } as CheckoutRecord;
    expect(badgeFor([processing], 3).text).toBe('1');
    expect(badgeFor([], 0).text).toBe('');
  });
});

describe('the cart in German', () => {
  it('has its own words for every cart label, not the English ones', () => {
    const keys = ['cartAdd', 'cartButton', 'cartRemove', 'cartEmpty', 'cartBuy', 'cartLink', 'cartConfirmTitle', 'cartConfirmButton', 'orderEnded', 'orderUnderWay', 'menuAddToCart'];
    for (const key of keys) {
      expect(LOCALES.de![key], key).toBeDefined();
      expect(LOCALES.de![key]!.message, key).not.toBe(LOCALES.en![key]!.message);
    }
    expect(getMessage(LOCALES.de!, 'orderEnded', ['3', '2', '1'])).toBe('Bestellung mit 3 Artikeln: 2 abgeschlossen, 1 fehlgeschlagen');
    expect(getMessage(LOCALES.en!, 'cartButton', ['3'])).toBe('Cart (3)');
  });
});

describe('opening the cart', () => {
  it('reads again each item whose tab is open and marks a moved price; a closed tab marks nothing', async () => {
    const open = await fakeBrowser.tabs.create({ url: 'https://shop.example/products/merino-tee?variant=4242' });
    const reads: number[] = [];
    const service = createCartService({} as Lifecycle, {
      now: () => 1,
      newId,
      readTab: async (tabId) => (reads.push(tabId), { kind: 'product', product: { ...PRODUCT, price: '31.00' } }),
    });
    await service.add(PRODUCT, 1, open.id!);
    await service.add(TOTE, 1, 9999);
    expect(await service.handle({ type: 'cart:refresh' })).toEqual({ ok: true, message: '' });
    expect(reads).toEqual([open.id]);
    expect((await cartStorage.get()).items.map((i) => i.changed)).toEqual([{ price: '31.00', currency: 'USD', variantGone: false }, null]);
  });
});
