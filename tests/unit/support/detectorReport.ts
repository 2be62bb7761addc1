import type { PageReport } from '../../../utils/product/collect';
import type { ProductSnapshot } from '../../../utils/product/snapshot';

/**
 * What the detector reports from a page showing `product`: a heading with its name, JSON-LD with its price and SKU,
 * the selected options; as JSON text, as `executeScript` returns it.
 */
export function detectorReport(product: ProductSnapshot, overrides: Partial<PageReport> = {}): string {
  const offers = product.price ? { price: product.price, priceCurrency: product.currency, availability: product.availability } : undefined;
  const report: PageReport = {
    pageUrl: product.url,
    title: product.name ?? '',
    lang: 'en',
    meta: [],
    declaredUrls: { canonical: null, ogUrl: null },
    jsonLd: { products: [{ '@type': 'Product', name: product.name, sku: product.sku, offers }], currencies: product.currency ? [product.currency] : [] },
    microdata: null,
    microdataCurrency: null,
    platform: null,
    generic: {
      headings: [{ names: [product.name], name: product.name, scopes: [{ body: true, root: 0 }], prices: [] }],
      roots: [[]],
      selected: Object.entries(product.variant?.options ?? {}),
    },
    cartId: null,
    checkoutLinkCandidates: [],
    ...overrides,
  };
  return JSON.stringify(report);
}
