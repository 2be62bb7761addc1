import * as z from 'zod/mini';

/** What the popup sends to create a Shoppex checkout: the amount the customer pays, and what for. */
export const shoppexOrderSchema = z.object({
  amount: z.string().check(z.regex(/^\d{1,9}(\.\d{1,2})?$/)),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  /** The product as the customer will see it: the page's name and the chosen variant. */
  label: z.string().check(z.minLength(1), z.maxLength(250)),
  /** A cart's items (one session for the whole cart): sent in `metadata`, one key per item. */
  items: z.optional(
    z
      .array(z.object({ name: z.string().check(z.maxLength(300)), quantity: z.int().check(z.minimum(1), z.maximum(99)), url: z.string().check(z.maxLength(4000)) }))
      .check(z.maxLength(20)),
  ),
});
export type ShoppexOrder = z.infer<typeof shoppexOrderSchema>;
