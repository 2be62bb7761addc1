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
