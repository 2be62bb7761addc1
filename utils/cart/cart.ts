import { describeVariant, withOptionOrder } from '../product/describe';
import type { ProductSnapshot } from '../product/snapshot';
import { sameProduct, withoutVariantParams } from '../product/url';
import { formatAmount, times } from '../money/money';
import { type Cart, type CartChange, type CartItem, MAX_CART_ITEMS, MAX_ITEM_QUANTITY } from './schema';

/** What adding did: a new line, more of a line already there, or nothing (the cart is full). */
export type AddOutcome = { kind: 'added' | 'merged'; item: CartItem } | { kind: 'full' };

/** The variant as a key: its id, else its SKU, else its options. */
function variantKey(product: ProductSnapshot): string {
  const variant = product.variant;
  return variant ? variant.id ?? variant.sku ?? JSON.stringify(Object.entries(variant.options).sort()) : '';
}

/** True when two snapshots are the same product and variant (one line of the cart). */
export function sameLine(a: ProductSnapshot, b: ProductSnapshot): boolean {
  return sameProduct(a.url, b.url) && variantKey(a) === variantKey(b);
}

/** Adds `quantity` of `product`: the same product and variant again raises its line's quantity (at most 99). */
export function addItem(cart: Cart, entry: { product: ProductSnapshot; quantity: number; tabId: number | null; unread?: boolean }, now: number, newId: () => string): { cart: Cart; outcome: AddOutcome } {
  const existing = cart.items.find((item) => sameLine(item.product, entry.product));
  if (existing) {
    // The page as read now replaces the older snapshot (and clears an old mark): the user just looked at it.
    const item: CartItem = entry.unread && !existing.unread
      ? { ...existing, quantity: Math.min(MAX_ITEM_QUANTITY, existing.quantity + entry.quantity) }
      : { ...existing, product: entry.product, optionOrder: Object.keys(entry.product.variant?.options ?? {}), tabId: entry.tabId, unread: entry.unread ?? false, changed: null, quantity: Math.min(MAX_ITEM_QUANTITY, existing.quantity + entry.quantity) };
    return { cart: { items: cart.items.map((i) => (i.id === existing.id ? item : i)) }, outcome: { kind: 'merged', item } };
  }
  if (cart.items.length >= MAX_CART_ITEMS) return { cart, outcome: { kind: 'full' } };
  const optionOrder = Object.keys(entry.product.variant?.options ?? {});
  const item: CartItem = { id: newId(), product: entry.product, quantity: Math.min(MAX_ITEM_QUANTITY, entry.quantity), tabId: entry.tabId, addedAt: now, unread: entry.unread ?? false, changed: null, optionOrder };
  return { cart: { items: [...cart.items, item] }, outcome: { kind: 'added', item } };
}

/** Sets a line's quantity (1–99). */
export function setQuantity(cart: Cart, id: string, quantity: number): Cart {
  const clamped = Math.max(1, Math.min(MAX_ITEM_QUANTITY, Math.trunc(quantity)));
  return { items: cart.items.map((item) => (item.id === id ? { ...item, quantity: clamped } : item)) };
}

/** Removes a line. */
export function removeItem(cart: Cart, id: string): Cart {
  return { items: cart.items.filter((item) => item.id !== id) };
}

/**
 * How the page read again differs from the line: a moved price or currency, or its variant no longer the page's;
 * null when it does not, or when the tab now shows another page (nothing can be said about the line then).
 */
export function changeOf(item: CartItem, now: ProductSnapshot): CartChange | null {
  if (withoutVariantParams(item.product.url) !== withoutVariantParams(now.url)) return null;
  if (variantKey(item.product) !== variantKey(now)) return { price: null, currency: null, variantGone: true };
  const moved = item.product.price !== now.price || item.product.currency !== now.currency;
  return moved ? { price: now.price, currency: now.currency, variantGone: false } : null;
}

/** One line's total in words ("58.00 USD"), or null without a price or currency. */
export function lineTotal(item: Pick<CartItem, 'product' | 'quantity'>): string | null {
  const { price, currency } = item.product;
  return price && currency ? formatAmount(times(price, item.quantity), currency) : null;
}

/** The cart's totals, one per currency (in ten-thousandths), in the order the currencies first appear. */
export function totalsOf(items: readonly Pick<CartItem, 'product' | 'quantity'>[]): { currency: string; units: number }[] {
  const totals = new Map<string, number>();
  for (const item of items) {
    const { price, currency } = item.product;
    if (!price || !currency) continue;
    totals.set(currency, (totals.get(currency) ?? 0) + times(price, item.quantity));
  }
  return [...totals].map(([currency, units]) => ({ currency, units }));
}

/** A line in words for lists and notifications: its name (or address) and variant. */
export function itemName(item: Pick<CartItem, 'product' | 'optionOrder'>): string {
  const variant = describeVariant(withOptionOrder(item.product.variant, item.optionOrder));
  const name = item.product.name ?? item.product.url;
  return variant ? `${name} (${variant})` : name;
}
