import type { CheckoutOutcome, ReportDetail } from '../types';

/** Shoppex payment statuses as documented (upper case). */
const STATUSES: Record<string, { outcome: CheckoutOutcome; detail: ReportDetail | null }> = {
  PENDING: { outcome: 'pending', detail: null },
  WAITING_FOR_CONFIRMATIONS: { outcome: 'pending', detail: 'confirmations' },
  PARTIAL: { outcome: 'pending', detail: 'partial' },
  COMPLETED: { outcome: 'paid', detail: null },
  // Cancelled or expired: Shoppex has no separate expired status.
  VOIDED: { outcome: 'voided', detail: null },
  REFUNDED: { outcome: 'refunded', detail: null },
  REVERSED: { outcome: 'reversed', detail: null },
  CUSTOMER_DISPUTE_ONGOING: { outcome: 'disputed', detail: null },
};

/** Maps a Shoppex payment status; an unknown one is still pending (polling goes on until the deadline). */
export function shoppexOutcome(rawStatus: string): { outcome: CheckoutOutcome; detail: ReportDetail | null } {
  return STATUSES[rawStatus.trim().toUpperCase()] ?? { outcome: 'pending', detail: null };
}
