import { describe, expect, it } from 'vitest';
import { currencyFromText, type LocaleHints, normalisePrice, parsePriceText } from '../../utils/product/price';

const NO_HINTS: LocaleHints = { host: '', lang: '' };

describe('parsePriceText: amounts in every locale', () => {
  it.each([
    // Thousands separators: dot, comma, space, narrow no-break space, apostrophe.
    ['24.990', '24990.00'],
    ['1 299,00 zł', '1299.00'],
    ['1\u202f299,00 €', '1299.00'],
    ['1\u00a0298,00', '1298.00'],
    ["CHF 1'299.–", '1299.00'],
    ["€1'049,95", '1049.95'],
    ['₩12,900', '12900.00'],
    ['NT$1,290', '1290.00'],
    ['R$ 1.299,90', '1299.90'],
    ['₸ 12 990', '12990.00'],
    ['$ 1.144.000', '1144000.00'],
    ['123,456.789 OMR', '123456.789'],
    // Decimal comma and decimals written apart.
    ['12,50', '12.50'],
    ['$119. 95', '119.95'],
    ['1.837, 32 €', '1837.32'],
    ['35€ 99', '35.99'],
    ['1.899,-', '1899.00'],
    ['50,- Kč', '50.00'],
    ['.75 €', '0.75'],
    ['34.992001', '34.992001'],
    // "From" prefixes, ranges and several prices: the first price, the lower end, the one beside the currency.
    ['ab 19,90 €', '19.90'],
    ['desde $ 1.299', '1299.00'],
    ['From 26 to 50 €', '26.00'],
    ['$29.99 – $74.99', '29.99'],
    ['841,00 zł – 995,00 zł', '841.00'],
    ['3 Ausgaben für nur 14,85 EUR', '14.85'],
    ['Was $120.00 Now $60.00', '60.00'],
    ['AED 8000 (USD 2179)', '8000.00'],
    // Per-unit prices after the real one.
    ['$12.48 ($6.24 / Pack)', '12.48'],
    ['59,90 EUR 599,00 EUR pro Kilogramm', '59.90'],
    // Not prices.
    ['40% OFF', null],
    ['15.08.2017', null],
    ['No longer available', null],
  ])('%j → %j', (text, price) => {
    expect(parsePriceText(text, NO_HINTS)?.price ?? null).toBe(price);
  });

  it('reads a declared decimal separator', () => {
    expect(parsePriceText('423.923 KD', { ...NO_HINTS, decimalSeparator: '.' })?.price).toBe('423.923');
    expect(parsePriceText('$..75,333', { ...NO_HINTS, decimalSeparator: ',' })?.price).toBe('75.333');
  });

  it('keeps the meaning of normalisePrice for markup values', () => {
    expect(normalisePrice('69.990000000000')).toBe('69.99');
    expect(normalisePrice('1,069.00')).toBe('1069.00');
    expect(normalisePrice('109€109€109')).toBe('109.00');
    expect(normalisePrice(18)).toBe('18.00');
    expect(normalisePrice('free')).toBeNull();
  });
});

describe('currency from the text and the page', () => {
  it.each([
    ['US$:12.99', 'USD'],
    ['12,000원', 'KRW'],
    ['3,500円', 'JPY'],
    ['1 030 р.', 'RUB'],
    ['199,00 грн.', 'UAH'],
    ['45,00 zł', 'PLN'],
    ['9 800 Kč', 'CZK'],
    ['Rp 31.500', 'IDR'],
    ['RM50', 'MYR'],
    ['1 ₸', 'KZT'],
    ['$ SGD4.90', 'SGD'],
    ['$1,190.00 AUD', 'AUD'],
    ['MX$3,179.00', 'MXN'],
    ['99 LEI', 'RON'],
    ['230 лв.', 'BGN'],
    ['749,00 euro', 'EUR'],
  ])('%j names %s', (text, currency) => {
    expect(currencyFromText(text, NO_HINTS)).toBe(currency);
  });

  it('takes the currency from a nearby text when the price has none', () => {
    expect(parsePriceText('899,00', { ...NO_HINTS, currencyText: 'Pris NOK 899,00' })).toEqual({ price: '899.00', currency: 'NOK' });
    expect(parsePriceText('£54.17', { ...NO_HINTS, currencyText: 'USD' })?.currency).toBe('GBP');
  });

  it.each([
    // "$" means the dollar of the shop's country: domain, language, path locale, or a currency declared on the page.
    ['$1,290', { host: 'tienda.com.ar', lang: 'es' }, 'ARS'],
    ['$24.990', { host: 'www.shop.cl', lang: '' }, 'CLP'],
    ['$1,299', { host: 'www.tienda.com.mx', lang: '' }, 'MXN'],
    ['$229.99', { host: 'www.store.ca', lang: 'en' }, 'CAD'],
    ['$49.95', { host: 'shop.com.au', lang: 'en-US' }, 'AUD'],
    ['NT$ 990', { host: 'shop.com.tw', lang: '' }, 'TWD'],
    ['$ 990', { host: 'shop.com.tw', lang: '' }, 'TWD'],
    ['$19.99', { host: 'shop.example', lang: 'en-CA' }, 'CAD'],
    ['$19.99', { host: 'shop.example', lang: '', path: '/es-mx/p/1' }, 'MXN'],
    ['$19.99', { host: 'shop.example', lang: 'en-US', pageCurrency: 'NZD' }, 'NZD'],
    ['$19.99', { host: 'shop.example', lang: '' }, 'USD'],
    ['$19.99', { host: 'sfbay.classifieds.org', lang: '' }, 'USD'],
    // A country without a dollar says otherwise: no guess.
    ['$19.99', { host: 'lamps.example.io', lang: '' }, null],
    ['$19.99', { host: 'shop.example', lang: 'fr-FR' }, null],
    // "kr", "¥" and "R" are read the same way, and never defaulted.
    ['199 kr', { host: 'butik.se', lang: '' }, 'SEK'],
    ['199 kr', { host: 'butikk.example', lang: 'nb' }, 'NOK'],
    ['199 kr', { host: 'shop.example', lang: 'en', pageCurrency: 'DKK' }, 'DKK'],
    ['199 kr', { host: 'shop.example', lang: '' }, null],
    ['¥1,280', { host: 'shop.jp', lang: '' }, 'JPY'],
    ['¥128', { host: 'shop.example', lang: 'zh-CN' }, 'CNY'],
    ['¥128', { host: 'shop.example', lang: '' }, null],
    ['R 299', { host: 'shop.co.za', lang: '' }, 'ZAR'],
    // Currency words are read the same way.
    ['1.290 pesos', { host: 'tienda.example', lang: 'es-CL' }, 'CLP'],
    ['12 dollars', { host: 'shop.example', lang: 'en-AU' }, 'AUD'],
  ] as [string, LocaleHints, string | null][])('%j on %j → %s', (text, hints, currency) => {
    expect(parsePriceText(text, hints)?.currency ?? null).toBe(currency);
  });
});
