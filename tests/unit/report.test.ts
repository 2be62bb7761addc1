import { describe, expect, it } from 'vitest';
import type { PageReport } from '../../utils/product/collect';
import { detectionOf } from '../../utils/product/detectInTab';
import { readReport } from '../../utils/product/report';
import { REPORT_LIMITS } from '../../utils/product/reportLimits';
import { PRODUCT } from './fixtures/purchase';
import { detectorReport } from './support/detectorReport';

const UNUSABLE = { kind: 'unreadable', message: 'This page reported product details we cannot use. Nothing was bought.' };
/** A valid report for PRODUCT, changed by `change` (as a hostile page or a forged message could). */
function forged(change: (report: PageReport) => void): string {
  const report = JSON.parse(detectorReport(PRODUCT)) as PageReport;
  change(report);
  return JSON.stringify(report);
}

describe("the detector's report", () => {
  it('reads as the product the page shows', () => {
    expect(detectionOf(detectorReport(PRODUCT))).toEqual({ kind: 'product', product: PRODUCT });
    expect(detectionOf(detectorReport({ ...PRODUCT, price: null, currency: null }))).toMatchObject({ kind: 'product', product: { price: null, currency: null } });
  });

  it.each([
    ['not text', () => ({ pageUrl: 'https://shop.example/' })],
    ['not JSON', () => '{"pageUrl": '],
    ['not a report', () => JSON.stringify({ ...PRODUCT })],
    ['longer than a report may be', () => detectorReport(PRODUCT).replace('"title":"', `"title":"${' '.repeat(REPORT_LIMITS.reportChars)}`)],
    ['a text beyond its bound', () => forged((r) => (r.title = 'x'.repeat(REPORT_LIMITS.text + 1)))],
    ['too many price elements', () => forged((r) => (r.generic.headings[0]!.prices = Array.from({ length: REPORT_LIMITS.prices + 1 }, () => ({ scope: 0, text: '$1', label: '', marks: '', ancestorMarks: '', struck: false, group: 0 }))))],
    ['an area that does not exist', () => forged((r) => (r.generic.headings[0]!.scopes = [{ body: true, root: 1e9 }]))],
    ['too many labelled texts', () => forged((r) => (r.generic.roots = [Array.from({ length: REPORT_LIMITS.labelTexts + 1 }, () => 'SKU: 1')]))],
    ['JSON-LD nested too deep', () => forged((r) => (r.jsonLd.products = [JSON.parse(`${'{"offers":'.repeat(REPORT_LIMITS.jsonLdDepth + 3)}1${'}'.repeat(REPORT_LIMITS.jsonLdDepth + 3)}`)]))],
    ['a JSON-LD list too long', () => forged((r) => (r.jsonLd.products = [{ '@type': 'Product', offers: Array.from({ length: REPORT_LIMITS.jsonLdArray + 1 }, () => ({ price: '1' })) }]))],
    ['JSON-LD beyond its budget', () => forged((r) => (r.jsonLd.products = Array.from({ length: 300 }, () => ({ name: 'n'.repeat(REPORT_LIMITS.text) }))))],
    ['a price amount that is an object', () => forged((r) => (r.platform = { platform: 'shop', name: null, image: null, price: null, amount: {} as never, priceText: null, currency: null, sku: null, gtin: null, brand: null, variantId: null, selected: [] }))],
    ['an address that is none', () => forged((r) => (r.pageUrl = 'shop.example/p'))],
  ])('is unusable when %s, and nothing of it is read', (_, result) => {
    expect(readReport(result())).toBeNull();
    expect(detectionOf(result())).toEqual(UNUSABLE);
  });

  it('is read as page data: option names a page gives never reach a prototype', () => {
    const json = forged((r) => {
      r.generic.selected = [];
      r.platform = { platform: 'shop', name: null, image: null, price: null, amount: null, priceText: null, currency: null, sku: null, gtin: null, brand: null, variantId: null, selected: [['__proto__', 'x'], ['constructor', 'y'], ['Size', 'M']] };
      r.jsonLd.products = [JSON.parse('{"@type":"Product","name":"Merino Tee","__proto__":{"polluted":1},"offers":{"price":"29.00","priceCurrency":"USD"}}')];
    });
    const detection = detectionOf(json);
    expect(detection).toMatchObject({ kind: 'product', product: { price: '29.00', variant: { options: { Size: 'M' } } } });
    expect(Object.getOwnPropertyNames(detection.kind === 'product' ? detection.product.variant!.options : {})).toEqual(['Size']);
    expect('polluted' in {}).toBe(false);
  });

  it('from the demo page is its product, checked as any snapshot', () => {
    expect(detectionOf(JSON.stringify(PRODUCT), true)).toEqual({ kind: 'product', product: PRODUCT });
    expect(detectionOf(detectorReport(PRODUCT), true)).toEqual(UNUSABLE);
  });
});
