import * as z from 'zod/mini';
import { cleanPageText, isSafeKey } from './pageText';
import { isDemoPageUrl } from './demoPage';
import { gtinOf } from './identifiers';

/** Page text as data: one clean line, capped (see `cleanPageText`). */
const text = (max: number) =>
  z.nullable(
    z.pipe(
      z.string(),
      z.transform((value) => cleanPageText(value, max)),
    ),
  );

/** Variant options ("Size" → "M"): names and values cleaned like any page text; empty or prototype-reaching names dropped. */
const optionsSchema = z.pipe(
  z.record(z.string().check(z.maxLength(200)), z.string().check(z.maxLength(500))).check(z.refine((o) => Object.keys(o).length <= 20, 'Too many options')),
  z.transform((options) => {
    const entries = Object.entries(options)
      .map(([name, value]) => [cleanPageText(name, 60), cleanPageText(value, 120)] as const)
      .filter(([name, value]) => name && value && isSafeKey(name));
    return Object.fromEntries(entries) as Record<string, string>;
  }),
);

export const variantSchema = z.object({
  id: text(120),
  sku: text(120),
  options: optionsSchema,
  label: text(300),
});
export type Variant = z.infer<typeof variantSchema>;

/** An http(s) URL, in the form the URL parser writes it (no raw spaces, line breaks or invisible characters). */
export const httpUrlSchema = z.pipe(
  z.string().check(
    z.maxLength(4000),
    z.refine((value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, 'Must be an http(s) URL'),
  ),
  z.transform((value) => new URL(value).href),
);

/** A product's address (or image): http(s), or the extension's own demo page. */
export const productUrlSchema = z.union([httpUrlSchema, z.string().check(z.maxLength(4000), z.refine(isDemoPageUrl, 'Must be an http(s) URL'))]);

const ids = (pattern: RegExp) => z._default(z.array(z.string().check(z.regex(pattern))).check(z.maxLength(20)), []);

/** Checkout links found on the page: Creem payment links (product ids) and Diddo carts (template cart ids). */
export const checkoutLinksSchema = z.object({
  creemProducts: ids(/^prod_[A-Za-z0-9]{1,64}$/),
  diddoCarts: ids(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/),
});
export type CheckoutLinks = z.infer<typeof checkoutLinksSchema>;
export const NO_CHECKOUT_LINKS: CheckoutLinks = { creemProducts: [], diddoCarts: [] };

/** What the extension detected on a product page; also the boundary for anything a page tells us. */
export const productSnapshotSchema = z.object({
  url: productUrlSchema,
  name: text(300),
  image: z.nullable(productUrlSchema),
  price: z.nullable(z.string().check(z.regex(/^\d{1,9}(\.\d{1,4})?$/, 'Price must be a decimal number like 19.99'))),
  currency: z.nullable(z.string().check(z.regex(/^[A-Z]{3}$/, 'Currency must be a three-letter ISO 4217 code'))),
  availability: text(60),
  /** Product identifiers: the code the page labels as the product's, else the selected variant's SKU, else the product's. */
  // Absent in snapshots made before identifiers were read: unknown.
  sku: z._default(text(120), null),
  mpn: z._default(text(120), null),
  gtin: z._default(z.nullable(z.string().check(z.refine((value) => gtinOf(value) === value, 'GTIN must be 8, 12, 13 or 14 digits with a valid check digit'))), null),
  brand: z._default(text(120), null),
  variant: z.nullable(variantSchema),
  sources: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)),
  checkoutLinks: z._default(checkoutLinksSchema, NO_CHECKOUT_LINKS),
});
export type ProductSnapshot = z.infer<typeof productSnapshotSchema>;
