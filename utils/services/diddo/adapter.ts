import { t } from '../../shared/i18n';
import { toUnits } from '../../money/money';
import type { Profile } from '../../profiles/schema';
import type { ServiceAdapter } from '../adapter';
import { clientOptions } from '../clientOptions';
import type { Connection } from '../service';
import { ServiceError } from '../errors';
import { serviceOf } from '../registry';
import { unitsToDecimal } from '../reportedMoney';
import { buyerInfoFromProfile, missingForDiddo } from './buyerInfo';
import { createDiddoClient, type DiddoClient } from './client';
import { handoffUrl } from './handoff';
import { type DiddoOrder, diddoOrderSchema, type DiddoPrepared, diddoPrepareParams } from './order';

/**
 * Diddo: a template cart checked out for the profile — begun, the address set, one shipping method per store
 * chosen — and handed off as a link that opens at payment, with a customer session token in its fragment.
 */
export function createDiddoAdapter(clientFor: (connection: Connection) => DiddoClient = (c) => createDiddoClient(clientOptions(c))): ServiceAdapter<DiddoOrder> {
  async function prepare(client: DiddoClient, templateCartId: string, profile: Profile | null): Promise<DiddoPrepared> {
    if (!profile || missingForDiddo(profile).length) throw new ServiceError('validation', { code: 'PROFILE_INCOMPLETE', message: 'The profile lacks what Diddo needs.' });
    const checkout = await client.begin(templateCartId);
    const shipping = await client.setShipping({ cartId: checkout.cartId, paymentIntentId: checkout.paymentIntentId, buyerInfo: buyerInfoFromProfile(profile) });
    return {
      templateCartId,
      liveCartId: checkout.cartId,
      paymentIntentId: checkout.paymentIntentId,
      currency: checkout.currency,
      subtotal: checkout.subtotal,
      lines: checkout.lines,
      stores: shipping.stores,
    };
  }

  return {
    orderSchema: diddoOrderSchema,
    // Each preparation begins its own live cart: the same one twice is the same checkout.
    intentKey: (order) => order.liveCartId,
    quote: (order) => ({ amount: order.total, currency: order.currency }),
    async create(connection, { order, profile }) {
      const client = clientFor(connection);
      let total: string | null = null;
      for (const shippingMethodId of order.methods) total = (await client.selectMethod({ cartId: order.liveCartId, shippingMethodId })).total;
      // Stock or prices may have moved since the user saw the total: never hand off a checkout for another amount.
      if (total !== null && toUnits(total) !== toUnits(order.total)) {
        throw new ServiceError('validation', { code: 'TOTAL_CHANGED', serviceMessage: `${order.total} → ${total} ${order.currency}` });
      }
      const token = await client.mintToken(buyerInfoFromProfile(profile));
      const page = connection.checkoutUrl ?? serviceOf('diddo').checkoutPageUrl!;
      return { checkoutId: order.liveCartId, checkoutUrl: handoffUrl(page, order.liveCartId, token.token), expiresAt: token.expiresAt, amount: { amount: order.total, currency: order.currency } };
    },
    status: (connection, checkoutId) => clientFor(connection).cartStatus(checkoutId),
    testConnection: (connection) => clientFor(connection).testConnection(),
    queries: {
      prepare: {
        params: diddoPrepareParams,
        run: (connection, { templateCartId }: { templateCartId: string }, { profile }) => prepare(clientFor(connection), templateCartId, profile),
      },
    },
    async autoOrder(connection, { product, profile }) {
      const templateCartId = product.checkoutLinks.diddoCarts[0];
      if (!templateCartId || missingForDiddo(profile).length) return null;
      const cart = await prepare(clientFor(connection), templateCartId, profile);
      const methods = cart.stores.map((store) => [...store.methods].sort((a, b) => toUnits(a.price) - toUnits(b.price))[0]);
      if (methods.some((m) => !m)) return null;
      const total = toUnits(cart.subtotal) + methods.reduce((sum, m) => sum + toUnits(m!.price), 0);
      const first = cart.lines[0]?.name ?? templateCartId;
      const label = cart.lines.length > 1 ? t('diddoCartLabelMore', first, cart.lines.length - 1) : first;
      return {
        templateCartId,
        liveCartId: cart.liveCartId,
        paymentIntentId: cart.paymentIntentId,
        methods: methods.map((m) => m!.id),
        // Every digit Diddo priced in (up to four decimals), so the total compares equal to the one it reports.
        total: unitsToDecimal(total),
        currency: cart.currency,
        label: label.slice(0, 300),
      };
    },
  };
}
