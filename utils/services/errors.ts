/** Every way a checkout-service call can fail, the same for every service. */
export type ServiceErrorKind =
  | 'auth' // 401/403: the API key was rejected (or lacks a scope)
  | 'not_found' // 404: the service does not know the thing asked for
  | 'rate_limited' // 429: retry after `retryAfterMs` when given
  | 'validation' // 400/422 (or refused before sending): the request was refused and the service said why
  | 'conflict' // 409: e.g. the cart was already submitted
  | 'server' // 5xx
  | 'network' // no answer: offline, DNS, connection refused, redirect refused
  | 'timeout' // the request hung past the client's timeout and was aborted
  | 'unexpected_response' // not JSON, JSON without the required fields, or about another id
  | 'http'; // any other HTTP status

// English, for logs and tests; the interface words its own messages from `kind`, `code` and `serviceMessage`.
const DEFAULT_MESSAGES: Record<ServiceErrorKind, string> = {
  auth: 'API key rejected by the service.',
  not_found: 'The service does not know this item.',
  rate_limited: 'The service is busy (too many requests).',
  validation: 'The service refused the request.',
  conflict: 'The request conflicts with the current state at the service.',
  server: 'The service had a server error.',
  network: 'Could not reach the service.',
  timeout: 'The service did not answer in time.',
  unexpected_response: 'Unexpected response from the service.',
  http: 'The service answered with an error.',
};

export interface ServiceErrorDetails {
  message?: string;
  status?: number | null;
  retryAfterMs?: number | null;
  serviceMessage?: string | null;
  code?: string | null;
  requestId?: string | null;
  cause?: unknown;
}

export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  readonly kind: ServiceErrorKind;
  /** HTTP status, when the service answered. */
  readonly status: number | null;
  /** For `rate_limited`: how long the service asked us to wait (capped), when it said. */
  readonly retryAfterMs: number | null;
  /** The service's own explanation, shown to the user as it is. */
  readonly serviceMessage: string | null;
  /** The service's machine-readable error code (VALIDATION_ERROR, CART_NOT_FOUND, …). */
  readonly code: string | null;
  /** The service's id for this request (for support), when it gave one. */
  readonly requestId: string | null;

  constructor(kind: ServiceErrorKind, details: ServiceErrorDetails = {}) {
    super(details.message ?? details.serviceMessage ?? DEFAULT_MESSAGES[kind], { cause: details.cause });
    this.kind = kind;
    this.status = details.status ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.serviceMessage = details.serviceMessage ?? null;
    this.code = details.code ?? null;
    this.requestId = details.requestId ?? null;
  }

  /** True when the same read may succeed later; a create is still never repeated blindly. */
  get isTransient(): boolean {
    return TRANSIENT.has(this.kind);
  }
}

const TRANSIENT = new Set<ServiceErrorKind>(['rate_limited', 'server', 'network', 'timeout', 'unexpected_response', 'http']);

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}

/** The error kind an HTTP status means. */
export function kindOfStatus(status: number): ServiceErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 422) return 'validation';
  if (status >= 500 && status <= 599) return 'server';
  return 'http';
}

/** A service never makes us wait longer than this, whatever its Retry-After says. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`, capped; null when unreadable. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) ms = Math.round(Number(trimmed) * 1000);
  else {
    // Only a real HTTP date; Date.parse alone would accept "1" or "soon 2".
    if (!/[a-z]{3}/i.test(trimmed)) return null;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return null;
    ms = Math.max(0, date - now);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}
