import type * as z from 'zod/mini';
import { centsToDecimal } from '../amount';
import { ServiceError, isServiceError } from '../errors';
import { clip, isHttpUrl, isRecord } from '../fields';
import { type ErrorDescription, type HttpResponse, createHttp, errorFromResponse, parseJson, tryJson } from '../http';
import { type CheckoutReport, type ConnectionResult, DEFAULT_TIMEOUT_MS, type ServiceClientOptions } from '../types';
import { amountAsText, readReportedMoney } from '../reportedMoney';
import { checkoutResponseSchema, productSchema, readCents, searchResponseSchema } from './schemas';
import { creemOutcome } from './status';

export interface CreemProduct {
  id: string;
  name: string;
  description: string | null;
  /** Decimal string converted from cents ("29.00"). */
  price: string;
  currency: string;
  /** `onetime` or `recurring`. */
  billingType: string | null;
  /** `active` or `archived`. */
  status: string | null;
  imageUrl: string | null;
  productUrl: string | null;
}

export interface CreemProductPage {
  items: CreemProduct[];
  page: number;
  totalPages: number;
  /** The next page number, or null on the last page. */
  nextPage: number | null;
}

export interface CreemCheckoutInput {
  productId: string;
  units: number;
  customerEmail: string;
  /** Creem's idempotency: one per purchase intent, reused on retry so no second checkout is made. */
  requestId: string;
  successUrl?: string;
  metadata: Record<string, string | number | boolean | null>;
}

export interface CreemCheckout {
  id: string;
  checkoutUrl: string;
  status: string;
}

export interface CreemClient {
  /** One page of the store's products (page numbers start at 1). */
  searchProducts(query: { page: number; pageSize: number }): Promise<CreemProductPage>;
  getProduct(id: string): Promise<CreemProduct>;
  /** Creates a checkout. Never retried here; `requestId` makes a deliberate retry safe. */
  createCheckout(input: CreemCheckoutInput): Promise<CreemCheckout>;
  getCheckout(id: string): Promise<CheckoutReport>;
  /** A one-product search: an answer means the key works in this environment. */
  testConnection(): Promise<ConnectionResult>;
}

/** Creates a client for the Creem API (`x-api-key`). No browser globals: `fetch` comes in. */
export function createCreemClient(options: ServiceClientOptions): CreemClient {
  const http = createHttp({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    headers: { 'x-api-key': options.apiKey },
  });

  function checked(response: HttpResponse): HttpResponse {
    if (!response.ok) throw errorFromResponse(response, describeCreemError(response.text));
    return response;
  }
  const parse = <T extends z.ZodMiniType>(schema: T, response: HttpResponse) => parseJson(schema, response.text, { status: response.status });

  async function searchProducts({ page, pageSize }: { page: number; pageSize: number }): Promise<CreemProductPage> {
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1) throw refused('Page and page size must be whole numbers of at least 1.');
    const response = checked(await http.request('GET', '/v1/products/search', { query: { page_number: page, page_size: pageSize } }));
    const data = parse(searchResponseSchema, response);
    // A product the extension cannot read (no price, say) is left out rather than hiding the whole list.
    const items = data.items.flatMap((item) => {
      const product = productSchema.safeParse(item);
      return product.success ? [toProduct(product.data)] : [];
    });
    const current = data.pagination?.current_page ?? page;
    return {
      items,
      page: current,
      totalPages: data.pagination?.total_pages ?? current,
      nextPage: data.pagination?.next_page ?? null,
    };
  }

  return {
    searchProducts,

    async getProduct(id) {
      if (!id.trim()) throw refused('A product id is required.');
      const response = checked(await http.request('GET', '/v1/products', { query: { product_id: id } }));
      const product = parse(productSchema, response);
      if (product.id !== id) throw new ServiceError('unexpected_response', { status: response.status, message: 'Creem answered about another product.' });
      return toProduct(product);
    },

    async createCheckout(input) {
      const body = checkoutBody(input);
      const response = checked(await http.request('POST', '/v1/checkouts', { body }));
      const data = parse(checkoutResponseSchema, response);
      if (!data.checkout_url) throw new ServiceError('unexpected_response', { status: response.status, message: 'Creem sent no checkout URL.' });
      if (data.request_id && data.request_id !== input.requestId) {
        throw new ServiceError('unexpected_response', { status: response.status, message: 'Creem answered for another request.' });
      }
      return { id: data.id, checkoutUrl: data.checkout_url, status: data.status };
    },

    async getCheckout(id) {
      if (!id.trim()) throw refused('A checkout id is required.');
      const response = checked(await http.request('GET', '/v1/checkouts', { query: { checkout_id: id } }));
      const data = parse(checkoutResponseSchema, response);
      if (data.id !== id) throw new ServiceError('unexpected_response', { status: response.status, message: 'Creem answered about another checkout.' });
      const { outcome, detail } = creemOutcome(data.status);
      const order = typeof data.order === 'object' && data.order ? data.order : null;
      // What the customer paid, once paid; before that the order (if any) has paid nothing yet.
      const paid = outcome === 'paid' && order !== null && order.amount_paid != null ? order : null;
      return { id, outcome, rawStatus: data.status, detail, ...paidAmount(paid), notes: null };
    },

    async testConnection() {
      try {
        await searchProducts({ page: 1, pageSize: 1 });
        return { outcome: 'works' };
      } catch (error) {
        if (isServiceError(error)) return { outcome: 'failed', error };
        throw error;
      }
    },
  };
}

/** `amount_paid` (cents) in the order's currency: a decimal when readable, else the service's text kept as it came. */
function paidAmount(order: { amount_paid?: unknown; currency?: unknown } | null): { amount: string | null; currency: string | null } {
  if (!order) return { amount: null, currency: null };
  const cents = readCents(order.amount_paid);
  const reported = readReportedMoney(cents === null ? null : centsToDecimal(cents), order.currency);
  // Not whole cents (19.5, "19,00"): kept as text, never read as a decimal of the currency.
  return cents === null ? { ...reported, amount: amountAsText(order.amount_paid) } : reported;
}

function toProduct(product: z.output<typeof productSchema>): CreemProduct {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    price: centsToDecimal(product.price),
    currency: product.currency,
    billingType: product.billing_type,
    status: product.status,
    imageUrl: product.image_url,
    productUrl: product.product_url,
  };
}

/** The request body for a checkout, checked before anything is sent. */
export function checkoutBody(input: CreemCheckoutInput): Record<string, unknown> {
  if (!input.productId.trim()) throw refused('A Creem product is required.');
  if (!Number.isInteger(input.units) || input.units < 1) throw refused('Units must be a whole number of at least 1.');
  if (!input.requestId.trim()) throw refused('A request id is required.');
  const email = input.customerEmail.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw refused('A customer email is required.');
  if (input.successUrl !== undefined && !isHttpUrl(input.successUrl)) throw refused('The success URL must be an http(s) URL.');
  return {
    product_id: input.productId,
    request_id: input.requestId,
    units: input.units,
    customer: { email },
    ...(input.successUrl ? { success_url: input.successUrl } : {}),
    metadata: input.metadata,
  };
}

function refused(message: string): ServiceError {
  return new ServiceError('validation', { message });
}

/** `{ trace_id, status, error, message: [...], timestamp }`: the messages joined, the trace id for support. */
export function describeCreemError(text: string): ErrorDescription {
  const body = tryJson(text);
  if (!isRecord(body)) return { serviceMessage: null, code: null, requestId: null };
  const messages = (Array.isArray(body.message) ? body.message : [body.message]).filter(
    (message): message is string => typeof message === 'string' && message.trim() !== '',
  );
  return {
    serviceMessage: messages.length ? clip(messages.map((m) => m.trim()).join('; ')) : null,
    code: null,
    requestId: typeof body.trace_id === 'string' && body.trace_id ? body.trace_id : null,
  };
}
