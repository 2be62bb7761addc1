import * as z from 'zod/mini';
import type { ServiceAdapter } from '../adapter';
import { t } from '../../shared/i18n';
import { fromUnits, times } from '../../money/money';
import { ServiceError } from '../errors';
import { DEMO_PROCESSING_MS, demoCheckoutId, demoFails, demoPlanOf } from './simulation';

/**
 * The demo service's adapter: the real lifecycle, polling, notifications and history run around it; only the
 * client is simulated. It makes no request of any kind.
 */
export function createDemoAdapter(now: () => number = Date.now): ServiceAdapter<Record<string, never>> {
  return {
    orderSchema: z.object({}) as unknown as z.ZodMiniType<Record<string, never>>,
    intentKey: () => '',
    quote: () => null,
    async create(_connection, request) {
      const { product, quantity } = request;
      const amount = product.price ? fromUnits(times(product.price, quantity)) : null;
      const checkoutId = demoCheckoutId({ fails: demoFails(product), startedAt: now(), amount, currency: amount ? product.currency : null });
      return { checkoutId, checkoutUrl: null, expiresAt: null, amount: null };
    },
    async status(_connection, checkoutId) {
      const plan = demoPlanOf(checkoutId);
      if (!plan) throw new ServiceError('not_found');
      const running = now() - plan.startedAt < DEMO_PROCESSING_MS;
      const outcome = running ? 'pending' : plan.fails ? 'failed' : 'completed';
      return {
        id: checkoutId,
        outcome,
        rawStatus: running ? 'processing' : outcome,
        detail: null,
        amount: outcome === 'completed' ? plan.amount : null,
        currency: outcome === 'completed' ? plan.currency : null,
        notes: outcome === 'failed' ? t('demoFailedNotes') : outcome === 'completed' ? t('demoCompletedNotes') : null,
      };
    },
    async testConnection() {
      return { outcome: 'works' };
    },
  };
}
