// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CheckoutLinks, checkoutLinkCandidates, checkoutLinksFrom } from '../../utils/product/checkoutLinks';

/** What a detection finds on `doc`: the page collects the candidates, the extension recognises them. */
const findCheckoutLinks = (doc: Document, pageUrl: string): CheckoutLinks => checkoutLinksFrom(checkoutLinkCandidates(doc, pageUrl));

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('findCheckoutLinks', () => {
  it('finds Creem products and Diddo carts in links and QR images, deduplicated, in page order', () => {
    const html = readFileSync(join(import.meta.dirname, 'fixtures/pages/checkout-links.html'), 'utf8');
    expect(findCheckoutLinks(parse(html), 'https://campaign.example/spring')).toEqual({
      creemProducts: ['prod_6tW66i0oZM7w1qXReHJrwg', 'prod_2bQ'],
      diddoCarts: ['01JD3Z8Q7W5V2K9T4M6N8P0R1S', '01JD3ZC4H6K8M0P2R4T6V8X0Z2'],
    });
  });

  it('finds nothing on a page without such links', () => {
    expect(findCheckoutLinks(parse('<p><a href="/about">About</a><img src="/logo.png"></p>'), 'https://shop.example/')).toEqual({ creemProducts: [], diddoCarts: [] });
  });

  it('resolves relative URLs against <base href>', () => {
    const doc = parse('<base href="https://api.diddo.example/v2/"><img src="checkout/01JD3Z8Q7W5V2K9T4M6N8P0R1S/qr">');
    expect(findCheckoutLinks(doc, 'https://elsewhere.example/page').diddoCarts).toEqual(['01JD3Z8Q7W5V2K9T4M6N8P0R1S']);
  });

  it('ignores unparsable hrefs', () => {
    const doc = parse('<a href="http://[creem.io/payment/prod_x">broken</a><a href="https://creem.io/payment/prod_ok">ok</a>');
    expect(findCheckoutLinks(doc, 'https://shop.example/').creemProducts).toEqual(['prod_ok']);
  });

  it('keeps at most 20 of each', () => {
    const links = Array.from({ length: 30 }, (_, i) => `<a href="https://creem.io/payment/prod_${i}">${i}</a>`).join('');
    const result = findCheckoutLinks(parse(links), 'https://shop.example/');
    expect(result.creemProducts).toHaveLength(20);
    expect(result.creemProducts[19]).toBe('prod_19');
  });

  it('reads at most 2,000 elements', () => {
    const filler = '<a href="/x">x</a>'.repeat(2000);
    const doc = parse(`${filler}<a href="https://creem.io/payment/prod_late">late</a>`);
    expect(findCheckoutLinks(doc, 'https://shop.example/').creemProducts).toEqual([]);
  });

  it('collects candidate URLs in the page and recognises them outside it, images never as Creem links', () => {
    const doc = parse('<img src="https://creem.io/payment/prod_img"><a href="/about">About</a><a href="https://creem.io/payment/prod_a">a</a><img src="/checkout/01JD3Z8Q7W5V2K9T4M6N8P0R1S/qr">');
    const candidates = checkoutLinkCandidates(doc, 'https://shop.example/p');
    expect(candidates).toEqual([
      { url: 'https://creem.io/payment/prod_img', image: true },
      { url: 'https://creem.io/payment/prod_a', image: false },
      { url: 'https://shop.example/checkout/01JD3Z8Q7W5V2K9T4M6N8P0R1S/qr', image: true },
    ]);
    expect(checkoutLinksFrom(candidates)).toEqual({ creemProducts: ['prod_a'], diddoCarts: ['01JD3Z8Q7W5V2K9T4M6N8P0R1S'] });
  });

  it('reads the demo shop pages', async () => {
    const { startSandbox, CREEM_COURSE_PRODUCT_ID, DIDDO_SINGLE_STORE_CART, DIDDO_TWO_STORE_CART } = await import('../sandbox/index.mjs');
    const sandbox = await startSandbox();
    try {
      const read = async (path: string) => findCheckoutLinks(parse(await (await fetch(`${sandbox.shopUrl}${path}`)).text()), `${sandbox.shopUrl}${path}`);
      expect(await read('/products/pour-over-kettle')).toEqual({ creemProducts: [CREEM_COURSE_PRODUCT_ID], diddoCarts: [] });
      expect(await read('/products/merino-tee')).toEqual({ creemProducts: [], diddoCarts: [] });
      expect(await read('/diddo')).toEqual({ creemProducts: [], diddoCarts: [DIDDO_SINGLE_STORE_CART] });
      expect(await read('/diddo/bundles')).toEqual({ creemProducts: [], diddoCarts: [DIDDO_SINGLE_STORE_CART, DIDDO_TWO_STORE_CART] });
    } finally {
      await sandbox.close();
    }
  });
});
