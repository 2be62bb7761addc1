// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractProduct } from '../../utils/product/extractProduct';
import { collectLabelledTexts, readLabelled } from '../../utils/product/identifiers';
import { productIdInUrl } from '../../utils/product/url';

const parse = (html: string) => new DOMParser().parseFromString(`<!doctype html><html lang="en"><head><title>Shop</title></head><body>${html}</body></html>`, 'text/html');
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const detect = (html: string, url = 'https://shop.example/p/tee') => extractProduct(parse(html), url);
const labelled = (html: string) => readLabelled(collectLabelledTexts(parse(html).body));
/** A product group of two sizes, each with its own SKU, and the page's heading. */
const group = ld({
  '@type': 'ProductGroup',
  name: 'Tee',
  hasVariant: [
    { '@type': 'Product', sku: 'TEE-S', productID: '1', size: 'S', offers: { price: '10', priceCurrency: 'EUR' } },
    { '@type': 'Product', sku: 'TEE-M', productID: '2', size: 'M', offers: { price: '10', priceCurrency: 'EUR' } },
  ],
});

describe("labelled codes are the product's SKU", () => {
  it.each([
    ['<p>Item number: 3697/272</p>', '3697/272'],
    ['<p>Item no. 55-120</p>', '55-120'],
    ['<p>Product code: PC.448</p>', 'PC.448'],
    ['<dl><dt>Ref.</dt><dd>3697/272</dd></dl>', '3697/272'],
    ['<p>Référence : 7142014</p>', '7142014'],
    ['<p>Codice: A1234</p>', 'A1234'],
    ['<p>Kód: 110-223</p>', '110-223'],
    ['<p>Kód produktu: 88213</p>', '88213'],
    ['<p>Šifra: 120034</p>', '120034'],
    ['<p>Артикул: 3697/272</p>', '3697/272'],
    ['<p>Код товара: 5512043</p>', '5512043'],
    ['<p>商品編號：A0012345</p>', 'A0012345'],
    ['<p>商品编号：10023</p>', '10023'],
    ['<p>상품번호 123456</p>', '123456'],
    ['<span>SKU</span><span>AB-1234</span>', 'AB-1234'],
  ])('%s gives the code %s', (html, code) => {
    expect(labelled(html).code).toBe(code);
  });

  it.each([
    ['a model number is no product code', '<p>Model: DF-300</p>'],
    ['a label followed by a word', '<p>Kodak 2000 camera</p>'],
    ['a Cyrillic word that starts like a label', '<p>Кодекс 2024</p>'],
    ['a code without a label', '<p>3697/272</p>'],
  ])('%s', (_, html) => {
    expect(labelled(html).code).toBeNull();
  });

  it("the labelled code is the product's SKU and the selected variant keeps its own", () => {
    const product = detect(`${group}<h1>Tee</h1><p>Item number: 3697/272</p>`, 'https://shop.example/p/tee?variant=2');
    expect(product).toMatchObject({ sku: '3697/272', skuSource: 'labelled', variant: { id: '2', sku: 'TEE-M' } });
  });

  it('a product-level SKU in structured data stays the SKU beside another printed number', () => {
    const html = `${ld({ '@type': 'Product', name: 'Printer', sku: '5301079', offers: { price: '99', priceCurrency: 'USD' } })}<h1>Printer</h1><p>Item#: 40528810</p>`;
    expect(detect(html)).toMatchObject({ sku: '5301079', skuSource: 'structured' });
  });

  it('tells where the SKU came from', () => {
    const product = (sku: string) => ld({ '@type': 'Product', name: 'Lamp', sku, offers: { price: '9', priceCurrency: 'EUR' } });
    expect(detect(`${product('L-7')}<h1>Lamp</h1><p>SKU: L-7</p>`).skuSource).toBe('agreed');
    expect(detect(`<h1>Lamp</h1><p>SKU: L-7</p>`).skuSource).toBe('visible');
    expect(detect(`<h1>Lamp</h1>`, 'https://market.example/itm/302474151804').skuSource).toBe('url');
  });
});

describe('a GTIN in structured data where no SKU exists', () => {
  it.each([
    ['a gtin13 property', { gtin13: '4006381333931' }],
    ['a productID naming its kind', { productID: 'isbn:9780393609394' }],
    ['an identifier PropertyValue', { identifier: { '@type': 'PropertyValue', propertyID: 'GTIN13', value: '4006381333931' } }],
  ])('%s is reported as the GTIN', (_, ids) => {
    const html = `${ld({ '@type': 'Product', name: 'Book', ...ids, offers: { price: '12', priceCurrency: 'EUR' } })}<h1>Book</h1>`;
    const product = detect(html, 'https://shop.example/book');
    expect(product.gtin).toMatch(/^(4006381333931|9780393609394)$/);
    // The truth the benchmark scores by names SKUs apart from GTINs: a GTIN alone is no SKU.
    expect(product.sku).toBeNull();
  });
});

describe("the product's id in the address", () => {
  it.each([
    ['https://www.market.example/itm/302474151804', '302474151804'],
    ['https://www.market.example/itm/halloween-scars/302474151804?hash=x', '302474151804'],
    ['https://shop.example/item/1005001234567.html', '1005001234567'],
    ['https://deals.example/deal/48213', '48213'],
    ['https://deals.example/Prod/7720145/', '7720145'],
    ['https://shop.example/p/12345678', '12345678'],
    ['https://shop.example/a/products/101095/Realspace-Desk/', '101095'],
    ['https://shop.example/product/heart-cardigan/40172/', '40172'],
    ['https://books.example/codigo-do-trabalho-1589482272.html', '1589482272'],
    ['https://city.example/eby/fuo/d/cue-stick/6228494422.html', '6228494422'],
    ['https://shop.example/p/hairpin-stool/-/A-52062126', '52062126'],
    ['https://shop.example/buy?pid=AB12345', 'AB12345'],
    ['https://shop.example/detail?itemId=88231', '88231'],
    ['https://shop.example/product/view.php?id=5521', '5521'],
  ])('%s names %s', (address, id) => {
    expect(productIdInUrl(new URL(address))).toBe(id);
  });

  it.each([
    ['a category id', 'https://shop.example/c/shoes-1234567'],
    ['a category path', 'https://shop.example/category/123456/shoes'],
    ['a page number', 'https://shop.example/p/2'],
    ['a listing page', 'https://shop.example/shoes/page/123456'],
    ['an id parameter off a product path', 'https://shop.example/list?id=5521'],
    ['a search', 'https://shop.example/search?q=tee&page=3'],
    ['a slug with a short number', 'https://shop.example/products/iphone-15-case'],
    ['a product path without an id', 'https://shop.example/products/linen-shirt'],
  ])('%s names none', (_, address) => {
    expect(productIdInUrl(new URL(address))).toBeNull();
  });

  it('is the SKU only when nothing on the page names one', () => {
    expect(detect('<h1>Cue stick</h1>', 'https://city.example/d/cue-stick/6228494422.html')).toMatchObject({ sku: '6228494422', skuSource: 'url' });
    expect(detect('<h1>Cue stick</h1><p>SKU: CS-1</p>', 'https://city.example/d/cue-stick/6228494422.html')).toMatchObject({ sku: 'CS-1' });
  });
});

describe('the selected variant id the option controls state', () => {
  const page = (controls: string) => `<h1>Tee</h1><p class="price">€10.00</p>${controls}`;
  it.each([
    ['a selected option with data-variant-id', '<label for="s">Size</label><select id="s"><option value="s" data-variant-id="41001">S</option><option value="m" data-variant-id="41002" selected>M</option></select>', '41002'],
    ['a checked radio with data-sku', '<fieldset><legend>Size</legend><input type="radio" name="size" id="m" value="M" data-sku="TEE-M-01" checked><label for="m">M</label></fieldset>', 'TEE-M-01'],
    ['a pressed swatch with data-variant-id', '<div class="color-swatches"><button aria-pressed="true" class="swatch" data-variant-id="8801234" title="Navy">Navy</button></div>', '8801234'],
    ['a checked radio with an id as data-value', '<fieldset><legend>Size</legend><input type="radio" name="size" id="m" value="M" data-value="5512-0038" checked><label for="m">38</label></fieldset>', '5512-0038'],
  ])('%s', (_, controls, id) => {
    expect(detect(page(controls)).variant?.id).toBe(id);
  });

  it.each([
    ['a swatch whose data-value is its colour code', '<div class="color-swatches"><button aria-pressed="true" class="swatch" data-value="1110356">Navy</button></div>'],
    ['a data-value that is a size', '<fieldset><legend>Size</legend><input type="radio" name="size" id="m" value="M" data-value="38" checked><label for="m">38</label></fieldset>'],
    ['an unselected option', '<label for="s">Size</label><select id="s"><option value="" selected>Choose</option><option value="m" data-variant-id="41002">M</option></select>'],
  ])('%s states no id', (_, controls) => {
    expect(detect(page(controls)).variant?.id ?? null).toBeNull();
  });

  it('the URL names the variant before the selected control does', () => {
    const controls = '<label for="s">Size</label><select id="s"><option value="m" data-variant-id="41002" selected>M</option></select>';
    expect(detect(page(controls), 'https://shop.example/p/tee?variant=41001').variant?.id).toBe('41001');
  });

  it("a stated SKU picks the structured data's variant", () => {
    const sizes = ld({ '@type': 'ProductGroup', name: 'Tee', hasVariant: ['S', 'M'].map((size, at) => ({ '@type': 'Product', sku: `TEE-10-${size}`, productID: `${at + 1}`, size, offers: { price: '10', priceCurrency: 'EUR' } })) });
    const controls = '<fieldset><legend>Size</legend><input type="radio" name="size" id="m" value="x" data-sku="TEE-10-M" checked><label for="m">Medium</label></fieldset>';
    expect(detect(`${sizes}${page(controls)}`).variant).toMatchObject({ id: '2', sku: 'TEE-10-M' });
  });
});
