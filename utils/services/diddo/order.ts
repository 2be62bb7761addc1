import * as z from 'zod/mini';

const ulid = z.string().check(z.regex(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/));
const decimal = z.string().check(z.regex(/^\d{1,9}(\.\d{1,4})?$/));

/** The prepare query: begins a checkout from a template cart and sets the profile's address on it. */
export const diddoPrepareParams = z.object({ templateCartId: ulid });

export interface DiddoShippingMethod {
  id: number;
  name: string;
  /** Decimal string. */
  price: string;
  estimatedDays: string | null;
}

/** A prepared checkout: the cart's lines, and the shipping methods each store offers for the address. */
export interface DiddoPrepared {
  templateCartId: string;
  liveCartId: string;
  paymentIntentId: string;
  currency: string;
  subtotal: string;
  lines: { name: string; variant: string | null; quantity: number; price: string }[];
  stores: { store: string | null; methods: DiddoShippingMethod[] }[];
}

/** What the popup sends to create the Diddo checkout link: the prepared cart and one shipping method per store. */
export const diddoOrderSchema = z.object({
  templateCartId: ulid,
  liveCartId: z.string().check(z.minLength(1), z.maxLength(100)),
  paymentIntentId: z.string().check(z.minLength(1), z.maxLength(200)),
  methods: z.array(z.int()).check(z.minLength(1), z.maxLength(20)),
  total: decimal,
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  label: z.string().check(z.maxLength(300)),
});
export type DiddoOrder = z.infer<typeof diddoOrderSchema>;
