import type { Money } from '../../money/money';
import { decimalToJsonNumber, decimalToUnits, isDecimalAmount } from '../amount';
import { ServiceError, isServiceError } from '../errors';
import { clip, isHttpUrl, isRecord, timeToMs } from '../fields';
import { type ErrorDescription, type HttpResponse, createHttp, errorFromResponse, parseJson, tryJson } from '../http';
import { type CheckoutReport, type ConnectionResult, DEFAULT_TIMEOUT_MS, type ServiceClientOptions } from '../types';
import { readQuotedMoney, readReportedMoney } from '../reportedMoney';
import { capabilitiesResponseSchema, paymentResponseSchema, sessionResponseSchema } from './schemas';
import { shoppexOutcome } from './status';

export const SHOPPEX_DEFAULT_BASE_URL = 'https://api.shoppex.io/dev/v1';

export interface ShoppexSessionInput {
  /** Detected product name plus variant ("Merino Crew T-Shirt — Navy / M"). */
  productName: string;
  quantity: number;
  /** The total to charge, as a decimal string ("29.00"); at least 0.01. */
  amount: string;
  /** ISO 4217 code. */
  currency: string;
  customerEmail: string;
  /** The page the link is for; sent as `metadata.product_url`. */
  productUrl: string;
  /** More `metadata` (a cart's items, one key each); string values, capped at 500 characters. */
  metadata?: Record<string, string>;
  successUrl?: string;
  cancelUrl?: string;
  /** One gateway from `capabilities()`; omitted, the buyer chooses. */
  gateway?: string;
}

export interface ShoppexSession {
  id: string;
  /** Where the buyer pays (`checkout_url`, else `url`). */
  checkoutUrl: string;
  status: string;
  /** When the unpaid session expires (ms), when Shoppex said. */
  expiresAt: number | null;
  /** What the buyer will pay, when Shoppex said it readably (currency upper case, canonical decimal). */
  amount: Money | null;
}

export interface ShoppexClient {
  /** What the key and shop can do; a harmless read. */
  capabilities(): Promise<{ gateways: string[] }>;
  /**
   * Creates a checkout session. Never retried here: the caller reuses `idempotencyKey` (one per purchase
   * intent) if it must try again, so Shoppex returns the same session instead of a second one.
   */
  createSession(input: ShoppexSessionInput, idempotencyKey: string): Promise<ShoppexSession>;
  /** The payment behind a session (the session id is the payment id). */
  getPayment(id: string): Promise<CheckoutReport>;
  /** Calls `capabilities()`: an answer means the key works. */
  testConnection(): Promise<ConnectionResult>;
}

/** Creates a client for the Shoppex Dev API v1 (Bearer key). No browser globals: `fetch` comes in. */
export function createShoppexClient(options: ServiceClientOptions): ShoppexClient {
  const http = createHttp({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    headers: { Authorization: `Bearer ${options.apiKey}` },
  });

  function checked(response: HttpResponse): HttpResponse {
    if (!response.ok) throw errorFromResponse(response, describeShoppexError(response));
    return response;
  }
  const context = (response: HttpResponse) => ({ status: response.status, requestId: response.headers.get('x-request-id') });

  async function capabilities() {
    const response = checked(await http.request('GET', '/me/capabilities'));
    return { gateways: parseJson(capabilitiesResponseSchema, response.text, context(response)).data.gateways };
  }

  return {
    capabilities,

    async createSession(input, idempotencyKey) {
      const body = sessionBody(input);
      if (!idempotencyKey.trim()) throw refused('An idempotency key is required.');
      const response = checked(await http.request('POST', '/checkout/sessions', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
      const { data } = parseJson(sessionResponseSchema, response.text, context(response));
      const checkoutUrl = data.checkout_url ?? data.url;
      if (!checkoutUrl) throw new ServiceError('unexpected_response', { ...context(response), message: 'Shoppex sent no checkout URL.' });
      return {
        id: data.id,
        checkoutUrl,
        status: data.status,
        expiresAt: timeToMs(data.expires_at),
        amount: readQuotedMoney(data.amount, data.currency),
      };
    },

    async getPayment(id) {
      if (!id.trim()) throw refused('A payment id is required.');
      const response = checked(await http.request('GET', `/payments/${encodeURIComponent(id)}`));
      const { data } = parseJson(paymentResponseSchema, response.text, context(response));
      // The session id is the payment id (unconfirmed); Shoppex payments also carry a `uniqid`.
      if (data.id !== id && data.uniqid !== id) {
        throw new ServiceError('unexpected_response', { ...context(response), message: 'Shoppex answered about another payment.' });
      }
      const { outcome, detail } = shoppexOutcome(data.status);
      return { id, outcome, rawStatus: data.status, detail, ...readReportedMoney(data.total, data.currency), notes: null };
    },

    async testConnection() {
      try {
        await capabilities();
        return { outcome: 'works' };
      } catch (error) {
        if (isServiceError(error)) return { outcome: 'failed', error };
        throw error;
      }
    },
  };
}

/** The request body for a session, checked before anything is sent. */
export function sessionBody(input: ShoppexSessionInput): Record<string, unknown> {
  const productName = input.productName.replace(/\s+/g, ' ').trim();
  if (!productName) throw refused('A product name is required.');
  if (!Number.isInteger(input.quantity) || input.quantity < 1) throw refused('Quantity must be a whole number of at least 1.');
  const amount = input.amount.trim();
  if (!isDecimalAmount(amount) || decimalToUnits(amount) < 100) throw refused('Amount must be a number of at least 0.01.');
  const currency = input.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw refused('Currency must be a three-letter code like USD.');
  const email = input.customerEmail.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw refused('A customer email is required.');
  for (const url of [input.successUrl, input.cancelUrl]) if (url !== undefined && !isHttpUrl(url)) throw refused('Return URLs must be http(s) URLs.');
  return {
    product: { name: productName, quantity: input.quantity },
    amount: decimalToJsonNumber(amount),
    currency,
    customer_email: email,
    ...(input.successUrl ? { success_url: input.successUrl } : {}),
    ...(input.cancelUrl ? { cancel_url: input.cancelUrl } : {}),
    metadata: { ...Object.fromEntries(Object.entries(input.metadata ?? {}).map(([key, value]) => [key, value.slice(0, 500)])), product_url: input.productUrl },
    ...(input.gateway ? { gateway: input.gateway } : {}),
  };
}

/** A request refused before sending: `validation` with no HTTP status. */
function refused(message: string): ServiceError {
  return new ServiceError('validation', { message });
}

/** `{ error: { code, message, details: [{ field, message }] } }` plus the `x-request-id` header. */
export function describeShoppexError(response: Pick<HttpResponse, 'text' | 'headers'>): ErrorDescription {
  const body = tryJson(response.text);
  const error = isRecord(body) ? body.error : undefined;
  const requestId = response.headers.get('x-request-id') || null;
  if (typeof error === 'string') return { serviceMessage: clip(error) || null, code: null, requestId };
  if (!isRecord(error)) return { serviceMessage: null, code: null, requestId };
  const message = typeof error.message === 'string' ? error.message.trim() : '';
  const details = (Array.isArray(error.details) ? error.details : [])
    .filter(isRecord)
    .map((detail) => [detail.field, detail.message].filter((part) => typeof part === 'string' && part.trim()).join(': '))
    .filter(Boolean);
  const text = [message, details.join('; ')].filter(Boolean).join(' — ');
  return { serviceMessage: text ? clip(text) : null, code: typeof error.code === 'string' && error.code ? error.code : null, requestId };
}
