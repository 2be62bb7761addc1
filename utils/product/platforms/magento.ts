import { noFacts, type PlatformAdapter, textOf, labelFor } from './types';

/** Magento 2 (price box, `selected_configurable_option`, `super_attribute`) and Magento 1 price blocks. */
export const readMagento: PlatformAdapter = (doc) => {
  const m2 = doc.querySelector('[data-role="priceBox"], #product_addtocart_form, [data-mage-init]');
  const m1 = doc.querySelector('.product-view .product-shop, #product_addtocart_form, .product-essential');
  if (!m2 && !m1) return null;
  const finalAmount = doc.querySelector('.product-info-main [data-price-type="finalPrice"][data-price-amount], [data-price-type="finalPrice"][data-price-amount]')?.getAttribute('data-price-amount');
  const visible =
    textOf(doc.querySelector('.product-info-main .special-price .price, .product-info-main .price-final_price .price')) ??
    textOf(doc.querySelector('.product-shop .special-price .price, .product-view .special-price .price')) ??
    textOf(doc.querySelector('.product-shop .regular-price .price, .product-view .regular-price .price'));
  const selected: Record<string, string> = {};
  for (const select of doc.querySelectorAll<HTMLSelectElement>('select[name^="super_attribute"]')) {
    const option = select.selectedOptions[0];
    if (!select.value || !option) continue;
    const label = textOf(labelFor(doc, select.id))?.replace(/\s*\*?$/, '') ?? select.name;
    selected[label] = textOf(option) ?? select.value;
  }
  for (const swatch of doc.querySelectorAll('.swatch-attribute[data-option-selected]')) {
    const label = swatch.getAttribute('data-attribute-code') ?? 'Option';
    const chosen = swatch.querySelector('.swatch-option.selected');
    const value = chosen?.getAttribute('data-option-label') ?? chosen?.getAttribute('aria-label') ?? textOf(swatch.querySelector('.swatch-attribute-selected-option'));
    if (value) selected[textOf(swatch.querySelector('.swatch-attribute-label')) ?? label] = value;
  }
  const selectedId = doc.querySelector<HTMLInputElement>('input[name="selected_configurable_option"]')?.value || null;
  return {
    ...noFacts('magento'),
    name: textOf(doc.querySelector('.product-info-main .page-title, .product-name h1, .product-shop .product-name')),
    amount: finalAmount ?? null,
    priceText: visible,
    sku: textOf(doc.querySelector('.product-info-main .sku .value, [itemprop="sku"]')),
    variantId: selectedId,
    selected: Object.entries(selected),
  };
};
