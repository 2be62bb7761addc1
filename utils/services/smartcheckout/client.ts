import type * as z from 'zod/mini';
import { readReportedMoney } from '../reportedMoney';
import { SmartcheckoutError, parseRetryAfter } from './errors';
import {
  type CheckoutCreated,
  type CheckoutState,
  createCheckoutResponseSchema,
  errorBodySchema,
  getCheckoutResponseSchema,
  reportedProductOf,
  normaliseStatus,
} from './schemas';

export const DEFAULT_BASE_URL = 'https://api.smartcheckout.dev';
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface SmartcheckoutClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch: typeof globalThis.fetch;
  /** A request still unanswered after this long is aborted and reported as `timeout`. */
  timeoutMs?: number;
}

export interface SmartcheckoutClient {
  /**
   * Starts a purchase. Never retried here: a lost answer may mean the purchase started, so the caller
   * decides what to tell the user. `idempotencyKey` identifies the purchase intent.
   */
  createCheckout(url: string, userData: Record<string, unknown>, idempotencyKey: string): Promise<CheckoutCreated>;
  /** Reads the current state of a checkout. */
  getCheckout(id: string): Promise<CheckoutState>;
}

/** Creates a client for the Smartcheckout v0 API. No browser globals: everything comes in `options`. */
export function createSmartcheckoutClient(options: SmartcheckoutClientOptions): SmartcheckoutClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let response: Response;
      try {
        response = await options.fetch(`${baseUrl}${path}`, {
          method,
          headers: {
            Accept: 'application/json',
            Authorization: `Bearer ${options.apiKey}`,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
          credentials: 'omit',
          cache: 'no-store',
          // The key goes to the base URL the user set and nowhere else: a redirect is an error, never followed.
          redirect: 'error',
        });
      } catch (cause) {
        throw new SmartcheckoutError(controller.signal.aborted ? 'timeout' : 'network', { cause });
      }
      // Reading the body can hang too; the same timer covers it.
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        throw new SmartcheckoutError(controller.signal.aborted ? 'timeout' : 'network', { cause });
      }
      return { response, text };
    } finally {
      clearTimeout(timer);
    }
  }

  function fail(method: 'GET' | 'POST', response: Response, text: string): never {
    const status = response.status;
    if (status === 401 || status === 403) throw new SmartcheckoutError('auth', { status });
    if (status === 404 && method === 'GET') throw new SmartcheckoutError('not_found', { status });
    if (status === 429) {
      throw new SmartcheckoutError('rate_limited', {
        status,
        retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
      });
    }
    if (status === 400 || status === 422) {
      const serviceMessage = messageFromBody(text);
      throw new SmartcheckoutError('validation', {
        status,
        serviceMessage,
        message: serviceMessage ?? `Smartcheckout refused the request: ${response.statusText || `HTTP ${status}`}`,
      });
    }
    if (status >= 500) throw new SmartcheckoutError('server', { status, message: `Smartcheckout had a server error (HTTP ${status}).` });
    throw new SmartcheckoutError('http', { status, message: `Smartcheckout answered HTTP ${status}.` });
  }

  function parse<T extends z.ZodMiniType>(schema: T, text: string): z.output<T> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new SmartcheckoutError('unexpected_response', { cause });
    }
    const result = schema.safeParse(json);
    if (!result.success) throw new SmartcheckoutError('unexpected_response', { cause: result.error });
    return result.data;
  }

  return {
    async createCheckout(url, userData, idempotencyKey) {
      const { response, text } = await request('POST', '/v0/checkout', { url, user_data: userData }, {
        'Idempotency-Key': idempotencyKey,
      });
      if (!response.ok) fail('POST', response, text);
      const data = parse(createCheckoutResponseSchema, text);
      return { checkoutId: data.checkout_id, status: data.status };
    },

    async getCheckout(id) {
      const { response, text } = await request('GET', `/v0/checkout/${encodeURIComponent(id)}`);
      if (!response.ok) fail('GET', response, text);
      const data = parse(getCheckoutResponseSchema, text);
      // An answer about another checkout says nothing about this one.
      if (data.id !== id) throw new SmartcheckoutError('unexpected_response', { message: 'Smartcheckout answered about another checkout.' });
      return {
        id: data.id,
        rawStatus: data.status,
        status: normaliseStatus(data.status),
        ...readReportedMoney(data.amount_str, data.currency),
        notes: data.notes,
        product: reportedProductOf(data),
      };
    },
  };
}

/** The service's own words from an error body (`error`, `message` or `detail`; string or object). */
export function messageFromBody(text: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const body = errorBodySchema.safeParse(json);
  if (!body.success) return null;
  for (const value of [body.data.error, body.data.message, body.data.detail]) {
    const message = describe(value);
    if (message) return message.slice(0, 500);
  }
  return null;
}

function describe(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const parts = value.map(describe).filter((part): part is string => part !== null);
    return parts.length ? parts.join('; ') : null;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['message', 'msg', 'error', 'detail']) {
      const nested = describe(record[key]);
      if (nested) return nested;
    }
    return JSON.stringify(value);
  }
  return null;
}
