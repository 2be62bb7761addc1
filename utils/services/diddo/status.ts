import type { CheckoutOutcome, ReportDetail } from '../types';

/**
 * Maps a Diddo cart status: SUBMITTED is paid and ordered; IN_PROGRESS and anything unknown are pending,
 * with `partially_submitted` when some of the cart's stores already have the order.
 */
export function diddoOutcome(rawStatus: string, storesSubmitted: readonly boolean[] = []): { outcome: CheckoutOutcome; detail: ReportDetail | null } {
  if (rawStatus.trim().toUpperCase() === 'SUBMITTED') return { outcome: 'paid', detail: null };
  return { outcome: 'pending', detail: storesSubmitted.some(Boolean) ? 'partially_submitted' : null };
}
