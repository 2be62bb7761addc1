import * as z from 'zod/mini';
import { buildUserData, purchaseDetails } from './userData';
import type { ServiceAdapter } from '../adapter';
import type { Connection } from '../service';
import type { CheckoutOutcome } from '../types';
import { createSmartcheckoutClient, type SmartcheckoutClient } from './client';
import { testConnection } from './connection';

const OUTCOMES: Record<string, CheckoutOutcome> = { processing: 'pending', completed: 'completed', failed: 'failed' };

/** A Smartcheckout client for a connection, over the browser's fetch. */
export function smartcheckoutClientFor(connection: Connection, timeoutMs?: number): SmartcheckoutClient {
  return createSmartcheckoutClient({ baseUrl: connection.baseUrl, apiKey: connection.apiKey, fetch: globalThis.fetch.bind(globalThis), timeoutMs });
}

/**
 * Smartcheckout as a checkout service: the agent buys the page's product, with the profile's address, within the
 * most it may spend. Nothing beyond the common request is needed, so its order part is empty.
 */
export function createSmartcheckoutAdapter(clientFor: (connection: Connection) => SmartcheckoutClient = smartcheckoutClientFor): ServiceAdapter<Record<string, never>> {
  return {
    orderSchema: z.object({}) as unknown as z.ZodMiniType<Record<string, never>>,
    intentKey: () => '',
    quote: () => null,
    async create(connection, request) {
      const userData = buildUserData(purchaseDetails(request, request.profile, request.maxSpend));
      const { checkoutId } = await clientFor(connection).createCheckout(request.product.url, userData, request.intentId);
      return { checkoutId, checkoutUrl: null, expiresAt: null, amount: null };
    },
    async status(connection, checkoutId) {
      const state = await clientFor(connection).getCheckout(checkoutId);
      return {
        id: state.id,
        outcome: OUTCOMES[state.status] ?? 'pending',
        rawStatus: state.rawStatus,
        detail: null,
        amount: state.amount,
        currency: state.currency,
        notes: state.notes,
        product: state.product ?? null,
      };
    },
    async testConnection(connection) {
      return testConnection(clientFor(connection), crypto.randomUUID());
    },
  };
}
