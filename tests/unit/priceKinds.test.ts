// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractProduct } from '../../utils/product/extractProduct';

// Kinds of pages whose price the earlier rules missed: marketplace item pages, deal pages, sale prices marked only by
// class names or position, and a selected option whose own price differs from the first offer.
const parse = (html: string, lang: string) => new DOMParser().parseFromString(`<!doctype html><html lang="${lang}"><head><title>Shop</title></head><body>${html}</body></html>`, 'text/html');
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const detect = (html: string, lang = 'en', url = 'https://shop.example/p/1') => extractProduct(parse(html, lang), url);

describe('marketplace item pages (auctions, classifieds) that show their price only by a label or an attribute', () => {
  it.each([
    ['en', '"Current bid:" then the amount', '<h1>Vintage camera</h1><div class="bid-box"><span class="lbl">Current bid:</span> <span id="bidAmt">US $125.00</span></div>', '125.00', 'USD'],
    ['en', '"Price:" and its value side by side', '<h1>Sofa</h1><div class="details"><span class="label">Price:</span><span class="value">$300</span></div>', '300.00', 'USD'],
    ['de', 'a table row "Preis:"', '<h1>Fahrrad</h1><table><tr><th>Ort</th><td>Berlin 10115</td></tr><tr><th>Preis:</th><td>250 €</td></tr></table>', '250.00', 'EUR'],
    ['fr', '"Prix :" with the amount after it', '<h1>Vélo de course</h1><p><b>Prix :</b> 180 €</p>', '180.00', 'EUR'],
    ['ru', 'label and value in one text ("Цена: 4 500 ₽")', '<h1>Велосипед</h1><ul><li>Город: Москва</li><li>Цена: 4 500 ₽</li></ul>', '4500.00', 'RUB'],
    ['en', '`itemprop="price"` on a meta tag outside any product markup', '<h1>Lamp</h1><div><meta itemprop="price" content="45.00"><meta itemprop="priceCurrency" content="GBP"></div>', '45.00', 'GBP'],
    ['en', 'a `data-price` attribute on the buy box', '<h1>Lamp</h1><div class="buy" data-price="33.50" data-currency="EUR"><button>Buy</button></div>', '33.50', 'EUR'],
  ])('%s: %s', (lang, _, body, price, currency) => {
    expect(detect(`<main><div class="item">${body}</div></main>`, lang)).toMatchObject({ price, currency, priceSource: 'visible' });
  });

  it('a "Buy It Now" price beside a starting bid is the one the page marks as paid now', () => {
    const html = '<main><h1>Vintage camera</h1><dl><dt>Starting bid</dt><dd>$40.00</dd><dt>Buy It Now</dt><dd>$90.00</dd></dl></main>';
    expect(detect(html).price).toBe('90.00');
  });

  it.each([
    ['words that begin with a label ("Price match promise 2024")', '<p><span>Price match promise</span> <span>2024</span></p>'],
    ['a label whose value is not an amount ("Bid history: 5 bids")', '<p><span>Bid</span><span>history: 5 bids</span></p>'],
    ['each option stating its own `data-price` (a list, none chosen)', '<ul><li data-price="10">S</li><li data-price="12">M</li></ul>'],
  ])('reads no price from %s, but the labelled price after it', (_, before) => {
    expect(detect(`<main><h1>Lamp</h1>${before}<p><span>Price:</span><span>$35.00</span></p></main>`).price).toBe('35.00');
  });

  it('a price element near the heading still beats a label further out', () => {
    const labelled = '<p><span>Price:</span><span>$35.00</span></p>';
    expect(detect(`<main><div class="box"><div class="head"><h1>Lamp</h1></div>${labelled}</div></main>`).price).toBe('35.00');
    expect(detect(`<main><div class="box"><div class="head"><h1>Lamp</h1><span class="price">$20.00</span></div>${labelled}</div></main>`).price).toBe('20.00');
  });

  it('a "listing-price" class (a marketplace listing) is the current price, not a list price', () => {
    const html = '<main><div class="box"><div class="head"><h1>Tee</h1><span class="listing-price">$28.50</span></div><div><span class="price">$12.00</span></div></div></main>';
    expect(detect(html).price).toBe('28.50');
  });

  it('structured data beats a stated amount it does not agree with', () => {
    const html = ld({ '@type': 'Product', name: 'Lamp', offers: { '@type': 'Offer', price: '19.00', priceCurrency: 'USD' } }) + '<main><h1>Lamp</h1><p><span>Price:</span><span>$35.00</span></p></main>';
    expect(detect(html)).toMatchObject({ price: '19.00', priceSource: 'structured' });
  });
});

describe('deal and group-buying pages (zh-TW, ko)', () => {
  const page = (head: string, options = '') => `<main><div class="deal"><div class="head"><h1>雙人下午茶</h1>${head}</div><div class="deal-options">${options}</div></div></main>`;
  const option = (name: string, price: string, original = '') => `<div class="option"><p>${name}</p><p><span class="price">${price}</span>${original}</p></div>`;
  const options = option('雙人套餐', 'NT$1,280', ' <del class="price">NT$2,000</del>') + option('單人套餐', 'NT$990');

  it('a "起" lower bound by the heading gives way to the first option\'s definite price, and is the price without one', () => {
    expect(detect(page('<span class="price">NT$990起</span>', options), 'zh-TW')).toMatchObject({ price: '1280.00', currency: 'TWD' });
    expect(detect(page('<span class="price">NT$990起</span>'), 'zh-TW').price).toBe('990.00');
  });

  it('the option block the page marks as selected gives the price, not the first or the cheapest', () => {
    const chosen = option('雙人套餐', 'NT$1,280').replace('class="option"', 'class="option is-selected"');
    expect(detect(page('<span class="price">NT$990起</span>', option('單人套餐', 'NT$990') + chosen), 'zh-TW').price).toBe('1280.00');
    const ko = '<ul class="deal-options"><li class="option"><span class="price">19,000원</span></li><li class="option" aria-selected="true"><span class="price">29,000원</span></li></ul>';
    expect(detect(page('', ko), 'ko').price).toBe('29000.00');
  });

  it('of two option blocks marked selected, the one marked by its state wins over a class left from before', () => {
    const stale = '<li class="option selected"><span class="price">19,000원</span></li>';
    const now = '<li class="option" aria-checked="true"><span class="price">29,000원</span></li>';
    expect(detect(page('', `<ul class="deal-options">${stale}${now}</ul>`), 'ko').price).toBe('29000.00');
  });

  it('structured data stating only the lower bound does not win over the definite price', () => {
    const lowest = ld({ '@type': 'Product', name: '雙人下午茶', offers: { '@type': 'AggregateOffer', lowPrice: '990', priceCurrency: 'TWD' } });
    expect(detect(lowest + page('<span class="price">NT$990起</span>', options), 'zh-TW').price).toBe('1280.00');
  });

  it('ko: "부터" marks a lower bound beside the deal price', () => {
    expect(detect(page('<span class="price">19,000원부터</span><span class="price">25,000원</span>'), 'ko')).toMatchObject({ price: '25000.00', currency: 'KRW' });
  });
});

describe('sale and regular price without strikethrough', () => {
  const page = (beside: string) => `<main><div class="product"><div class="title"><h1>Artikel</h1>${beside}</div></div></main>`;
  it.each([
    ['sl', 'a "redna-cena" class', '<span class="price redna-cena">29,99 €</span> <span class="price">19,99 €</span>', '19.99'],
    ['sl', '"Redna cena:" before it', '<p><span>Redna cena:</span> <span class="price">29,99 €</span></p><p><span class="price">19,99 €</span></p>', '19.99'],
    ['ru', '"Прежняя цена:" before it', '<p>Прежняя цена: <span class="price">5 000 ₸</span></p> <span class="price">4 000 ₸</span>', '4000.00'],
    ['es', '"Precio anterior:" before it', '<p>Precio anterior: <span class="price">59,90 €</span></p><span class="price">49,90 €</span>', '49.90'],
    ['it', '"precedente" in its class', '<span class="price prezzo-precedente">59,90 €</span> <span class="price">49,90 €</span>', '49.90'],
    ['kk', 'one price block, the former amount first and marked "old"', '<div class="product-price"><div class="old">45 000 ₸</div><div>39 990 ₸</div></div>', '39990.00'],
    ['it', 'one price block, the former amount marked "listino"', '<div class="product-price"><span class="prezzo-listino">59,90 €</span> <span>49,90 €</span></div>', '49.90'],
    ['sl', 'one price block, the former amount marked "redna-cena"', '<div class="product-price"><span class="redna-cena">29,99 €</span> <span>19,99 €</span></div>', '19.99'],
    ['en-IE', 'one price block, the former amount marked "regular"', '<div class="price-box"><span class="regular">€59.99</span> <span>€44.99</span></div>', '44.99'],
  ])('%s: the current price wins over %s', (lang, _, beside, price) => {
    expect(detect(page(beside), lang).price).toBe(price);
  });

  it('a block of one former amount alone is still its price; beside another, it is the former one', () => {
    expect(detect(page('<div class="product-price"><span class="old">€59.99</span></div>'), 'en-IE').price).toBe('59.99');
    expect(detect(page('<div class="product-price"><span class="old">€59.99</span><span>€49.99</span></div>'), 'en-IE').price).toBe('49.99');
  });
});

describe('a selected option whose own price differs from the first offer', () => {
  it('the option marked by its state (aria-selected) wins over a stale "selected" class, and its data-price is the price', () => {
    const html = '<main><h1>Shirt</h1><span class="price">$20.00</span><ul class="size-options"><li class="size selected" data-price="20.00">S</li><li class="size" aria-selected="true" data-price="24.00">XL</li></ul></main>';
    expect(detect(html)).toMatchObject({ price: '24.00', currency: 'USD', priceSource: 'selected', variant: { options: { Size: 'XL' } } });
  });

  it('the offer whose SKU the selected option states is the price, though structured data and the page agree on the first', () => {
    const offers = [
      { '@type': 'Offer', name: 'S', sku: 'SH-S', price: '20.00', priceCurrency: 'USD' },
      { '@type': 'Offer', name: 'XL', sku: 'SH-XL', price: '24.00', priceCurrency: 'USD' },
    ];
    const html = ld({ '@type': 'Product', name: 'Shirt', offers }) + '<main><h1>Shirt</h1><span class="price">$20.00</span><ul class="size-options"><li class="size selected">S</li><li class="size" aria-checked="true" data-sku="SH-XL">XL</li></ul></main>';
    expect(detect(html)).toMatchObject({ price: '24.00', currency: 'USD', variant: { options: { Size: 'XL' } } });
  });

  it('the offer named like the selected value is the price', () => {
    const offers = [
      { '@type': 'Offer', name: '50 ml', price: '39.00', priceCurrency: 'EUR' },
      { '@type': 'Offer', name: '100 ml', price: '59.00', priceCurrency: 'EUR' },
    ];
    const html = ld({ '@type': 'Product', name: 'Parfum', offers }) + '<main><h1>Parfum</h1><select id="size" name="size"><option value="50">50 ml</option><option value="100" selected>100 ml</option></select></main>';
    expect(detect(html, 'de').price).toBe('59.00');
  });

  it("the selected variant's own structured price knows better than an option's data-price", () => {
    const group = {
      '@type': 'ProductGroup',
      name: 'Shirt',
      hasVariant: [
        { '@type': 'Product', name: 'Shirt S', sku: '4241', offers: { '@type': 'Offer', price: '20.00', priceCurrency: 'USD', url: 'https://shop.example/p/1?variant=4241' } },
        { '@type': 'Product', name: 'Shirt XL', sku: '4242', offers: { '@type': 'Offer', price: '30.00', priceCurrency: 'USD', url: 'https://shop.example/p/1?variant=4242' } },
      ],
    };
    const html = ld(group) + '<main><h1>Shirt</h1><span class="price">$30.00</span><ul class="size-options"><li class="size" data-price="20.00">S</li><li class="size" aria-selected="true" data-price="24.00">XL</li></ul></main>';
    expect(detect(html, 'en', 'https://shop.example/p/1?variant=4242').price).toBe('30.00');
  });

  it('surcharges stated by options ("+5.00", a zero beside them) are not the price; full prices are', () => {
    const sizes = (s: string, xl: string) => `<main><h1>Shirt</h1><span class="price">$20.00</span><ul class="size-options"><li class="size" data-price="${s}">S</li><li class="size" aria-selected="true" data-price="${xl}">XL</li></ul></main>`;
    expect(detect(sizes('0', '+4.00')).price).toBe('20.00');
    expect(detect(sizes('20.00', '24.00')).price).toBe('24.00');
    // Amounts in cents, where the page shows the price itself.
    expect(detect(sizes('2400', '2000')).price).toBe('20.00');
  });
});
