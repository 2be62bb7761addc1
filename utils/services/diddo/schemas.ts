// Diddo's response shapes are our adopted reading of its docs (unconfirmed): they live here and in the sandbox only.
import * as z from 'zod/mini';
import { nonEmptyString, optionalString } from '../fields';
import { readCurrency, readDecimal, serviceValue } from '../reportedMoney';

// Amounts may come as numbers or text in any common format ("58", 58, "1,299.00", "4.995"): read as canonical
// decimals. Currencies in any case ("usd"). Nothing is created yet when these are read, so an unreadable
// required one fails the step rather than guessing.
const decimalAmount = () => z.pipe(serviceValue(), z.transform(readDecimal));
const requiredDecimal = () => z.pipe(decimalAmount(), z.string());
const requiredCurrency = () => z.pipe(z.pipe(serviceValue(), z.transform(readCurrency)), z.string());

/** `POST /checkout/begin/{cart_id}` */
export const beginResponseSchema = z.object({
  cart_id: nonEmptyString(),
  payment_intent_id: nonEmptyString(),
  currency: requiredCurrency(),
  subtotal: requiredDecimal(),
  lines: z.array(
    z.object({
      name: nonEmptyString(),
      variant: optionalString(),
      quantity: z.number().check(z.refine(Number.isInteger)),
      price: requiredDecimal(),
    }),
  ),
});

/** One shipping method. */
export const methodSchema = z.object({
  id: z.number().check(z.refine(Number.isSafeInteger)),
  name: nonEmptyString(),
  price: requiredDecimal(),
  estimated_days: z.pipe(
    z.nullish(z.union([z.string(), z.number()])),
    z.transform((value) => (value === null || value === undefined || value === '' ? null : String(value))),
  ),
});

/** A store named by a string or by an object carrying its name or id. */
const storeName = z.pipe(
  z.nullish(z.unknown()),
  z.transform((value): string | null => {
    if (typeof value === 'string') return value || null;
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const name = record.name ?? record.id;
      return typeof name === 'string' || typeof name === 'number' ? String(name) : null;
    }
    return null;
  }),
);

/** `POST /checkout/shipping`: one flat list, or one list per store when the cart spans several. */
export const shippingResponseSchema = z.object({
  cart_id: optionalString(),
  shipping_methods: z.optional(z.array(methodSchema)),
  stores: z.optional(z.array(z.object({ store: storeName, shipping_methods: z.array(methodSchema) }))),
  total: decimalAmount(),
});

/** `POST /checkout/shipping/method` */
export const methodResponseSchema = z.object({
  cart_id: optionalString(),
  shipping_method_id: z.nullish(z.number()),
  total: requiredDecimal(),
  currency: z.pipe(serviceValue(), z.transform(readCurrency)),
});

/** `POST /checkout/cst` */
export const tokenResponseSchema = z.object({
  token: nonEmptyString(),
  expires_at: z.optional(z.unknown()),
});

/** `POST /cart/cartStatus/{cart_id}` */
export const cartStatusResponseSchema = z.object({
  cart: z.object({
    id: nonEmptyString(),
    status: nonEmptyString(),
    stores: z.optional(z.array(z.object({ is_submitted: z.optional(z.boolean()) }))),
  }),
});
