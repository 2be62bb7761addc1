import * as z from 'zod/mini';
import { gtinOf } from './identifiers';

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

/** What the detector reports about a product page; also the boundary for anything a page tells us. */
export const productSnapshotSchema = z.object({
  url: httpUrlSchema,
  name: text(300),
  image: z.nullable(httpUrlSchema),
  price: z.nullable(z.string().check(z.regex(/^\d{1,9}(\.\d{1,4})?$/, 'Price must be a decimal number like 19.99'))),
  currency: z.nullable(z.string().check(z.regex(/^[A-Z]{3}$/, 'Currency must be a three-letter ISO 4217 code'))),
  availability: text(60),
  /** Product identifiers: the selected variant's SKU when a variant is selected, else the product's. */
  sku: text(120),
  mpn: text(120),
  gtin: z.nullable(z.string().check(z.refine((value) => gtinOf(value) === value, 'GTIN must be 8, 12, 13 or 14 digits with a valid check digit'))),
  brand: text(120),
  variant: z.nullable(variantSchema),
  sources: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)),
});
export type ProductSnapshot = z.infer<typeof productSnapshotSchema>;

/** A one-line description of a variant, e.g. "Size M, Color Blue". */
export function describeVariant(variant: Variant | null): string {
  if (!variant) return '';
  const options = Object.entries(variant.options).map(([key, value]) => `${key} ${value}`);
  if (options.length) return options.join(', ');
  return variant.label ?? (variant.sku ? `SKU ${variant.sku}` : variant.id ? `ID ${variant.id}` : '');
}
