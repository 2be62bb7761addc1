import * as z from 'zod/mini';
import { serviceValue } from '../reportedMoney';

/** Statuses the contract documents; anything else is treated as still in progress. */
export const KNOWN_STATUSES = ['processing', 'completed', 'failed'] as const;
export type CheckoutStatus = (typeof KNOWN_STATUSES)[number];

/** Text the service may leave out or send in another type: anything but a string is null (never a failed read). */
const optionalText = z.pipe(
  z.optional(z.unknown()),
  z.transform((value) => (typeof value === 'string' ? value : null)),
);
const required = () => z.string().check(z.minLength(1));
/** A checkout id: we send it back in URLs and keep it, so an absurd one is an unexpected response. */
const checkoutId = () => z.string().check(z.minLength(1), z.maxLength(200));

/** `POST /v0/checkout` answer. Unknown extra fields are ignored (zod strips them). */
export const createCheckoutResponseSchema = z.object({
  checkout_id: checkoutId(),
  status: required(),
});

/** `GET /v0/checkout/:id` answer. */
export const getCheckoutResponseSchema = z.object({
  id: checkoutId(),
  status: required(),
  // Read by `readReportedMoney` (a number, "1,299.00", "usd"): an odd value is kept as text, never a failed read.
  amount_str: serviceValue(),
  currency: serviceValue(),
  notes: optionalText,
  // Not in the contract: what the agent says it bought, if its answer names it (read by `reportedProductOf`).
  product_url: optionalText,
  product: z.optional(z.unknown()),
});

/**
 * What the service says it bought, when an answer names it: `product_url`, or a `product` object with `url` and
 * `name` (unconfirmed: the contract names neither, so this guess stays here). Null when it names nothing.
 */
export function reportedProductOf(data: { product_url: string | null; product?: unknown }): { url: string | null; name: string | null } | null {
  const object = data.product && typeof data.product === 'object' ? (data.product as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 2000) : null);
  const url = text(data.product_url) ?? text(object.url);
  const name = text(object.name);
  return url || name ? { url, name: name && name.slice(0, 300) } : null;
}

/** Shape of the service's error body; any of these keys may carry the message, as string or object. */
export const errorBodySchema = z.partial(z.object({ error: z.unknown(), message: z.unknown(), detail: z.unknown() }));

export interface CheckoutCreated {
  checkoutId: string;
  /** Raw status string as the service sent it. */
  status: string;
}

export interface CheckoutState {
  id: string;
  /** Raw status string as the service sent it. */
  rawStatus: string;
  /** Normalised status: unknown values are reported as `processing`, never as success. */
  status: CheckoutStatus;
  amount: string | null;
  currency: string | null;
  notes: string | null;
  /** What the service says it bought, when its answer names it. */
  product?: { url: string | null; name: string | null } | null;
}

export function normaliseStatus(raw: string): CheckoutStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(raw) ? (raw as CheckoutStatus) : 'processing';
}
