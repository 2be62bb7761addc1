import * as z from 'zod/mini';
import { centsAmount, nonEmptyString, optionalHttpUrl, optionalString } from '../fields';

/** One product, as search and the single-product read return it. `price` is in cents. */
export const productSchema = z.object({
  id: nonEmptyString(),
  name: nonEmptyString(),
  description: optionalString(),
  price: z.number().check(z.refine(Number.isSafeInteger)),
  currency: nonEmptyString(),
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

/** The order inside a checkout; amounts in cents. */
const orderSchema = z.object({
  amount_paid: centsAmount(),
  currency: optionalString(),
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
