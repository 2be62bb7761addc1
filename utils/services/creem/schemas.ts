import * as z from 'zod/mini';
import { nonEmptyString, optionalHttpUrl, optionalString } from '../fields';
import { readCurrency, serviceValue } from '../reportedMoney';

/** One product, as search and the single-product read return it. `price` is in cents. */
export const productSchema = z.object({
  id: nonEmptyString(),
  name: nonEmptyString(),
  description: optionalString(),
  // Cents as a number or numeric text; a product whose price or currency cannot be read is left out of the list.
  price: z.pipe(z.pipe(serviceValue(), z.transform(readCents)), z.number()),
  currency: z.pipe(z.pipe(serviceValue(), z.transform(readCurrency)), z.string()),
  billing_type: optionalString(),
  billing_period: optionalString(),
  status: optionalString(),
  image_url: optionalHttpUrl(),
  product_url: optionalHttpUrl(),
});

/** `GET /v1/products/search`. Items are parsed one by one (see the client). */
export const searchResponseSchema = z.object({
  items: z.array(z.unknown()),
  pagination: z.optional(
    z.object({
      total_pages: z.nullish(z.number()),
      current_page: z.nullish(z.number()),
      next_page: z.nullish(z.number()),
    }),
  ),
});

/** Whole cents from a number or numeric text (2900, "2900", " 2900 "); null when not a whole, non-negative count. */
export function readCents(raw: unknown): number | null {
  const value = typeof raw === 'string' && /^\s*\d{1,15}\s*$/.test(raw) ? Number(raw) : raw;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** The order inside a checkout; amounts in cents. Amount and currency are read by the client, never a reason to fail. */
const orderSchema = z.object({
  amount_paid: serviceValue(),
  currency: serviceValue(),
  status: optionalString(),
});

/** A checkout, as `POST /v1/checkouts` and `GET /v1/checkouts?checkout_id=` return it. */
export const checkoutResponseSchema = z.object({
  id: nonEmptyString(),
  status: nonEmptyString(),
  mode: optionalString(),
  checkout_url: optionalHttpUrl(),
  request_id: optionalString(),
  // An id string until Creem expands it into the object.
  order: z.nullish(z.union([orderSchema, z.string()])),
});
