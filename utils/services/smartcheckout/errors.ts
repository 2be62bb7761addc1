/** Every way a Smartcheckout call can fail, as the contract defines them. */
export type SmartcheckoutErrorKind =
  | 'auth' // 401/403: the API key was rejected
  | 'not_found' // 404 on GET: the service does not know this checkout
  | 'rate_limited' // 429: retry after `retryAfterMs`
  | 'validation' // 400/422: the service refused the request and said why
  | 'server' // 5xx
  | 'network' // no answer: offline, DNS, connection refused
  | 'timeout' // the request hung past the client's timeout and was aborted
  | 'unexpected_response' // not JSON, or JSON without the required fields
  | 'http'; // any other HTTP status

const DEFAULT_MESSAGES: Record<SmartcheckoutErrorKind, string> = {
  auth: 'API key rejected by Smartcheckout. Check it in Options.',
  not_found: 'Smartcheckout does not know this checkout.',
  rate_limited: 'Smartcheckout is busy (too many requests). Trying again shortly.',
  validation: 'Smartcheckout refused the request.',
  server: 'Smartcheckout had a server error.',
  network: 'Could not reach Smartcheckout. Check your connection.',
  timeout: 'Smartcheckout did not answer in time.',
  unexpected_response: 'Unexpected response from the service.',
  http: 'Smartcheckout answered with an error.',
};

export class SmartcheckoutError extends Error {
  override readonly name = 'SmartcheckoutError';
  readonly kind: SmartcheckoutErrorKind;
  /** HTTP status, when the service answered. */
  readonly status: number | null;
  /** For `rate_limited`: how long the service asked us to wait. */
  readonly retryAfterMs: number | null;
  /** The service's own explanation from the error body, when it gave one (shown to the user as it is). */
  readonly serviceMessage: string | null;

  constructor(
    kind: SmartcheckoutErrorKind,
    options: { message?: string; status?: number | null; retryAfterMs?: number | null; serviceMessage?: string | null; cause?: unknown } = {},
  ) {
    super(options.message ?? DEFAULT_MESSAGES[kind], { cause: options.cause });
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.serviceMessage = options.serviceMessage ?? null;
  }

  /** True when a later GET may succeed (the checkout still exists as far as we know). */
  get isTransient(): boolean {
    return ['rate_limited', 'server', 'network', 'timeout', 'unexpected_response', 'http'].includes(this.kind);
  }
}

export function isSmartcheckoutError(error: unknown): error is SmartcheckoutError {
  return error instanceof SmartcheckoutError;
}

/** The longest wait a `Retry-After` can ask for; anything longer (or absurd) is read as this. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * Parses `Retry-After` — delta seconds or an HTTP date — into milliseconds from `now`, at most 10 minutes.
 * Null when it is neither.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(trimmed) * 1000));
  // HTTP dates name a weekday or month; a bare number such as "-5" or "1e3" is not one.
  if (!/[a-z]{3}/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now));
}
