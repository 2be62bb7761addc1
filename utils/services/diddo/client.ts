import type * as z from 'zod/mini';
import { ServiceError, isServiceError } from '../errors';
import { clip, isRecord, timeToMs } from '../fields';
import { type ErrorDescription, type HttpResponse, createHttp, errorFromResponse, parseJson, tryJson } from '../http';
import { type CheckoutReport, type ConnectionResult, DEFAULT_TIMEOUT_MS, type ServiceClientOptions } from '../types';
import type { DiddoBuyerInfo } from './buyerInfo';
import { isCartId } from '../../product/links/diddoCart';
import { beginResponseSchema, cartStatusResponseSchema, methodResponseSchema, methodSchema, shippingResponseSchema, tokenResponseSchema } from './schemas';
import { diddoOutcome } from './status';

export interface DiddoCheckout {
  /** The live cart made for this buyer (not the template). */
  cartId: string;
  paymentIntentId: string;
  currency: string;
  subtotal: string;
  lines: { name: string; variant: string | null; quantity: number; price: string }[];
}

export interface DiddoShippingMethod {
  id: number;
  name: string;
  price: string;
  /** As Diddo words it ("3-5"), or null. */
  estimatedDays: string | null;
}

export interface DiddoShipping {
  /** One entry per store; a single-store cart has one entry whose `store` is null. No methods: the address cannot be served. */
  stores: { store: string | null; methods: DiddoShippingMethod[] }[];
  total: string | null;
}

export interface DiddoClient {
  /** Begins a checkout from a template cart (422 `validation` when the cart cannot be checked out). */
  begin(templateCartId: string): Promise<DiddoCheckout>;
  /** Sets the buyer's address and contact; answers the shipping methods. */
  setShipping(input: { cartId: string; paymentIntentId: string; buyerInfo: DiddoBuyerInfo }): Promise<DiddoShipping>;
  /** Picks one shipping method (call once per store for a cart that spans several). */
  selectMethod(input: { cartId: string; shippingMethodId: number }): Promise<{ cartId: string; shippingMethodId: number; total: string; currency: string | null }>;
  /** Mints a customer session token that opens the hosted checkout pre-filled. Never log the token. */
  mintToken(buyerInfo: Partial<DiddoBuyerInfo>): Promise<{ token: string; expiresAt: number }>;
  cartStatus(cartId: string): Promise<CheckoutReport>;
  testConnection(): Promise<ConnectionResult>;
}

/**
 * A cart id that cannot exist: a valid ULID at time zero with no randomness. Asking its status costs
 * nothing and buys nothing, and the answer tells the cases apart: 404 `CART_NOT_FOUND` means the key was
 * accepted and the cart looked up; 401/403 means the key was refused; a 404 without Diddo's code means
 * the base URL does not lead to the Diddo API.
 */
export const PROBE_CART_ID = '00000000000000000000000000';

/** Creates a client for the Diddo API (Bearer key; the base URL comes from the user). No browser globals. */
export function createDiddoClient(options: ServiceClientOptions): DiddoClient {
  const http = createHttp({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    headers: { Authorization: `Bearer ${options.apiKey}` },
  });

  async function post<T extends z.ZodMiniType>(path: string, body: unknown, schema: T): Promise<z.output<T>> {
    const response = await http.request('POST', path, { body });
    if (!response.ok) throw errorFromResponse(response, describeDiddoError(response));
    return parseJson(schema, response.text, { status: response.status });
  }

  async function cartStatus(cartId: string): Promise<CheckoutReport> {
    if (!cartId.trim()) throw refused('A cart id is required.');
    const { cart } = await post(`/cart/cartStatus/${encodeURIComponent(cartId)}`, {}, cartStatusResponseSchema);
    if (cart.id !== cartId) throw new ServiceError('unexpected_response', { message: 'Diddo answered about another cart.' });
    const { outcome, detail } = diddoOutcome(cart.status, (cart.stores ?? []).map((store) => store.is_submitted === true));
    return { id: cartId, outcome, rawStatus: cart.status, detail, amount: null, currency: null, notes: null };
  }

  return {
    async begin(templateCartId) {
      if (!isCartId(templateCartId)) throw refused('That is not a Diddo cart id.');
      const data = await post(`/checkout/begin/${templateCartId}`, {}, beginResponseSchema);
      return {
        cartId: data.cart_id,
        paymentIntentId: data.payment_intent_id,
        currency: data.currency,
        subtotal: data.subtotal,
        lines: data.lines.map(({ name, variant, quantity, price }) => ({ name, variant, quantity, price })),
      };
    },

    async setShipping({ cartId, paymentIntentId, buyerInfo }) {
      if (!cartId.trim() || !paymentIntentId.trim()) throw refused('A cart id and a payment intent are required.');
      const data = await post('/checkout/shipping', { cart_id: cartId, payment_intent_id: paymentIntentId, buyer_info: buyerInfo }, shippingResponseSchema);
      if (data.stores) return { stores: data.stores.map(({ store, shipping_methods }) => ({ store, methods: toMethods(shipping_methods) })), total: data.total };
      if (data.shipping_methods) return { stores: [{ store: null, methods: toMethods(data.shipping_methods) }], total: data.total };
      throw new ServiceError('unexpected_response', { message: 'Diddo sent no shipping methods.' });
    },

    async selectMethod({ cartId, shippingMethodId }) {
      if (!cartId.trim() || !Number.isSafeInteger(shippingMethodId)) throw refused('A cart id and a shipping method are required.');
      const data = await post('/checkout/shipping/method', { cart_id: cartId, shipping_method_id: shippingMethodId }, methodResponseSchema);
      return { cartId, shippingMethodId, total: data.total, currency: data.currency };
    },

    async mintToken(buyerInfo) {
      const data = await post('/checkout/cst', buyerInfo, tokenResponseSchema);
      const expiresAt = timeToMs(data.expires_at) ?? jwtExpiry(data.token);
      if (expiresAt === null) throw new ServiceError('unexpected_response', { message: 'Diddo sent a token without an expiry.' });
      return { token: data.token, expiresAt };
    },

    cartStatus,

    async testConnection() {
      try {
        await cartStatus(PROBE_CART_ID);
        return { outcome: 'works' };
      } catch (error) {
        if (!isServiceError(error)) throw error;
        if (error.kind === 'not_found' && error.code === 'CART_NOT_FOUND') return { outcome: 'works' };
        return { outcome: 'failed', error };
      }
    },
  };
}

function toMethods(methods: z.output<typeof methodSchema>[]): DiddoShippingMethod[] {
  return methods.map(({ id, name, price, estimated_days }) => ({ id, name, price, estimatedDays: estimated_days }));
}

function refused(message: string): ServiceError {
  return new ServiceError('validation', { message });
}

/** The `exp` claim of a JWT (ms), or null. Read only: the token is Diddo's to verify. */
export function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return isRecord(json) && typeof json.exp === 'number' ? timeToMs(json.exp) : null;
  } catch {
    return null;
  }
}

/** `{ code, message }` (also tolerated nested under `error`). Diddo sends no request id we know of. */
export function describeDiddoError(response: Pick<HttpResponse, 'text'>): ErrorDescription {
  const body = tryJson(response.text);
  const source = isRecord(body) ? (isRecord(body.error) ? body.error : body) : null;
  if (!source) return { serviceMessage: null, code: null, requestId: null };
  const message = typeof source.message === 'string' ? source.message : typeof source.error === 'string' ? source.error : '';
  return {
    serviceMessage: message.trim() ? clip(message) : null,
    code: typeof source.code === 'string' && source.code ? source.code : null,
    requestId: null,
  };
}
