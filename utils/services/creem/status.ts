import type { CheckoutOutcome, ReportDetail } from '../types';

const STATUSES: Record<string, { outcome: CheckoutOutcome; detail: ReportDetail | null }> = {
  pending: { outcome: 'pending', detail: null },
  processing: { outcome: 'pending', detail: 'processing' },
  completed: { outcome: 'paid', detail: null },
  expired: { outcome: 'expired', detail: null },
};

/** Maps a Creem checkout status; an unknown one is still pending. */
export function creemOutcome(rawStatus: string): { outcome: CheckoutOutcome; detail: ReportDetail | null } {
  return STATUSES[rawStatus.trim().toLowerCase()] ?? { outcome: 'pending', detail: null };
}
