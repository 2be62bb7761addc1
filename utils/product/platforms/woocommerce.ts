import { noFacts, type PlatformAdapter, textIn, textOf, labelFor } from './types';

interface WooVariation {
  variation_id: number;
  sku?: string;
  display_price?: number;
  attributes?: Record<string, string>;
}

/** WooCommerce: the `variations_form` data, `attribute_*` selects and `variation_id`. */
export const readWooCommerce: PlatformAdapter = (doc) => {
  const form = doc.querySelector<HTMLFormElement>('form.variations_form, form.cart');
  if (!form || !doc.querySelector('.woocommerce, body.woocommerce, .product_meta, [class*="woocommerce"]')) return null;
  const selected: Record<string, string> = {};
  const chosen: Record<string, string> = {};
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[name^="attribute_"]')) {
    if (!select.value) continue;
    chosen[select.name] = select.value;
    const label = textOf(labelFor(form, select.id)) ?? select.name.replace(/^attribute_(pa_)?/, '');
    selected[label.replace(/:$/, '')] = textOf(select.selectedOptions[0]) ?? select.value;
  }
  let variations: WooVariation[] = [];
  try {
    variations = JSON.parse(form.dataset.product_variations ?? '[]') || [];
  } catch {
    variations = [];
  }
  const idInput = form.querySelector<HTMLInputElement>('input[name="variation_id"]')?.value;
  const match =
    variations.find((v) => String(v.variation_id) === idInput) ??
    variations.find((v) => Object.entries(v.attributes ?? {}).every(([name, value]) => !value || chosen[name] === value));
  return {
    ...noFacts('woocommerce'),
    name: textOf(doc.querySelector('.product_title')),
    // The selected variation's own price; else the price shown.
    price: match?.display_price !== undefined && Object.keys(chosen).length ? match.display_price.toFixed(2) : null,
    priceText: textOf(doc.querySelector('.summary .price ins, .summary .price, .product .price')),
    sku: textIn(match?.sku) || textOf(doc.querySelector('.product_meta .sku')),
    variantId: match ? String(match.variation_id) : idInput && idInput !== '0' ? idInput : null,
    selected: Object.entries(selected),
  };
};
