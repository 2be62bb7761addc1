// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractProduct } from '../../utils/product/extractProduct';

function extract(name: string, url: string) {
  const html = readFileSync(join(import.meta.dirname, 'fixtures/pages', name), 'utf8');
  return extractProduct(new DOMParser().parseFromString(html, 'text/html'), url);
}

describe('platform adapters and sources', () => {
  it.each([
    {
      page: 'shopify.html',
      url: 'https://field.example/products/linen-apron',
      expected: { name: 'Linen Apron', price: '42.00', currency: 'USD', variant: { id: '9002', sku: 'AP-IND', options: { Color: 'Indigo' } } },
      source: 'shopify',
    },
    {
      page: 'woocommerce.html',
      url: 'https://knit.example/product/wool-scarf/',
      expected: { name: 'Wool Scarf', price: '26.00', currency: 'GBP', variant: { id: '57', sku: 'SC-GRN', options: { Colour: 'Green' } } },
      source: 'woocommerce',
    },
    {
      page: 'magento2.html',
      url: 'https://outdoor.example/trail-jacket.html',
      expected: { name: 'Trail Jacket', price: '89.50', currency: 'USD', variant: { id: '1204', sku: 'TJ-100', options: { Size: 'L' } } },
      source: 'magento',
    },
    {
      page: 'bigcommerce.html',
      url: 'https://chess.example/brass-chess-set/',
      expected: { name: 'Brass Chess Set', price: '729.95', currency: 'USD', variant: { id: '3364', sku: 'CH-7', options: { 'Board size': '21 inch' } } },
      source: 'bigcommerce',
    },
    {
      page: 'amazon.html',
      url: 'https://www.amazon.com/dp/B00N150YS4?th=1',
      expected: { name: 'Gorilla Black Duct Tape, 1.88" x 12 yd, (Pack of 2)', price: '12.48', currency: 'USD', variant: { id: 'B00N150YS4', options: { Color: 'Black', Size: '2 Pack' } } },
      source: 'amazon',
    },
    {
      page: 'microdata-related.html',
      url: 'https://maison.example/housse-chaise',
      expected: { name: 'Housse de chaise coton - taupe', price: '36.99', currency: 'EUR', variant: { id: 'HC-1', options: { Color: 'Taupe' } } },
      source: 'microdata',
    },
    {
      page: 'generic.html',
      url: 'https://outfitters.example/p/trail-runner?colorId=77',
      expected: { name: 'ACME Trail Runner 2', price: '119.99', currency: 'CAD', variant: { id: '77', options: { Size: '10', Color: 'Forest Green' } } },
      source: null,
    },
  ])('$page', ({ page, url, expected, source }) => {
    const result = extract(page, url);
    expect(result).toMatchObject(expected);
    if (source) expect(result.sources).toContain(source);
  });

  it('follows the shopper when the Shopify cart form changes variant', () => {
    const html = readFileSync(join(import.meta.dirname, 'fixtures/pages', 'shopify.html'), 'utf8');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    doc.querySelector<HTMLSelectElement>('#ProductSelect')!.value = '9001';
    expect(extractProduct(doc, 'https://field.example/products/linen-apron?variant=9002')).toMatchObject({ price: '38.00', variant: { id: '9001', options: { Color: 'Natural' } } });
  });
});
