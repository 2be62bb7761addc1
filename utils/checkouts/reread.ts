import { t } from '../shared/i18n';
import { formatAmount, times } from '../money/money';
import type { Detection } from '../product/detectInTab';
import { describeVariant, offerChanged } from '../product/describe';
import type { ProductSnapshot } from '../product/snapshot';
import { pageAddress } from '../product/url';
import type { CheckoutRecord } from './record';

/** The page's offer as the record keeps it: what the drift check compares. */
export type Offer = NonNullable<CheckoutRecord['drift']>['before'];

export function offerOf(product: Pick<ProductSnapshot, 'url' | 'price' | 'currency' | 'variant'>): Offer {
  return { url: product.url, price: product.price, currency: product.currency, variant: product.variant, label: describeVariant(product.variant) };
}

/** What reading the shop tab again right before sending says. */
export type Reread = { send: true; unread: boolean } | { send: false; drift: { before: Offer; after: Offer } };


/**
 * Compares the offer the user confirmed with the page read again. A moved price, currency or variant stops the
 * purchase; a page that cannot be read again (tab closed, another page now) lets the confirmed purchase go, said so.
 */
export function judgeReread(seen: Offer, fresh: Detection): Reread {
  if (fresh.kind !== 'product' && fresh.kind !== 'no-product') return { send: true, unread: true };
  // Another page now (the query may select another variant of the same one: that is a change of offer, below).
  const page = pageAddress(seen.url);
  if (page === null || page !== pageAddress(fresh.product.url)) return { send: true, unread: true };
  if (offerChanged(seen, fresh.product)) return { send: false, drift: { before: seen, after: offerOf(fresh.product) } };
  return { send: true, unread: false };
}

/** An offer in words for `quantity`: "58.00 USD, Size S, Color Blue". */
export function describeOffer(offer: Offer, quantity: number): string {
  const price = offer.price ? (offer.currency ? formatAmount(times(offer.price, quantity), offer.currency) : offer.price) : t('confirmNoPrice');
  return [price, offer.label || describeVariant(offer.variant)].filter(Boolean).join(', ');
}
