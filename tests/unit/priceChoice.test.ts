// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractProduct } from '../../utils/product/extractProduct';

const parse = (html: string, lang: string) => new DOMParser().parseFromString(`<!doctype html><html lang="${lang}"><head><title>Shop</title></head><body>${html}</body></html>`, 'text/html');
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const product = (name: string, price: string, priceCurrency: string) => ld({ '@type': 'Product', name, offers: { '@type': 'Offer', price, priceCurrency } });
const detect = (html: string, lang = 'en', url = 'https://shop.example/p/1') => extractProduct(parse(html, lang), url);
/** A product page: the heading and the price elements beside it, then further out the buy box. */
const page = (name: string, beside: string, buyBox = '') => `<main><div class="product"><div class="title"><h1>${name}</h1>${beside}</div><div class="buy-box">${buyBox}</div></div></main>`;

describe('a price of zero', () => {
  it.each([
    ['structured data says 0 and the page shows no price', product('Gift Card', '0', 'EUR') + page('Gift Card', '')],
    ['Open Graph says 0.00', `<meta property="og:title" content="Lamp"><meta property="product:price:amount" content="0.00"><meta property="product:price:currency" content="USD">${page('Lamp', '')}`],
    ['structured 0, and "0,00 €" only far from the title (a cart total)', `${product('Vase', '0.00', 'EUR')}${page('Vase', '')}<footer><div><p><span class="price">0,00 €</span></p></div></footer>`],
  ])('is no price when %s', (_, html) => {
    expect(detect(html)).toMatchObject({ price: null, currency: null });
  });

  it.each([
    ['"Free" next to the title, structured 0', `${product('Ebook', '0', 'USD')}${page('Ebook', '<p class="price">Free</p>')}`, 'USD'],
    ['"0,00 €" next to the title, no structured data', page('Probe', '<p class="price">0,00 €</p>'), 'EUR'],
  ])('is read when the page shows it: %s', (_, html, currency) => {
    expect(detect(html)).toMatchObject({ price: '0.00', currency });
  });
});

describe('structured data and a shown price that agree', () => {
  it.each([
    ['a recycling amount alone beside the title', '<span class="price">+ 5,00 €</span>', '<span class="price">499,00 €</span>', '499.00'],
    ['a unit price alone beside the title', '<span class="price">3,99 €</span>', '<span class="price">399,00 €</span>', '399.00'],
  ])('win over %s', (_, beside, buyBox, price) => {
    expect(detect(product('Kühlschrank', price, 'EUR') + page('Kühlschrank', beside, buyBox), 'de')).toMatchObject({ price, currency: 'EUR' });
  });

  it('do not win over a price the page marks as the sale price', () => {
    const html = product('Jacket', '120.00', 'USD') + page('Jacket', '<span class="price sale-price">$89.00</span>', '<span class="price">$120.00</span>');
    expect(detect(html).price).toBe('89.00');
  });
});

describe('unit prices and fees, by their own words', () => {
  it.each([
    ['de', '12,90 € pro Meter'],
    ['de', 'je Stück 0,99 €'],
    ['de', 'zzgl. 2,50 € Gebühr'],
    ['fr', 'Éco-participation : 2,00 €'],
    ['fr', '4,20 € le kg'],
    ['it', '4,50 € al kg'],
    ['en', '£1.50 recycling fee'],
    ['en', '£2.10 per 100 g'],
    ['ru', '159 руб. за 1 кг'],
    ['zh-TW', '每公斤 NT$120'],
  ])('%s "%s" is not the price', (lang, text) => {
    expect(detect(page('Produkt', `<p class="price">${text}</p><p class="price">24,90 €</p>`), lang).price).toBe('24.90');
  });
});

describe('sale beside a former price without strikethrough', () => {
  it.each([
    ['a "prev" class (Kazakhstan)', 'ru-KZ', '<span class="price price--prev">45 000 ₸</span> <span class="price">39 990 ₸</span>', '39990.00'],
    ['a "crossed" class', 'en-IE', '<span class="price crossed-price">€59.99</span> <span class="price">€44.99</span>', '44.99'],
    ['"Prima" before it (Italian)', 'it', '<p>Prima <span class="price">59,90 €</span> <span class="price">49,90 €</span></p>', '49.90'],
    ['"Prej" before it (Slovenian)', 'sl', '<p>Prej <span class="price">29,99 €</span> Zdaj <span class="price">19,99 €</span></p>', '19.99'],
    ['"было" in its text (Russian)', 'ru', '<span class="price">было 2 990 ₽</span> <span class="price">1 990 ₽</span>', '1990.00'],
    ['"原價" in its text (Taiwan)', 'zh-TW', '<span class="price">原價 NT$1,280</span> <span class="price">NT$990</span>', '990.00'],
    ['"定價" in its text', 'zh-TW', '<span class="price">定價 NT$450</span> <span class="price">NT$380</span>', '380.00'],
  ])('the current price wins over %s', (_, lang, beside, price) => {
    expect(detect(page('Artikel', beside), lang).price).toBe(price);
  });

  it.each(['Washing machine', 'Waschmaschine'])('a heading that begins with "was" ("%s") does not make the price beside it a former one', (name) => {
    expect(detect(page(name, '<span class="price">499,00 €</span>', '<span class="price">29,00 €</span>'), 'de').price).toBe('499.00');
  });

  it('a "primary" or "preview" class is not a former price', () => {
    expect(detect(page('Lamp', '<span class="price price-primary">$40.00</span> <span class="price preview-price">$55.00</span>')).price).toBe('40.00');
  });
});

describe('a "from" price beside a specific one', () => {
  it.each([
    ['en', '<span class="price">From $29.00</span> <span class="price">$45.00</span>', '45.00'],
    ['de', '<span class="price">ab 19,99 €</span> <span class="price">24,99 €</span>', '24.99'],
    ['fr', '<span class="price">à partir de 15 €</span> <span class="price">22 €</span>', '22.00'],
    ['zh-TW', '<span class="price">NT$990起</span> <span class="price">NT$1,280</span>', '1280.00'],
  ])('%s: %s is the specific price', (lang, beside, price) => {
    expect(detect(page('Deal', beside), lang).price).toBe(price);
  });

  it('structured data giving the "from" price does not beat the specific price shown', () => {
    expect(detect(product('Deal', '29.00', 'USD') + page('Deal', '<span class="price">From $29.00</span> <span class="price">$45.00</span>')).price).toBe('45.00');
  });

  it('a "from" price alone is still the price', () => {
    expect(detect(page('Dress', '<span class="price">From $29.00</span>')).price).toBe('29.00');
  });
});
