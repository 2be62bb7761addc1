import type { ServiceError } from './errors';

/** Where a checkout stands, in words every service's status maps onto. */
export type CheckoutOutcome =
  | 'pending' // waiting for the buyer (also any status the service has not documented)
  | 'paid'
  | 'expired'
  | 'cancelled'
  | 'voided' // cancelled or expired: the service does not say which
  | 'refunded'
  | 'reversed' // chargeback lost
  | 'disputed'
  | 'completed'
  | 'failed';

/**
 * Why a pending checkout is still pending, when the service says more than "pending":
 * `confirmations` (crypto payment seen, waiting for confirmations), `partial` (crypto underpaid),
 * `processing` (payment being processed), `partially_submitted` (some stores of a cart ordered).
 */
export type ReportDetail = 'confirmations' | 'partial' | 'processing' | 'partially_submitted';

/** The common status report every checkout-link client's status call returns. */
export interface CheckoutReport {
  id: string;
  outcome: CheckoutOutcome;
  /** The status string exactly as the service sent it (kept and shown when unknown). */
  rawStatus: string;
  detail: ReportDetail | null;
  /** Decimal string with '.', converted exactly from the service's value; null when absent. */
  amount: string | null;
  currency: string | null;
  notes: string | null;
  /** What the service says it bought, when its answer names it (a product URL or name beyond the contract). */
  product?: { url: string | null; name: string | null } | null;
}

/** The answer of a client's connection test. */
export type ConnectionResult = { outcome: 'works' } | { outcome: 'failed'; error: ServiceError };

/** Options every checkout-link client factory takes. No browser globals: `fetch` comes in. */
export interface ServiceClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch: typeof globalThis.fetch;
  /** A request still unanswered after this long is aborted and reported as `timeout`. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
