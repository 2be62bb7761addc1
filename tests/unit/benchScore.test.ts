import { describe, expect, it } from 'vitest';
import { byLanguage, expectedSkus, languageOf, priceSourceBreakdown, score, skuSourceBreakdown, summarise } from '../bench/score.mjs';

const entry = {
  page_url: 'https://shop.example/p/1?utm_source=x',
  expected: { canonical_url: 'https://shop.example/p/1', name: 'Lamp', name_alternatives: ['Desk Lamp'], price: '10.00', acceptable_prices: ['12.00'], currency: 'EUR', has_variants: true, selected_variant: { sku: 'L-1', options: { Color: 'Red' } } },
  source_expectations: { sku: ['100-200'], gtin: ['4006381333931'], brand: ['Lumo'] },
};

describe('detection benchmark scoring', () => {
  it('reads alternatives from `expected`, and scores SKU, GTIN and brand where the page gives them', () => {
    const result = { url: 'https://shop.example/p/1', name: 'desk  lamp', price: '12.00', currency: 'EUR', sku: '100-200', gtin: '4006381333931', brand: 'LUMO', variant: { id: null, sku: null, options: { Color: 'Red' } } };
    expect(score(entry, result)).toEqual({ name: true, price: true, currency: true, url: true, variant: true, sku: true, gtin: true, brand: true });
  });

  it('accepts the selected variant\'s SKU as the product SKU, and leaves SKU unscored where the page names none', () => {
    expect(expectedSkus(entry)).toEqual(['100-200', 'L-1']);
    const none = { ...entry, source_expectations: {}, expected: { ...entry.expected, selected_variant: null } };
    const scores = [score(entry, { sku: 'L-1' }), score(none, { sku: 'X' })];
    expect(scores.map((s) => s.sku)).toEqual([true, null]);
    expect(summarise(scores)).toMatchObject({ sku: 100, counts: { sku: 1 } });
  });
});

describe('the SKU by where it came from', () => {
  it('counts pages, scored pages and right ones per source, pages without a SKU apart', () => {
    const rows = [
      { source: 'agreed', sku: true },
      { source: 'agreed', sku: null },
      { source: 'url', sku: false },
      { source: 'url', sku: true },
      { source: null, sku: false },
    ];
    const kinds = Object.fromEntries(skuSourceBreakdown(rows).map(({ kind, pages, scored, correct }) => [kind, [pages, scored, correct]]));
    expect(kinds).toEqual({ agreed: [2, 1, 1], structured: [0, 0, 0], visible: [0, 0, 0], labelled: [0, 0, 0], url: [2, 2, 1], none: [1, 1, 0] });
  });
});

describe('the price by where it came from, and figures per language', () => {
  it('counts pages and right prices per source, pages without a price apart', () => {
    const rows = [
      { source: 'agreed', price: true },
      { source: 'visible', price: false },
      { source: 'visible', price: true },
      { source: null, price: false },
    ];
    const kinds = Object.fromEntries(priceSourceBreakdown(rows).map(({ kind, pages, scored, correct }) => [kind, [pages, scored, correct]]));
    expect(kinds).toEqual({ agreed: [1, 1, 1], structured: [0, 0, 0], visible: [2, 2, 1], selected: [0, 0, 0], none: [1, 1, 0] });
  });

  it("takes the truth's language first, else the page's primary language subtag", () => {
    expect(languageOf({ language: 'zh-TW' }, 'en')).toBe('zh');
    expect(languageOf({}, 'de-AT')).toBe('de');
    expect(languageOf({}, 'pt_BR')).toBe('pt');
    expect(languageOf({}, null)).toBe('—');
  });

  it('summarises each language on its own pages, the largest group first', () => {
    const right = score(entry, { url: 'https://shop.example/p/1', name: 'Lamp', price: '10.00', currency: 'EUR', sku: 'L-1', variant: { options: { Color: 'Red' } } });
    const wrong = score(entry, { name: 'Lamp', price: '11.00' });
    const rows = byLanguage([
      { lang: 'de', scores: wrong },
      { lang: 'en', scores: right },
      { lang: 'en', scores: wrong },
    ]);
    expect(rows.map((r) => [r.lang, r.pages, r.name, r.price])).toEqual([
      ['en', 2, 100, 50],
      ['de', 1, 100, 0],
    ]);
  });
});
