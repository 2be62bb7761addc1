import type * as z from 'zod/mini';
import type { Money } from '../money/money';
import type { ProductSnapshot } from '../product/snapshot';
import type { Profile } from '../profiles/schema';
import type { Connection } from './service';
import type { ServiceError } from './errors';
import type { CheckoutReport } from './types';

/** Everything a service may use to create one checkout. */
export interface CreateRequest<Order> {
  /** The service's own part of the request, as its `orderSchema` read it. */
  order: Order;
  product: ProductSnapshot;
  quantity: number;
  profile: Profile;
  /** The user's own words (agent purchases). */
  instructions: string;
  /** Text the user selected on the page: a hint about the product, sent as page data (agent purchases). */
  hint: string | null;
  /** The most an agent may spend on this purchase, per currency (agent purchases); empty when no limit applies. */
  maxSpend: Money[];
  /** One per purchase intent: sent as the service's idempotency key so a retry never creates a second checkout. */
  intentId: string;
}

/** What a service said when it created a checkout. */
export interface CreatedCheckout {
  checkoutId: string;
  /** Where the customer pays (checkout links). May hold a secret in its fragment: never shown, logged or exported. */
  checkoutUrl: string | null;
  /** When the checkout can no longer be paid, if the service says. */
  expiresAt: number | null;
  /** What the customer will be asked to pay, when the service says. */
  amount: Money | null;
}

/** What "Test connection" found. */
export type ConnectionTest =
  | { outcome: 'works'; gateways?: string[]; products?: number }
  /** The service answered a made-up id as if it existed. */
  | { outcome: 'found' }
  | { outcome: 'failed'; error: Pick<ServiceError, 'kind' | 'status' | 'retryAfterMs' | 'serviceMessage'> | null };

/** A read the popup needs before creating a checkout (a store's products, a cart and its shipping methods). */
export interface ServiceQuery<Params = unknown, Result = unknown> {
  params: z.ZodMiniType<Params>;
  run(connection: Connection, params: Params, context: { profile: Profile | null }): Promise<Result>;
}

/**
 * How the background talks to one service. Built in `entrypoints/background/adapters.ts` from the service's own
 * client; nothing else calls a client.
 */
export interface ServiceAdapter<Order = unknown> {
  /** Reads the service's part of a start request (it comes from an extension page: still checked). */
  orderSchema: z.ZodMiniType<Order>;
  /** What tells two checkouts of the same page, quantity and profile apart (e.g. which product of the store). */
  intentKey(order: Order): string;
  /** What the customer will pay, shown before creating and kept in the history; null when unknown. */
  quote(order: Order, request: { product: ProductSnapshot; quantity: number }): Money | null;
  /**
   * True when the service documents that a create sent again with the same idempotency key returns the checkout the
   * first one made (Shoppex). Only then is a create whose answer was lost sent again, once, to learn that checkout.
   */
  idempotentCreate?: boolean;
  /** Creates the checkout. Never retried blindly: a lost answer may mean it exists. */
  create(connection: Connection, request: CreateRequest<Order>): Promise<CreatedCheckout>;
  /** Reads where a checkout stands. */
  status(connection: Connection, checkoutId: string): Promise<CheckoutReport>;
  /** A harmless read that tells a working key from a rejected one. */
  testConnection(connection: Connection): Promise<ConnectionTest>;
  queries?: Record<string, ServiceQuery<any, any>>;
  /**
   * The order to create without asking (the context menu's "Create checkout link"): from what the page says and
   * the profile. Null when the user has to choose (no price, no matching product, a profile to complete).
   */
  autoOrder?(connection: Connection, context: { product: ProductSnapshot; profile: Profile }): Promise<unknown | null>;
}
