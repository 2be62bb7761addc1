import type { ServiceErrorKind } from '../services/errors';

export type { ServiceErrorKind } from '../services/errors';

/** A failure talking to a checkout service, as the lifecycle keeps it (any service's error class fits). */
export interface ServiceError {
  kind: ServiceErrorKind;
  /** HTTP status, when the service answered. */
  status: number | null;
  retryAfterMs: number | null;
  /** The service's own explanation, when it gave one. */
  serviceMessage: string | null;
  /** The service's (or an adapter's) machine-readable reason, e.g. TOTAL_CHANGED. */
  code?: string | null;
}

/** Reads a service failure; anything unrecognised counts as a network problem (the outcome is unknown). */
export function asServiceError(error: unknown): ServiceError {
  if (error && typeof error === 'object' && 'kind' in error && typeof (error as ServiceError).kind === 'string') {
    const e = error as Partial<ServiceError> & { kind: ServiceErrorKind };
    return { kind: e.kind, status: e.status ?? null, retryAfterMs: e.retryAfterMs ?? null, serviceMessage: e.serviceMessage ?? null, code: e.code ?? null };
  }
  return { kind: 'network', status: null, retryAfterMs: null, serviceMessage: null };
}
