import type { CheckoutStatus } from '../smartcheckout/schemas';
import type { SmartcheckoutErrorKind } from '../smartcheckout/errors';

/**
 * What the purchase lifecycle needs from a checkout service: create → id, then poll → status, amount,
 * notes. Smartcheckout implements it; another service is one new folder beside `utils/smartcheckout/`.
 */
export interface CheckoutProvider {
  create(url: string, userData: Record<string, unknown>, idempotencyKey: string): Promise<{ checkoutId: string }>;
  get(checkoutId: string): Promise<{
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
  message: string;
  retryAfterMs: number | null;
}

/** Reads a provider failure; anything unrecognised counts as a network problem (the outcome is unknown). */
export function asServiceError(error: unknown): ServiceError {
  if (error && typeof error === 'object' && 'kind' in error && typeof (error as ServiceError).kind === 'string') {
    const e = error as ServiceError;
    return { kind: e.kind, message: e.message, retryAfterMs: e.retryAfterMs ?? null };
  }
  return { kind: 'network', message: 'Could not reach the checkout service.', retryAfterMs: null };
}
