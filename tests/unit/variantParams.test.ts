// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractProduct } from '../../utils/product/extractProduct';
import { canonicalProductUrl, isVariantParam, sameProduct, variantIdInUrl, variantInPath, withoutVariantParams } from '../../utils/product/url';

/** A product page that names no variant of its own: whatever variant is detected comes from the address. */
const PLAIN_PAGE = '<!doctype html><html lang="en"><head><title>Tee</title></head><body><h1>Merino Tee</h1><p>$29.00</p></body></html>';
const detectedVariantId = (url: string) => extractProduct(new DOMParser().parseFromString(PLAIN_PAGE, 'text/html'), url).variant?.id ?? null;

/** Every parameter the detector reads a variant id from, as shops write them. */
const ID_PARAMS = [['variant'], ['variant_id'], ['variantId'], ['v1'], ['variationId'], ['childSku'], ['colorId'], ['dwvar_1234_color'], ['dwvar_1234_colour'], ['optionId'], ['pid']];
/** Parameters that select an option or the shown variant without being its id. */
const SELECTION_PARAMS = [['sku'], ['size'], ['color'], ['colour'], ['th'], ['psc'], ['attribute_pa_size'], ['attribute_pa_color'], ['attribute_material']];

describe('one list of variant parameters, to read and to strip', () => {
  it.each(ID_PARAMS)('?%s= is read by the detector, and removed for an edited variant', (name) => {
    const url = `https://shop.example/p/tee?q=wool&${name}=4242`;
    expect(detectedVariantId(url)).toBe('4242');
    const stripped = withoutVariantParams(url);
    expect(stripped).toBe('https://shop.example/p/tee?q=wool');
    expect(detectedVariantId(stripped)).toBeNull();
  });

  it.each(ID_PARAMS)('#%s= in the fragment is read too, and removed too', (name) => {
    const url = `https://shop.example/p/tee#${name}=4242&tab=reviews`;
    expect(variantIdInUrl(new URL(url))).toBe('4242');
    expect(withoutVariantParams(url)).toBe('https://shop.example/p/tee#tab=reviews');
  });

  it.each(SELECTION_PARAMS)('?%s= selects a variant: kept when the canonical URL lost it, removed for an edited variant, never read as an id', (name) => {
    const page = `https://shop.example/p/tee?${name}=M`;
    expect(isVariantParam(name)).toBe(true);
    expect(canonicalProductUrl({ canonical: '/p/tee', ogUrl: null }, page)).toBe(page);
    expect(withoutVariantParams(page)).toBe('https://shop.example/p/tee');
    expect(variantIdInUrl(new URL(page))).toBeNull();
  });

  it.each(['v1', 'variationId', 'childSku', 'colorId', 'dwvar_123_color', 'optionId', 'pid'])(
    '?%s= (a platform\'s internal variation id) is read, but not put back into a canonical URL the shop gave without it',
    (name) => {
      const page = `https://shop.example/p/tee?${name}=84518927`;
      expect(variantIdInUrl(new URL(page))).toBe('84518927');
      expect(canonicalProductUrl({ canonical: '/p/tee', ogUrl: null }, page)).toBe('https://shop.example/p/tee');
    },
  );

  it('keeps everything else: other parameters, a fragment that is not parameters', () => {
    for (const url of ['https://shop.example/p/tee?q=wool&page=2', 'https://shop.example/p/tee#reviews', 'https://shop.example/p/tee?variants_shown=all']) {
      expect(withoutVariantParams(url)).toBe(url);
    }
  });

  it('reads the id parameters in order: `variant` before a product id', () => {
    expect(variantIdInUrl(new URL('https://shop.example/p?pid=P1&variant=V2'))).toBe('V2');
  });
});

describe('a variant named in the path', () => {
  it.each([
    ['https://shop.example/products/shirt/variants/123', 'variants/123'],
    ['https://shop.example/products/shirt/variant/123?ref=x', 'variant/123'],
    ['https://shop.example/shirt/var/blue-m-9', 'var/blue-m-9'],
    ['https://shop.example/shirt/sku/TS-BL-M1', 'sku/TS-BL-M1'],
    ['https://shop.example/shirt/variant-123', 'variant-123'],
    ['https://shop.example/shirt;variant=77', 'variant=77'],
    ['https://www.amazon.de/Merino-Tee/dp/B0TEST1234', 'dp/B0TEST1234'],
  ])('%s names one: %s', (url, part) => {
    expect(variantInPath(url)).toBe(part);
  });

  it.each([
    ['https://shop.example/products/shirt?variant=123'],
    ['https://shop.example/products/variants'],
    ['https://shop.example/blog/variant-ideas'],
    ['https://shop.example/products/various-123'],
    ['not a url'],
  ])('%s names none', (url) => {
    expect(variantInPath(url)).toBeNull();
  });
});

describe('the same product', () => {
  const approved = 'https://shop.example/products/tee?variant=4242';
  it.each([
    ['the same address', approved, true],
    ['a trailing slash, tracking, another order', 'https://shop.example/products/tee/?utm_source=mail&variant=4242', true],
    ['no variant named (a service may leave it out)', 'https://shop.example/products/tee', true],
    ['another variant of the page', 'https://shop.example/products/tee?variant=4243', false],
    ['another page of the shop', 'https://shop.example/products/socks?variant=4242', false],
    ['another shop', 'https://other.example/products/tee?variant=4242', false],
    ['not an address', 'the tee', false],
  ])('%s', (_name, reported, same) => {
    expect(sameProduct(reported, approved)).toBe(same);
    expect(sameProduct(approved, reported)).toBe(same);
  });
});
