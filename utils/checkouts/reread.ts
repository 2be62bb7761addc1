import { t } from '../shared/i18n';
import { formatAmount, times } from '../money/money';
import type { Detection } from '../product/detectInTab';
import { describeVariant, offerChanged } from '../product/describe';
import type { ProductSnapshot } from '../product/snapshot';
import type { CheckoutRecord } from './record';

/** The page's offer as the record keeps it: what the drift check compares. */
export type Offer = NonNullable<CheckoutRecord['drift']>['before'];

export function offerOf(product: Pick<ProductSnapshot, 'url' | 'price' | 'currency' | 'variant'>): Offer {
  return { url: product.url, price: product.price, currency: product.currency, variant: product.variant, label: describeVariant(product.variant) };
}

/** What reading the shop tab again right before sending says. */
export type Reread = { send: true; unread: boolean } | { send: false; drift: { before: Offer; after: Offer } };

/** The same product page: same origin and path (the query may select another variant of it). */
function samePage(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return x.origin === y.origin && x.pathname.replace(/\/+$/, '') === y.pathname.replace(/\/+$/, '');
  } catch {
    return false;
  }
}

/**
 * Compares the offer the user confirmed with the page read again. A moved price, currency or variant stops the
 * purchase; a page that cannot be read again (tab closed, another page now) lets the confirmed purchase go, said so.
 */
export function judgeReread(seen: Offer, fresh: Detection): Reread {
  if (fresh.kind !== 'product' && fresh.kind !== 'no-product') return { send: true, unread: true };
  if (!samePage(seen.url, fresh.product.url)) return { send: true, unread: true };
  if (offerChanged(seen, fresh.product)) return { send: false, drift: { before: seen, after: offerOf(fresh.product) } };
  return { send: true, unread: false };
}

/** An offer in words for `quantity`: "58.00 USD, Size S, Color Blue". */
export function describeOffer(offer: Offer, quantity: number): string {
  const price = offer.price ? (offer.currency ? formatAmount(times(offer.price, quantity), offer.currency) : offer.price) : t('confirmNoPrice');
  return [price, offer.label || describeVariant(offer.variant)].filter(Boolean).join(', ');
}
