import * as z from 'zod/mini';

/** What the popup sends to create a Shoppex checkout: the amount the customer pays, and what for. */
export const shoppexOrderSchema = z.object({
  amount: z.string().check(z.regex(/^\d{1,9}(\.\d{1,2})?$/)),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  /** The product as the customer will see it: the page's name and the chosen variant. */
  label: z.string().check(z.minLength(1), z.maxLength(250)),
});
export type ShoppexOrder = z.infer<typeof shoppexOrderSchema>;
