import * as z from 'zod/mini';

/** One of the store's products, as the popup lists it. */
export interface CreemProductOption {
  id: string;
  name: string;
  /** Decimal string ("29.00"). */
  price: string;
  currency: string;
}

/** The products query: one page of the store's active products. */
export const creemProductsParams = z.object({ page: z.int().check(z.minimum(1), z.maximum(100)) });
export interface CreemProductsPage {
  items: CreemProductOption[];
  page: number;
  /** The next page to ask for, or null when this was the last. */
  nextPage: number | null;
}

/** The product query: one product by id (a payment link on the page names it). */
export const creemProductParams = z.object({ id: z.string().check(z.regex(/^prod_[A-Za-z0-9]{1,64}$/)) });

/** What the popup sends to create a Creem checkout: which of the store's products (units are the quantity). */
export const creemOrderSchema = z.object({
  productId: z.string().check(z.regex(/^prod_[A-Za-z0-9]{1,64}$/)),
  label: z.string().check(z.maxLength(300)),
  price: z.string().check(z.regex(/^\d{1,9}(\.\d{1,4})?$/)),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
});
export type CreemOrder = z.infer<typeof creemOrderSchema>;
