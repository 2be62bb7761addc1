/**
 * What views say about a product snapshot, apart from its schema (so a view can show a product before the schema
 * library loads): the variant in words, whether the offer changed.
 */
import type { ProductSnapshot, Variant } from './snapshot';

/** A one-line description of a variant, e.g. "Size M, Color Blue". */
export function describeVariant(variant: Variant | null): string {
  if (!variant) return '';
  const options = Object.entries(variant.options).map(([key, value]) => `${key} ${value}`);
  if (options.length) return options.join(', ');
  return variant.label ?? (variant.sku ? `SKU ${variant.sku}` : variant.id ? `ID ${variant.id}` : '');
}

/** True when what would be bought differs: price, currency or the selected variant (id, SKU, options). */
export function offerChanged(before: Pick<ProductSnapshot, 'price' | 'currency' | 'variant'>, after: Pick<ProductSnapshot, 'price' | 'currency' | 'variant'>): boolean {
  const variantKey = (p: Pick<ProductSnapshot, 'variant'>) => JSON.stringify(p.variant ? [p.variant.id, p.variant.sku, Object.entries(p.variant.options).sort()] : null);
  return before.price !== after.price || before.currency !== after.currency || variantKey(before) !== variantKey(after);
}

/** True when the page showed any sign of a product (structured data, a platform, or a price by the title). */
export function looksLikeProduct(product: Pick<ProductSnapshot, 'sources' | 'price' | 'variant'>): boolean {
  return product.sources.length > 0 || product.price !== null;
}

/** The variant with its options in `order` (names not in it keep their place after): storage does not keep key order. */
export function withOptionOrder(variant: Variant | null, order: readonly string[]): Variant | null {
  if (!variant) return variant;
  const names = [...order.filter((name) => Object.hasOwn(variant.options, name)), ...Object.keys(variant.options).filter((name) => !order.includes(name))];
  return { ...variant, options: Object.fromEntries(names.map((name) => [name, variant.options[name]!])) };
}
