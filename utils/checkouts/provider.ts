import type { CheckoutStatus } from '../smartcheckout/schemas';
import type { SmartcheckoutErrorKind } from '../smartcheckout/errors';

/**
 * What the purchase lifecycle needs from a checkout service: create → id, then poll → status, amount,
 * notes. Smartcheckout implements it; another service is one new folder beside `utils/smartcheckout/`.
 */
export interface CheckoutProvider {
  create(url: string, userData: Record<string, unknown>, idempotencyKey: string): Promise<{ checkoutId: string }>;
  get(checkoutId: string): Promise<{
    /** The id the service says the answer is about; checked against the one asked for. */
    id?: string;
    status: CheckoutStatus;
    rawStatus: string;
    amount: string | null;
    currency: string | null;
    notes: string | null;
  }>;
}

/** The failure kinds a provider reports (Smartcheckout's error kinds are the common vocabulary). */
export type ServiceErrorKind = SmartcheckoutErrorKind;

export interface ServiceError {
  kind: ServiceErrorKind;
  /** HTTP status, when the service answered. */
  status: number | null;
  retryAfterMs: number | null;
  /** The service's own explanation, when it gave one. */
  serviceMessage: string | null;
}

/** Reads a provider failure; anything unrecognised counts as a network problem (the outcome is unknown). */
export function asServiceError(error: unknown): ServiceError {
  if (error && typeof error === 'object' && 'kind' in error && typeof (error as ServiceError).kind === 'string') {
    const e = error as Partial<ServiceError> & { kind: ServiceErrorKind };
    return { kind: e.kind, status: e.status ?? null, retryAfterMs: e.retryAfterMs ?? null, serviceMessage: e.serviceMessage ?? null };
  }
  return { kind: 'network', status: null, retryAfterMs: null, serviceMessage: null };
}
