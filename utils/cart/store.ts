import { Mutex } from 'async-mutex';
import { storage } from 'wxt/utils/storage';
import { defineParsedItem } from '../storage/parsedItem';
import { type Cart, cartSchema, EMPTY_CART } from './schema';

const KEY = 'local:cart' as const;

/** The cart, in `storage.local` (it survives a browser restart); a corrupt value is kept as `cart:corrupt`. */
export const cartStorage = defineParsedItem(KEY, { schema: cartSchema, fallback: () => EMPTY_CART, version: 1 });

/** True when a stored cart could not be read and was kept aside (the cart view says so). */
export async function hasCorruptCart(): Promise<boolean> {
  return (await storage.getItem(`${KEY}:corrupt`)) !== null;
}

const mutex = new Mutex();

/** Read-modify-write of the cart, serialised (only the background calls this: it owns the cart). */
export function changeCart<T>(change: (cart: Cart) => { cart: Cart; result: T }): Promise<T> {
  return mutex.runExclusive(async () => {
    const current = await cartStorage.get();
    const next = change(current);
    if (next.cart !== current) await cartStorage.set(next.cart);
    return next.result;
  });
}
