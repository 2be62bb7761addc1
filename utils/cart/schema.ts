import * as z from 'zod/mini';
import { productSnapshotSchema } from '../product/snapshot';

/** Most lines a cart holds: enough for a real basket, small enough for one confirmation and one order. */
export const MAX_CART_ITEMS = 20;
/** Most of one line (the popup's quantity field allows the same). */
export const MAX_ITEM_QUANTITY = 99;

/** How an item's page differed when it was read again (the cart opened): marked on the item, never applied by itself. */
export const cartChangeSchema = z.object({
  /** The page's price and currency now (null when it shows none). */
  price: z.nullable(z.string().check(z.maxLength(20))),
  currency: z.nullable(z.string().check(z.maxLength(3))),
  /** The variant in the cart is no longer the one the page offers. */
  variantGone: z.boolean(),
});
export type CartChange = z.infer<typeof cartChangeSchema>;

export const cartItemSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The product as detected when it was added: page data, checked like any snapshot. */
  product: productSnapshotSchema,
  quantity: z.int().check(z.minimum(1), z.maximum(MAX_ITEM_QUANTITY)),
  /** The tab it was added from; it may have been closed or moved on since. */
  tabId: z.nullable(z.int().check(z.minimum(0))),
  addedAt: z.number(),
  /** Added from a link (context menu): its page was never read, so it has no price and cannot be bought yet. */
  unread: z._default(z.boolean(), false),
  /** The variant's option names in the shop's order (storage does not keep key order). */
  optionOrder: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20)), []),
  /** How its page differed when last read again; null when it did not (or could not be read). */
  changed: z._default(z.nullable(cartChangeSchema), null),
});
export type CartItem = z.infer<typeof cartItemSchema>;

export const cartSchema = z.object({ items: z.array(cartItemSchema).check(z.maxLength(MAX_CART_ITEMS)) });
export type Cart = z.infer<typeof cartSchema>;

export const EMPTY_CART: Cart = { items: [] };
