import { inlineScripts, jsonObjectAt, noFacts, type PlatformAdapter, textIn, textOf, labelFor } from './types';

interface BCPrice {
  value?: number;
  currency?: string;
}
interface BCData {
  product_attributes?: { sku?: string; price?: { without_tax?: BCPrice; with_tax?: BCPrice } };
}

/** BigCommerce: the `BCData` page state and the cart form. */
export const readBigCommerce: PlatformAdapter = (doc) => {
  const form = doc.querySelector<HTMLFormElement>('form[action*="/cart.php"]');
  let data = null as BCData | null;
  for (const script of inlineScripts(doc)) {
    const at = script.indexOf('BCData = {');
    if (at >= 0) {
      data = jsonObjectAt(script, at + 'BCData = '.length) as BCData | null;
      break;
    }
  }
  if (!form && !data) return null;
  const price = data?.product_attributes?.price?.with_tax ?? data?.product_attributes?.price?.without_tax;
  const selected: Record<string, string> = {};
  for (const field of form?.querySelectorAll('[data-product-attribute]') ?? []) {
    const label = textOf(field.querySelector('label, .form-label'))?.replace(/[:*]|\s+Required$/gi, '').trim();
    const chosen = field.querySelector<HTMLInputElement>('input:checked') ?? null;
    const select = field.querySelector<HTMLSelectElement>('select');
    const value = chosen ? textOf(labelFor(field, chosen.id)) ?? chosen.value : select?.value ? textOf(select.selectedOptions[0]) : null;
    if (label && value) selected[label] = value;
  }
  const amount: unknown = price?.value;
  return {
    ...noFacts('bigcommerce'),
    amount: typeof amount === 'number' || typeof amount === 'string' ? amount : null,
    currency: textIn(price?.currency),
    sku: textIn(data?.product_attributes?.sku) ?? textOf(doc.querySelector('[data-product-sku]')),
    variantId: form?.querySelector<HTMLInputElement>('[name="product_id"]')?.value ?? null,
    selected: Object.entries(selected),
  };
};
