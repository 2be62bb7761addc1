import { fromUnits, times } from '../../money/money';
import { describeVariant } from '../../product/describe';
import type { ServiceAdapter } from '../adapter';
import { clientOptions } from '../clientOptions';
import type { Connection } from '../service';
import { isServiceError } from '../errors';
import { createShoppexClient, type ShoppexClient } from './client';
import { type ShoppexOrder, shoppexOrderSchema } from './order';

/**
 * Shoppex: a payment for any amount, described by the page's product, for the profile's email. The amount is
 * what the user confirmed in the popup (the page's price × quantity unless they changed it).
 */
export function createShoppexAdapter(clientFor: (connection: Connection) => ShoppexClient = (c) => createShoppexClient(clientOptions(c))): ServiceAdapter<ShoppexOrder> {
  return {
    orderSchema: shoppexOrderSchema,
    // "Idempotency-Key: one key per purchase intent, reused on retry" (the contract): the same key, the same session.
    idempotentCreate: true,
    intentKey: (order) => `${order.amount} ${order.currency}`,
    quote: (order) => ({ amount: order.amount, currency: order.currency }),
    async create(connection, { order, product, quantity, profile, intentId }) {
      const session = await clientFor(connection).createSession(
        { productName: order.label, quantity, amount: order.amount, currency: order.currency, customerEmail: profile.email, productUrl: product.url, metadata: itemsMetadata(order.items) },
        intentId,
      );
      return {
        checkoutId: session.id,
        checkoutUrl: session.checkoutUrl,
        expiresAt: session.expiresAt,
        amount: session.amount,
      };
    },
    status: (connection, checkoutId) => clientFor(connection).getPayment(checkoutId),
    async testConnection(connection) {
      try {
        return { outcome: 'works', gateways: (await clientFor(connection).capabilities()).gateways };
      } catch (error) {
        if (isServiceError(error)) return { outcome: 'failed', error };
        throw error;
      }
    },
    async autoOrder(_connection, { product }) {
      if (!product.price || !product.currency) return null;
      const label = [product.name ?? product.url, describeVariant(product.variant)].filter(Boolean).join(' — ').slice(0, 250);
      return { amount: fromUnits(times(product.price, 1)), currency: product.currency, label };
    },
  };
}

/** A cart's items as metadata: `cart_items` (how many), then `item_1`… "2 × name — URL" (Shoppex takes one product per session). */
function itemsMetadata(items: ShoppexOrder['items']): Record<string, string> | undefined {
  if (!items?.length) return undefined;
  const entries = items.map((item, index) => [`item_${index + 1}`, `${item.quantity} × ${item.name} — ${item.url}`]);
  return Object.fromEntries([['cart_items', String(items.length)], ...entries]);
}
