import * as z from 'zod/mini';

const text = (max: number) =>
  z.nullable(
    z.pipe(
      z.string(),
      z.transform((value) => value.replace(/\s+/g, ' ').trim().slice(0, max)),
    ),
  );

export const variantSchema = z.object({
  id: text(120),
  sku: text(120),
  options: z.record(z.string().check(z.maxLength(60)), z.string().check(z.maxLength(120))).check(z.refine((o) => Object.keys(o).length <= 20, 'Too many options')),
  label: text(300),
});
export type Variant = z.infer<typeof variantSchema>;

/**
 * The extension's own demo product page (`demo.html`, and its images under `/demo/`), in any browser. Its product
 * is bought only through the demo service; nothing else accepts an extension address.
 */
export function isDemoPageUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') && (url.pathname === '/demo.html' || url.pathname.startsWith('/demo/'));
  } catch {
    return false;
  }
}

export const httpUrlSchema = z.string().check(
  z.maxLength(4000),
  z.refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'Must be an http(s) URL'),
);

/** A product's address (or image): http(s), or the extension's own demo page. */
export const productUrlSchema = z.string().check(
  z.maxLength(4000),
  z.refine((value) => httpUrlSchema.safeParse(value).success || isDemoPageUrl(value), 'Must be an http(s) URL'),
);

const ids = (pattern: RegExp) => z._default(z.array(z.string().check(z.regex(pattern))).check(z.maxLength(20)), []);

/** Checkout links found on the page: Creem payment links (product ids) and Diddo carts (template cart ids). */
export const checkoutLinksSchema = z.object({
  creemProducts: ids(/^prod_[A-Za-z0-9]{1,64}$/),
  diddoCarts: ids(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/),
});
export type CheckoutLinks = z.infer<typeof checkoutLinksSchema>;
export const NO_CHECKOUT_LINKS: CheckoutLinks = { creemProducts: [], diddoCarts: [] };

/** What the detector reports about a product page; also the boundary for anything a page tells us. */
export const productSnapshotSchema = z.object({
  url: productUrlSchema,
  name: text(300),
  image: z.nullable(productUrlSchema),
  price: z.nullable(z.string().check(z.regex(/^\d{1,9}(\.\d{1,4})?$/, 'Price must be a decimal number like 19.99'))),
  currency: z.nullable(z.string().check(z.regex(/^[A-Z]{3}$/, 'Currency must be a three-letter ISO 4217 code'))),
  availability: text(60),
  variant: z.nullable(variantSchema),
  sources: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)),
  checkoutLinks: z._default(checkoutLinksSchema, NO_CHECKOUT_LINKS),
});
export type ProductSnapshot = z.infer<typeof productSnapshotSchema>;

/** A one-line description of a variant, e.g. "Size M, Color Blue". */
export function describeVariant(variant: Variant | null): string {
  if (!variant) return '';
  const options = Object.entries(variant.options).map(([key, value]) => `${key} ${value}`);
  if (options.length) return options.join(', ');
  return variant.label ?? (variant.sku ? `SKU ${variant.sku}` : variant.id ? `ID ${variant.id}` : '');
}
