export const SANDBOX_API_KEY: string;
export const SANDBOX_FORBIDDEN_KEY: string;
export const SHOPPEX_API_KEY: string;
export const SHOPPEX_NO_SCOPE_KEY: string;
export const CREEM_API_KEY: string;
export const CREEM_LIMIT_KEY: string;
export const CREEM_MERINO_PRODUCT_ID: string;
export const CREEM_COURSE_PRODUCT_ID: string;
export const DIDDO_API_KEY: string;
export const DIDDO_FORBIDDEN_KEY: string;
export const DIDDO_SINGLE_STORE_CART: string;
export const DIDDO_TWO_STORE_CART: string;
export const DIDDO_UNAVAILABLE_CART: string;

export interface SandboxRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  at: number;
}

export interface SandboxCheckout {
  id: string;
  url: string;
  userData: Record<string, any>;
  amount: string;
  currency: string;
  gets: number;
}

/** A request a checkout-link service received; `path` is relative to its base URL (or its mount, for pages). */
export interface ServiceRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Path and query as sent. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  at: number;
  /** Shoppex: the x-request-id it answered with. */
  requestId?: string;
}

/** A fault the next matching request gets instead of its answer. */
export interface ServiceFault {
  status?: number;
  code?: string;
  message?: string | string[];
  body?: unknown;
  headers?: Record<string, string>;
  retryAfter?: string | number;
  hang?: boolean;
  malformed?: boolean;
  redirect?: string;
  method?: 'GET' | 'POST';
  path?: string | RegExp;
  times?: number;
}

export interface ServiceEvent {
  type: 'created' | 'paid' | 'voided' | 'expired';
  service: 'shoppex' | 'creem' | 'diddo';
  session?: any;
  checkout?: any;
  cart?: any;
}

interface ServiceControls {
  baseUrl: string;
  apiKey: string;
  requests: ServiceRequest[];
  pageRequests: ServiceRequest[];
  failNext(fault: ServiceFault): void;
  on(listener: (event: ServiceEvent) => void): () => void;
  reset(): void;
}

export interface ShoppexSandbox extends ServiceControls {
  sessions: Map<string, any>;
  pay(id: string): void;
  cancel(id: string): void;
  expire(id: string): void;
  setStatus(id: string, status: string): void;
}

export interface CreemSandbox extends ServiceControls {
  checkouts: Map<string, any>;
  products: any[];
  pay(id: string): void;
  expire(id: string): void;
  setStatus(id: string, status: string): void;
}

export interface DiddoSandbox extends ServiceControls {
  carts: Map<string, any>;
  tokens: Map<string, { subject: string; buyer: Record<string, string>; expiresAt: number }>;
  templates: Map<string, any>;
  singleStoreCartId: string;
  twoStoreCartId: string;
  unavailableCartId: string;
  /** Hand-off links point here: `${checkoutBase}/?cart_id=…#auth_token=…`. */
  checkoutBase: string;
  qrUrl(cartId: string, extension?: '' | '.png' | '.svg'): string;
  /** The buyer pays: the live cart becomes SUBMITTED. */
  pay(cartId: string): void;
}

export function startSandbox(options?: { apiPort?: number; shopPort?: number; completionDelayMs?: number; validKeys?: string[] }): Promise<{
  apiUrl: string;
  shopUrl: string;
  apiKey: string;
  api: {
    requests: SandboxRequest[];
    checkouts: Map<string, SandboxCheckout>;
    settings: { completionDelayMs: number };
    on(listener: (event: { type: 'created' | 'finalised'; checkout: SandboxCheckout; state?: { status: string } }) => void): () => void;
    reset(): void;
  };
  shoppex: ShoppexSandbox;
  creem: CreemSandbox;
  diddo: DiddoSandbox;
  /** The demo shop: change a product's price (and currency), and the product pages it was asked for. */
  shop: { setPrice(slug: string, price: string | null, currency?: string | null): void; requests: { path: string; cookies: boolean }[] };
  close(): Promise<void>;
}>;
