// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeProduct } from '../../utils/product/describe';
import { extractProduct } from '../../utils/product/extractProduct';
import { leadingTextOf, textOf } from '../../utils/product/platforms/types';
import { parseJsonLd } from '../../utils/product/jsonLd';
import { normalisePrice } from '../../utils/product/price';
import { productSnapshotSchema } from '../../utils/product/snapshot';
import { canonicalProductUrl, cleanUrl, collectDeclaredUrls } from '../../utils/product/url';

function load(name: string, url: string) {
  const html = readFileSync(join(import.meta.dirname, 'fixtures/pages', name), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { doc, product: () => extractProduct(doc, url) };
}

describe('extractProduct', () => {
  it.each([
    {
      page: 'jsonld-product-group.html',
      url: 'https://store.example/products/linen-shirt?utm_source=ad#reviews',
      expected: { name: 'Linen Shirt', price: '40.00', currency: 'EUR', image: 'https://cdn.example/linen.jpg', url: 'https://store.example/products/linen-shirt?variant=101', variant: { id: '101', sku: 'LS-S-W', options: { Size: 'S', Color: 'White' } } },
    },
    {
      page: 'graph-product.html',
      url: 'https://kettles.example/p/kettle',
      expected: { name: 'Stovetop Kettle', price: '1299.00', currency: 'SEK', image: 'https://kettles.example/img/kettle.png', availability: 'InStock', url: 'https://kettles.example/p/kettle', variant: { id: null, sku: 'K-1', options: {} } },
    },
    {
      page: 'open-graph-only.html',
      url: 'https://shop.example/lamp?gclid=abc',
      expected: { name: 'Desk Lamp', price: '89.90', currency: 'USD', url: 'https://shop.example/lamp', sources: ['open-graph'] },
    },
  ])('$page', ({ page, url, expected }) => {
    const result = load(page, url).product();
    expect(result).toMatchObject(expected);
    expect(productSnapshotSchema.safeParse(result).success).toBe(true);
  });

  it('follows the variant the shopper selects now, not the one in the markup', () => {
    const { doc, product } = load('jsonld-product-group.html', 'https://store.example/products/linen-shirt');
    doc.querySelector<HTMLSelectElement>('#size')!.value = 'M';
    doc.querySelector<HTMLSelectElement>('#color')!.value = 'Black';
    expect(product()).toMatchObject({ price: '45.50', url: 'https://store.example/products/linen-shirt?variant=103', variant: { id: '103', options: { Size: 'M', Color: 'Black' } } });
  });

  it('reports a page without a product as such', () => {
    const result = load('no-product.html', 'https://store.example/about').product();
    expect(result).toMatchObject({ name: 'About us', price: null, variant: null, sources: [] });
    expect(looksLikeProduct(result)).toBe(false);
  });
});

describe('helpers', () => {
  it.each([
    ['19.99', '19.99'],
    ['$59.00', '59.00'],
    [19.9, '19.90'],
    [24, '24.00'],
    ['1,299.00', '1299.00'],
    ['1.299,00', '1299.00'],
    ['12,50', '12.50'],
    ['€ 1.299', '1299.00'],
    ['1,299', '1299.00'],
    ['67.8400', '67.84'],
    ['7,95 EUR', '7.95'],
    ['US$1 234,50', '1234.50'],
    ['free', null],
    [-5, null],
    [null, null],
  ])('normalisePrice(%j) → %j', (input, expected) => {
    expect(normalisePrice(input)).toBe(expected);
  });

  it.each([
    ['https://s.example/p?utm_source=x&utm_medium=y&fbclid=1&gclid=2&variant=4#top', 'https://s.example/p?variant=4'],
    ['https://s.example/p?color=red&ref=home', 'https://s.example/p?color=red'],
  ])('cleanUrl(%s)', (input, expected) => {
    expect(cleanUrl(input)).toBe(expected);
  });

  it('ignores a canonical URL on another site', () => {
    const doc = new DOMParser().parseFromString('<link rel="canonical" href="https://evil.example/x">', 'text/html');
    expect(canonicalProductUrl(collectDeclaredUrls(doc), 'https://shop.example/p?variant=9')).toBe('https://shop.example/p?variant=9');
  });

  it.each([
    ['<!-- {"a":1} -->', { a: 1 }],
    ['{"a":[1,2,],}', { a: [1, 2] }],
    ['{"a":"line\nbreak"}', { a: 'line break' }],
    ['{"__proto__":{"polluted":true}}', JSON.parse('{"__proto__":{"polluted":true}}')],
    ['not json', undefined],
  ])('parseJsonLd(%j)', (input, expected) => {
    expect(parseJsonLd(input)).toEqual(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a selected element that names its option ("Color: 69 NAVY")', () => {
  const page = (swatch: string) =>
    extractProduct(new DOMParser().parseFromString(`<html lang="en"><body><h1>Wool Coat</h1><p class="price">$89.99</p><div>${swatch}</div></body></html>`, 'text/html'), 'https://shop.example/coat');

  it('gives the option from the start of its text', () => {
    expect(page('<span aria-checked="true">Color: <b>69 NAVY</b></span>').variant?.options).toEqual({ Color: '69 NAVY' });
  });

  it('reads the start of its text only, as one line, whatever the spaces and elements', () => {
    expect(leadingTextOf(new DOMParser().parseFromString('<p>  Size\n\n <b> : </b>  M  <i>ignored after enough</i></p>', 'text/html').body.firstElementChild!, 40)).toBe('Size : M ignored after enough');
    const long = new DOMParser().parseFromString(`<p>${'<b>abcdefghij</b>'.repeat(50)}</p>`, 'text/html').body.firstElementChild!;
    const start = leadingTextOf(long, 40)!;
    expect(start.length).toBeGreaterThan(40);
    expect(start.length).toBeLessThan(60);
    expect(textOf(long)!.startsWith(start)).toBe(true);
  });
});
