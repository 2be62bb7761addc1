import { variantIdInUrl } from '../url';
import { inlineScripts, jsonObjectAt, type PlatformAdapter, textIn } from './types';

interface ShopifyVariant {
  id: number | string;
  sku?: string | null;
  barcode?: string | null;
  price?: number | string;
  public_title?: string | null;
  title?: string;
  option1?: string | null;
  option2?: string | null;
  option3?: string | null;
  options?: string[];
}

/** Shopify: product JSON in the page, the cart form's `id`, `?variant=`. */
export const readShopify: PlatformAdapter = (doc, url) => {
  const scripts = inlineScripts(doc);
  const isShopify =
    !!doc.querySelector('meta[name="shopify-checkout-api-token"], meta[name="shopify-digital-wallet"], link[href*="cdn.shopify.com"], script[src*="cdn.shopify.com"]') ||
    scripts.some((s) => s.includes('ShopifyAnalytics') || s.includes('Shopify.shop'));
  if (!isShopify) return null;

  let product: { title?: string; vendor?: string; variants?: ShopifyVariant[]; options?: (string | { name: string })[] } | null = null;
  for (const element of doc.querySelectorAll('script[type="application/json"][data-product-json], script[id^="ProductJson"], script[data-product-json]')) {
    try {
      product = JSON.parse(element.textContent ?? '');
      break;
    } catch {
      // Try the next one.
    }
  }
  let currency: string | null = null;
  let centsFromMeta = false;
  for (const script of scripts) {
    const at = script.indexOf('var meta = {');
    if (!product && at >= 0) {
      const meta = jsonObjectAt(script, at + 'var meta = '.length) as { product?: typeof product } | null;
      if (meta?.product) {
        product = meta.product;
        centsFromMeta = true;
      }
    }
    currency ??= script.match(/"currency"\s*:\s*"([A-Z]{3})"/)?.[1] ?? script.match(/Shopify\.currency\s*=\s*\{"active":"([A-Z]{3})"/)?.[1] ?? null;
  }

  const form = doc.querySelector<HTMLFormElement>('form[action*="/cart/add"]');
  const formId = form?.querySelector<HTMLInputElement | HTMLSelectElement>('[name="id"]')?.value || null;
  const variantId = formId ?? variantIdInUrl(url);
  const variants = product?.variants ?? [];
  const variant = variants.find((v) => String(v.id) === variantId) ?? (variants.length === 1 ? variants[0] : undefined);
  const optionNames = (product?.options ?? []).map((o) => (typeof o === 'string' ? o : o.name));
  const selected: Record<string, string> = {};
  if (variant) {
    const values = variant.options ?? [variant.option1, variant.option2, variant.option3];
    values.forEach((value, i) => {
      const name = optionNames[i];
      if (value && name && !(value === 'Default Title' && name === 'Title')) selected[name] = value;
    });
  }
  const price = variant?.price === undefined ? null : typeof variant.price === 'number' ? (variant.price / 100).toFixed(2) : null;
  return {
    platform: 'shopify',
    name: textIn(product?.title),
    image: null,
    price: centsFromMeta || typeof variant?.price === 'number' ? price : null,
    amount: null,
    priceText: null,
    currency,
    sku: textIn(variant?.sku) || null,
    gtin: variant?.barcode == null ? null : String(variant.barcode),
    brand: textIn(product?.vendor),
    variantId: variant ? String(variant.id) : variantId,
    selected: Object.entries(selected),
  };
};
