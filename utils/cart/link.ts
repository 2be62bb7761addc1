import { t } from '../shared/i18n';
import { fromUnits } from '../money/money';
import { itemName, totalsOf } from './cart';
import type { CartItem } from './schema';

/** Longest product name a cart's checkout link is given ("3 items: Harbor Canvas Tote, …"). */
export const CART_LINK_NAME_MAX = 120;

/** What one checkout link for a whole cart sells: the summed amount in its one currency, a name listing the items, and the items. */
export interface CartLinkOrder {
  amount: string;
  currency: string;
  label: string;
  items: { name: string; quantity: number; url: string }[];
}

/**
 * One checkout link for the cart: the items' totals summed exactly, in one currency (a mixed-currency cart cannot
 * be one link), named after its items within 120 characters. The name is sent to the service (its customer sees
 * it), so it is in English like everything the extension sends.
 */
export function cartLinkOrder(items: readonly CartItem[]): { ok: true; order: CartLinkOrder } | { ok: false; message: string } {
  if (!items.length) return { ok: false, message: t('orderEmpty') };
  const unpriced = items.find((item) => item.unread || !item.product.price || !item.product.currency);
  if (unpriced) return { ok: false, message: t('orderUnpriced', itemName(unpriced)) };
  const totals = totalsOf(items);
  if (totals.length !== 1) return { ok: false, message: t('cartMixedCurrency', totals.map((total) => total.currency).join(', ')) };
  const names = items.map((item) => itemName(item));
  const listed = items.map((item, index) => (item.quantity > 1 ? `${item.quantity} × ${names[index]}` : names[index]));
  const label = capName(`${items.length} ${items.length === 1 ? 'item' : 'items'}: ${listed.join(', ')}`);
  return {
    ok: true,
    order: { amount: fromUnits(totals[0]!.units), currency: totals[0]!.currency, label, items: items.map((item, index) => ({ name: names[index]!.slice(0, 300), quantity: item.quantity, url: item.product.url })) },
  };
}

function capName(name: string): string {
  return name.length <= CART_LINK_NAME_MAX ? name : `${name.slice(0, CART_LINK_NAME_MAX - 1).trimEnd()}…`;
}
