// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractProduct } from '../../utils/product/extractProduct';
import { collectLabelledTexts, gtinOf, readLabelledIds } from '../../utils/product/identifiers';
import { cleanName, renderedText } from '../../utils/product/name';
import { productSnapshotSchema } from '../../utils/product/snapshot';

const parse = (html: string, lang = 'en') => new DOMParser().parseFromString(`<!doctype html><html lang="${lang}"><head><title>Shop</title></head><body>${html}</body></html>`, 'text/html');
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const detect = (html: string, url = 'https://shop.example/p/1', lang = 'en') => extractProduct(parse(html, lang), url);

describe('product identifiers', () => {
  it.each([
    ['4006381333931', '4006381333931'],
    ['4006381333932', null],
    ['036000291452', '036000291452'],
    ['9780393609394', '9780393609394'],
    ['96385074', '96385074'],
    ['00012345600012', '00012345600012'],
    ['12345', null],
  ])('gtinOf(%s) = %s (check digit verified)', (value, expected) => {
    expect(gtinOf(value)).toBe(expected);
  });

  it.each([
    ['JSON-LD in @graph, GTIN on the offer', ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'Product', name: 'Kettle', sku: 'K-1', mpn: 'MK1', brand: { '@type': 'Brand', name: 'ACME' }, offers: { price: '20', priceCurrency: 'EUR', gtin13: '4006381333931' } }] }), { sku: 'K-1', mpn: 'MK1', gtin: '4006381333931', brand: 'ACME' }],
    ['a ProductGroup and its productGroupID', ld({ '@type': 'ProductGroup', name: 'Tee', productGroupID: 'TEE-9', brand: 'ACME', hasVariant: [{ '@type': 'Product', sku: 'TEE-9-S', size: 'S' }, { '@type': 'Product', sku: 'TEE-9-M', size: 'M' }] }), { sku: 'TEE-9', brand: 'ACME' }],
    ['microdata', '<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Lamp</h1><meta itemprop="sku" content="L-7"><meta itemprop="gtin13" content="4006381333931"><span itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Lumo</span></span></div>', { sku: 'L-7', gtin: '4006381333931', brand: 'Lumo' }],
    ['Shopify product JSON (vendor and barcode)', '<link href="https://cdn.shopify.com/s/x.css" rel="stylesheet"><script type="application/json" data-product-json>{"title":"Apron","vendor":"Field","options":["Color"],"variants":[{"id":1,"price":3800,"sku":"AP-1","barcode":"4006381333931","options":["Red"]}]}</script><h1>Apron</h1>', { sku: 'AP-1', gtin: '4006381333931', brand: 'Field' }],
    ['a SKU that is an ISBN is the GTIN too', '<meta property="og:title" content="Book"><meta property="product:retailer_item_id" content="9789724084985"><h1>Book</h1>', { sku: '9789724084985', gtin: '9789724084985' }],
    ['RDFa product meta tags', '<meta property="og:title" content="Lamp"><meta property="product:retailer_item_id" content="LMP-2"><meta property="product:brand" content="Lumo"><h1>Lamp</h1>', { sku: 'LMP-2', brand: 'Lumo' }],
  ])('%s', (_, html, expected) => {
    expect(detect(html)).toMatchObject(expected);
  });

  it.each([
    ['<p>SKU: AB-1234</p>', { sku: 'AB-1234' }],
    ['<dl><dt>Art.-Nr.</dt><dd>1002/710</dd></dl>', { sku: '1002/710' }],
    ['<p>Item # 101095</p><p>SKU 862425</p>', { sku: '862425' }],
    ['<p>品番：X1-200</p>', { sku: 'X1-200' }],
    ['<p>상품번호 123456</p>', { sku: '123456' }],
    ['<p>eBay item number:</p><p>302474151804</p>', { sku: '302474151804' }],
    ['<p>型号: DF-300</p>', { mpn: 'DF-300', sku: 'DF-300' }],
    ['<p>EAN: 4006381333931</p>', { gtin: '4006381333931' }],
    ['<p>EAN: 4006381333932</p><p>Stylecraft 2000</p>', {}],
  ])('labelled value %s', (html, expected) => {
    expect(readLabelledIds(collectLabelledTexts(parse(html).body))).toEqual(expected);
  });

  it("the selected variant's SKU is the product's SKU", () => {
    const group = ld({ '@type': 'ProductGroup', name: 'Tee', productGroupID: 'TEE', hasVariant: [{ '@type': 'Product', sku: 'TEE-S', productID: '1', size: 'S', offers: { price: '10', priceCurrency: 'USD' } }, { '@type': 'Product', sku: 'TEE-M', productID: '2', size: 'M', offers: { price: '10', priceCurrency: 'USD' } }] });
    expect(detect(`${group}<h1>Tee</h1>`, 'https://shop.example/p/tee?variant=2')).toMatchObject({ sku: 'TEE-M', variant: { sku: 'TEE-M' } });
    expect(detect(`${group}<h1>Tee</h1>`, 'https://shop.example/p/tee')).toMatchObject({ sku: 'TEE' });
  });

  it('the snapshot accepts identifiers and refuses a GTIN with a wrong check digit', () => {
    const product = detect(ld({ '@type': 'Product', name: 'Kettle', sku: 'K-1', gtin13: '4006381333931', offers: { price: '20', priceCurrency: 'EUR' } }));
    expect(productSnapshotSchema.safeParse(product).success).toBe(true);
    expect(productSnapshotSchema.safeParse({ ...product, gtin: '4006381333932' }).success).toBe(false);
    expect(productSnapshotSchema.parse({ ...product, sku: 'x'.repeat(500) }).sku).toHaveLength(120);
  });
});

describe('the selected variant', () => {
  it.each([
    ['a format select whose options carry prices', '<label for="f">Format</label><select id="f"><option value="1" selected>Hardcover - $11.37</option><option value="2">NOOK Book - $9.99</option></select>', { Format: 'Hardcover' }],
    ['a selected element that names its option', '<div class="selecteddata"><span>Color:</span> <span>69 NAVY</span></div>', { Color: '69 NAVY' }],
    ['a filter select left on its own name', '<select name="color-family"><option value="unfilter" selected>Color</option><option value="1">Olive</option></select>', {}],
    ['a select left on its own name', '<label for="c">Color</label><select id="c"><option value="0" selected>Color</option><option value="1">Olive</option></select>', {}],
  ])('%s', (_, controls, options) => {
    expect(detect(`<h1>Book</h1><p class="price">$11.37</p>${controls}`).variant?.options ?? {}).toEqual(options);
  });

  it('reads ids without labels or words around them, and a variant without a SKU of its own takes the product\'s', () => {
    const html = '<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Chair cover</h1><span itemprop="productID">TE502955-1293415 Housse de chaise</span><meta itemprop="sku" content="sku:CAE5D4"><meta itemprop="color" content="Taupe"></div>';
    expect(detect(html)).toMatchObject({ sku: 'CAE5D4', variant: { id: 'TE502955-1293415', sku: 'CAE5D4', options: { Color: 'Taupe' } } });
  });
});

describe('names as the page shows them', () => {
  it.each([
    ['<h1>ACME<sup>®</sup> Original</h1>', 'ACME® Original'],
    ['<h1><span>ACME</span><span>Trail Runner</span></h1>', 'ACME Trail Runner'],
    ['<h1><div>PELARBOJ</div><div>LED lamp</div></h1>', 'PELARBOJ LED lamp'],
    ['<h1>Wool Coat <span class="sr-only">Details</span><span class="badge">New</span></h1>', 'Wool Coat'],
  ])('renderedText(%s) = %s', (html, expected) => {
    expect(renderedText(parse(html).querySelector('h1'))).toBe(expected);
  });

  it.each([
    ['Desk Lamp | Lumo Shop', 'Lumo Shop', 'Desk Lamp'],
    ['Wool Coat $89.99 $129.99', null, 'Wool Coat'],
    ['New! Wool Coat', null, 'Wool Coat'],
    ['Wool Coat - Bestseller', null, 'Wool Coat'],
    ['L-Shaped Desk Item # 101095', null, 'L-Shaped Desk'],
    ['Wool Coat - Navy', 'Lumo Shop', 'Wool Coat - Navy'],
  ])('cleanName(%s)', (name, site, expected) => {
    expect(cleanName(name, site)).toBe(expected);
  });

  it('picks the heading that names the product, not a menu heading', () => {
    const page = '<h1>Shop by department</h1><main><h1>Merino Scarf</h1><span class="price">€39.00</span></main>';
    const doc = parse(page);
    doc.title = 'Merino Scarf | Lumo';
    expect(extractProduct(doc, 'https://shop.example/p/2')).toMatchObject({ name: 'Merino Scarf', price: '39.00', currency: 'EUR' });
  });

  it('a heading with the brand alone gives way to the title', () => {
    const doc = parse('<h1>Kryptonite</h1><div class="price">$44.99</div>');
    doc.title = 'Kryptonite KryptoLok Series 2 - Campus Bike Shop';
    expect(extractProduct(doc, 'https://bikes.example/p').name).toBe('Kryptonite KryptoLok Series 2');
  });
});

describe('the price shown on the page', () => {
  it.each([
    ['sale beside a struck regular price', '<h1>Coat</h1><div><del class="price">$129.99</del> <span class="price">$89.99</span></div>', '89.99'],
    ['"was" label and a sale class', '<h1>Coat</h1><div>Was <span class="price">$129.99</span> <span class="price sale-price">$89.99</span></div>', '89.99'],
    ['UVP before the price', '<h1>Kaffeemaschine</h1><p>UVP <span class="price">149,99 €</span></p><p><span class="price">119,01 €</span></p>', '119.01'],
    ['"Now" in the price and a container repeating the struck price', '<h1>Desktop</h1><div class="standard_price">Starting at <span class="price_strike">$979.97</span> <span class="price_amount">$809.97</span></div>', '809.97'],
    ['"Now" starting the price text', '<h1>Leggings</h1><h5 class="product-price--markdown">$64.95</h5><h5 class="product-price--highlight">Now $52.00</h5>', '52.00'],
    ['marks read as words ("price_holder" is not an old price)', '<h1>Desktop</h1><div id="price_holder_3"><span class="priceOld">$979.97</span> <span class="price_amount">$809.97</span></div>', '809.97'],
    ['a bare number in a price element does not beat markup', '<meta property="og:price:amount" content="43.80"><meta property="og:price:currency" content="USD"><h1>Cardigan</h1><span class="price-rating">11</span>', '43.80'],
    ['cents in <sup>', '<h1>Printer</h1><div class="price">$<span>199</span><sup>00</sup></div>', '199.00'],
    ['cents in their own element', '<h1>Conduit</h1><div class="price">$<span>31</span><span class="price__cents">57</span></div>', '31.57'],
    ['instalments and a shipping threshold next to it', '<h1>Lamp</h1><p class="price-installments">4 × 7,50 €</p><p class="free-shipping-price">Free shipping on orders over 49 €</p><p class="price">30,00 €</p>', '30.00'],
    ['a unit price after the price', '<h1>Tea</h1><p class="price">4,99 €</p><p class="price">(49,90 € / kg)</p>', '4.99'],
    ['not the carousel or the mini cart', '<header><div class="mini-cart"><span class="price">$5.00</span></div></header><main><h1>Chair</h1><p class="price">$111.99</p></main><section class="related-products"><span class="price">$79.00</span></section>', '111.99'],
    ['a marketplace listing with many prices around', '<main><h1>Vintage Camera</h1><div class="item-price"><span class="price">US $120.00</span><button>Buy It Now</button></div><div class="seller-info">Seller rating</div><ul class="similar-items"><li><span class="price">$35.00</span></li></ul></main>', '120.00'],
  ])('%s', (_, html, price) => {
    expect(detect(html).price).toBe(price);
  });

  it('the page wins over structured data that disagrees with what it shows as the sale price', () => {
    const html = `<meta property="product:price:amount" content="67.84"><meta property="product:price:currency" content="EUR"><h1>Livro</h1><p><span class="old-price price">79,90 €</span> <span class="special-price price">71,91 €</span></p>`;
    expect(detect(html, 'https://livros.example/p')).toMatchObject({ price: '71.91', currency: 'EUR' });
  });

  it('takes the sale offer and skips a list-price specification in structured data', () => {
    const offers = [
      { '@type': 'Offer', price: '150.00', priceCurrency: 'USD', priceValidUntil: '2001-01-01' },
      { '@type': 'Offer', priceCurrency: 'USD', priceSpecification: [{ price: '150.00', priceType: 'https://schema.org/StrikethroughPrice' }, { price: '120.00' }] },
    ];
    expect(detect(ld({ '@type': 'Product', name: 'Sconce', offers }))).toMatchObject({ price: '120.00', currency: 'USD' });
  });

  it('reads "$" with the currency the page declares elsewhere, the domain, or the language', () => {
    const html = '<h1>Lamp</h1><p class="price">$1,290</p>';
    expect(detect(html, 'https://tienda.example.com.ar/p').currency).toBe('ARS');
    expect(detect(html, 'https://shop.example/p', 'en-AU').currency).toBe('AUD');
    expect(detect(`${html}<meta property="og:price:currency" content="CAD">`, 'https://shop.example/p').currency).toBe('CAD');
    expect(detect(`${html}<div itemscope itemtype="https://schema.org/Offer"><meta itemprop="priceCurrency" content="MXN"></div>`, 'https://shop.example/p').currency).toBe('MXN');
    expect(detect(html, 'https://shop.example/p').currency).toBe('USD');
  });
});

describe('oversized structured data', () => {
  it('a 2.5 MB product group with 10,000 variants still gives the name and the price shown, within the time budget', () => {
    const hasVariant = Array.from({ length: 10_000 }, (_, i) => ({
      '@type': 'Product',
      name: `Merino Sweater, size ${i}`,
      sku: `MS-${i}`,
      productID: String(i),
      size: `S${i}`,
      image: `https://cdn.example/img/${i}.jpg`,
      offers: { '@type': 'Offer', price: '59.00', priceCurrency: 'EUR', availability: 'https://schema.org/InStock', url: `https://shop.example/p/sweater?variant=${i}` },
    }));
    const block = ld({ '@context': 'https://schema.org', '@type': 'ProductGroup', name: 'Merino Sweater', variesBy: ['https://schema.org/size'], hasVariant });
    expect(block.length).toBeGreaterThan(2_500_000);
    const doc = parse(`${block}<main><h1>Merino Sweater</h1><p class="price">59,00 €</p></main>`, 'de');
    // jsdom is many times slower than a browser: this bound only catches unbounded work (in Chromium the
    // JSON-LD time budget is 150 ms, and `npm run bench` measures the real detector).
    const started = performance.now();
    const result = extractProduct(doc, 'https://shop.example/p/sweater?variant=7');
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(result).toMatchObject({ name: 'Merino Sweater', price: '59.00', currency: 'EUR', variant: { id: '7', sku: 'MS-7', options: { Size: 'S7' } } });
  }, 30_000);

  it('a block too large to read leaves the visible page: name and price still come through', () => {
    const huge = `<script type="application/ld+json">{"@type":"ProductGroup","name":"Huge","description":"${'x'.repeat(4_200_000)}"}</script>`;
    const result = detect(`${huge}<h1>Merino Sweater</h1><p class="price">€59.00</p>`);
    expect(result).toMatchObject({ name: 'Merino Sweater', price: '59.00', currency: 'EUR' });
  }, 30_000);
});
