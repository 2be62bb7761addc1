import { AMAZON_ASIN_PATH } from '../url';
import { type PlatformAdapter, textOf } from './types';

/** Amazon: title, buy-box price (not the unit price), ASIN and the selected twister dimensions. */
export const readAmazon: PlatformAdapter = (doc, url) => {
  if (!/(^|\.)amazon\.[a-z.]+$/.test(url.hostname) && !doc.querySelector('#productTitle')) return null;
  const priceElement = doc.querySelector(
    '#corePrice_feature_div .a-price:not(.a-text-price) .a-offscreen, #corePriceDisplay_desktop_feature_div .a-price:not(.a-text-price) .a-offscreen, #priceblock_dealprice, #priceblock_saleprice, #priceblock_ourprice, #price_inside_buybox, #newBuyBoxPrice, #apex_desktop .a-price .a-offscreen',
  );
  const asin =
    doc.querySelector<HTMLInputElement>('input#ASIN, input[name="ASIN"]')?.value ??
    url.pathname.match(AMAZON_ASIN_PATH)?.[1] ??
    null;
  const selected: Record<string, string> = {};
  for (const row of doc.querySelectorAll('#twister [id^="variation_"]')) {
    const name = textOf(row.querySelector('.a-form-label'))?.replace(/:$/, '') ?? row.id.replace(/^variation_|_name$/g, '');
    const value =
      textOf(row.querySelector('.selection')) ??
      row.querySelector('.swatchSelect img')?.getAttribute('alt') ??
      row.querySelector('.swatchSelect')?.getAttribute('title')?.replace(/^Click to select /, '') ??
      textOf(row.querySelector('select option:checked'));
    if (name && value) selected[name.charAt(0).toUpperCase() + name.slice(1)] = value;
  }
  return {
    platform: 'amazon',
    name: textOf(doc.querySelector('#productTitle, #title')),
    price: null,
    amount: null,
    priceText: textOf(priceElement),
    currency: null,
    image: doc.querySelector('#landingImage, #imgBlkFront')?.getAttribute('src') ?? null,
    variantId: asin,
    // The ASIN is the marketplace's SKU of the item shown.
    sku: asin,
    gtin: null,
    brand: null,
    selected: Object.entries(selected),
  };
};
