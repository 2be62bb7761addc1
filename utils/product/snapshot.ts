import { z } from 'zod';

const text = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(/\s+/g, ' ').trim().slice(0, max))
    .nullable();

export const variantSchema = z.object({
  id: text(120),
  sku: text(120),
  options: z.record(z.string().max(60), z.string().max(120)).refine((o) => Object.keys(o).length <= 20, 'Too many options'),
  label: text(300),
});
export type Variant = z.infer<typeof variantSchema>;

export const httpUrlSchema = z
  .string()
  .max(4000)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'Must be an http(s) URL');

/** What the detector reports about a product page; also the boundary for anything a page tells us. */
export const productSnapshotSchema = z.object({
  url: httpUrlSchema,
  name: text(300),
  image: httpUrlSchema.nullable(),
  price: z.string().regex(/^\d{1,9}(\.\d{1,4})?$/, 'Price must be a decimal number like 19.99').nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Currency must be a three-letter ISO 4217 code').nullable(),
  availability: text(60),
  variant: variantSchema.nullable(),
  sources: z.array(z.string().max(40)).max(20),
});
export type ProductSnapshot = z.infer<typeof productSnapshotSchema>;

/** A one-line description of a variant, e.g. "Size M, Color Blue". */
export function describeVariant(variant: Variant | null): string {
  if (!variant) return '';
  const options = Object.entries(variant.options).map(([key, value]) => `${key} ${value}`);
  if (options.length) return options.join(', ');
  return variant.label ?? (variant.sku ? `SKU ${variant.sku}` : variant.id ? `ID ${variant.id}` : '');
}
