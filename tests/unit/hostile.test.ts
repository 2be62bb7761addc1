// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { collectReport, reportJson } from '../../utils/product/collect';
import { extractProduct } from '../../utils/product/extractProduct';
import { readReport } from '../../utils/product/report';
import { REPORT_LIMITS } from '../../utils/product/reportLimits';
import { productSnapshotSchema } from '../../utils/product/snapshot';

function page(head: string, body = '<h1>Plain Mug</h1>') {
  return new DOMParser().parseFromString(`<!doctype html><html lang="en-US"><head><title>Shop</title>${head}</head><body>${body}</body></html>`, 'text/html');
}
const ld = (value: unknown) => `<script type="application/ld+json">${typeof value === 'string' ? value : JSON.stringify(value)}</script>`;
const URL_ = 'https://shop.example/p/mug';

describe('hostile pages never break detection', () => {
  it('skips a giant JSON-LD block and still reads the page', () => {
    const giant = ld({ '@type': 'Product', name: 'Giant', description: 'x'.repeat(3_000_000) });
    const result = extractProduct(page(giant + ld({ '@type': 'Product', name: 'Plain Mug', offers: { price: '9.50', priceCurrency: 'USD' } })), URL_);
    expect(result).toMatchObject({ name: 'Plain Mug', price: '9.50', currency: 'USD' });
  });

  it('survives deeply nested JSON-LD', () => {
    const deep = '['.repeat(5000) + '{"@type":"Product","name":"Deep"}' + ']'.repeat(5000);
    const result = extractProduct(page(ld(deep)), URL_);
    expect(result.name).toBe('Plain Mug');
  });

  it('reads a product group with 10,000 variants within its limits', () => {
    const hasVariant = Array.from({ length: 10_000 }, (_, i) => ({ '@type': 'Product', sku: `SKU-${i}`, productID: String(i), size: `S${i}`, offers: { price: '5.00', priceCurrency: 'USD' } }));
    const doc = page(ld({ '@type': 'ProductGroup', name: 'Many', variesBy: ['https://schema.org/size'], hasVariant }), '<h1>Many</h1>');
    const result = extractProduct(doc, `${URL_}?variant=3`);
    expect(result).toMatchObject({ name: 'Many', price: '5.00', variant: { id: '3', sku: 'SKU-3', options: { Size: 'S3' } } });
  });

  it('ignores __proto__ keys and never pollutes prototypes', () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype);
    const doc = page(
      ld(
        '{"@type":"Product","name":"Proto","__proto__":{"polluted":1},"additionalProperty":[{"name":"__proto__","value":"x"},{"name":"constructor","value":"y"},{"name":"Color","value":"Red"}],"offers":{"price":"3.00","priceCurrency":"USD"}}',
      ),
      '<h1>Proto</h1>',
    );
    const result = extractProduct(doc, URL_);
    // Own keys, as JSON.stringify and the message to the background see them: only the real option.
    expect(Object.getOwnPropertyNames(result.variant!.options)).toEqual(['Color']);
    expect(JSON.stringify(result.variant!.options)).toBe('{"Color":"Red"}');
    // What the detector reports crosses the snapshot boundary the same way, and reaches the request the same way.
    const snapshot = productSnapshotSchema.parse(JSON.parse(JSON.stringify(result)));
    expect(Object.getOwnPropertyNames(snapshot.variant!.options)).toEqual(['Color']);
    expect(JSON.stringify(snapshot)).not.toMatch(/__proto__|constructor|polluted/);
    // No object produced from the page got another prototype, and nothing was added to Object.prototype.
    for (const value of objectsIn(result)) {
      expect([Object.prototype, Array.prototype]).toContain(Object.getPrototypeOf(value));
      expect('polluted' in value).toBe(false);
    }
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeBefore);
  });

  it('keeps markup in names as text, and the snapshot schema accepts it', () => {
    const doc = page(ld({ '@type': 'Product', name: '<img src=x onerror=alert(1)>Mug', offers: { price: '1', priceCurrency: 'USD' } }), '<h1></h1>');
    const result = extractProduct(doc, URL_);
    expect(result.name).toBe('<img src=x onerror=alert(1)>Mug');
    expect(productSnapshotSchema.safeParse(result).success).toBe(true);
  });

  it('malformed JSON-LD falls back to other sources', () => {
    const doc = page(ld('{"@type": "Product", "name": "Broken" "offers": }') + '<meta property="og:title" content="Plain Mug"><meta property="product:price:amount" content="4.00"><meta property="product:price:currency" content="EUR">');
    expect(extractProduct(doc, URL_)).toMatchObject({ name: 'Plain Mug', price: '4.00', currency: 'EUR' });
  });

  it("keeps the detector's report within its bounds: only what is read of JSON-LD products, long texts cut", () => {
    const hasVariant = Array.from({ length: 10_000 }, (_, i) => ({ '@type': 'Product', sku: `SKU-${i}`, productID: String(i), size: `S${i}`, review: { reviewBody: 'x'.repeat(100) }, offers: { price: '5.00', priceCurrency: 'USD' } }));
    const group = { '@type': 'ProductGroup', name: 'Many', description: 'd'.repeat(100_000), variesBy: ['https://schema.org/size'], hasVariant };
    const doc = page(ld(group) + `<meta property="og:title" content="${'t'.repeat(50_000)}">`, `<h1>${'Many '.repeat(5000)}</h1>`);
    const json = reportJson(collectReport(doc, `${URL_}?variant=3`));
    expect(json.length).toBeLessThan(REPORT_LIMITS.reportChars);
    expect(json).not.toMatch(/reviewBody|description/);
    expect(readReport(json)!.jsonLd.products[0]!.hasVariant).toHaveLength(REPORT_LIMITS.jsonLdArray);
    expect(extractProduct(doc, `${URL_}?variant=3`)).toMatchObject({ price: '5.00', variant: { sku: 'SKU-3', options: { Size: 'S3' } } });
  });

  it('keeps JSON-LD products within a size budget: what is beyond it is left out, and the report stays usable', () => {
    const products = Array.from({ length: 400 }, (_, i) => ({ '@type': 'Product', name: `${'n'.repeat(7000)} ${i}` }));
    const json = reportJson(collectReport(page(ld(products)), URL_));
    expect(readReport(json)!.jsonLd.products.length).toBeLessThan(400);
  });

  it('never guesses a currency: a bare "$" on a site with no locale hint gives none', () => {
    const doc = new DOMParser().parseFromString('<html><body><div class="product"><h1>Lamp</h1><span class="price">$20.00</span></div></body></html>', 'text/html');
    expect(extractProduct(doc, 'https://lamps.example.io/lamp')).toMatchObject({ price: '20.00', currency: null });
  });
});

/** Every object and array inside `value`, itself included. */
function objectsIn(value: unknown, seen: object[] = []): object[] {
  if (!value || typeof value !== 'object' || seen.includes(value)) return seen;
  seen.push(value);
  for (const child of Object.values(value)) objectsIn(child, seen);
  return seen;
}

describe('a busy machine', () => {
  it('reads the first JSON-LD block even when the clock says the time budget is already spent', async () => {
    const { collectNodes } = await import('../../utils/product/jsonLd');
    let clock = 0;
    // Every reading of the clock is a second later: as if the detector were starved of CPU.
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1000));
    const doc = page(ld({ '@type': 'Product', name: 'Kettle', sku: 'KET-08' }) + ld({ '@type': 'Organization', name: 'Shop' }));
    expect(collectNodes(doc).map((n) => n.name)).toEqual(['Kettle']);
  });
});
