import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CreemCheckoutInput, createCreemClient, describeCreemError } from '../../utils/services/creem/client';
import { CREEM_LIVE_BASE_URL, CREEM_TEST_BASE_URL, baseUrlForKey, modeOfKey } from '../../utils/services/creem/key';
import { bestProductMatch, matchScore, nameTokens } from '../../utils/services/creem/match';
import { paymentLinkProductId } from '../../utils/product/links/creemPaymentLink';
import { creemOutcome } from '../../utils/services/creem/status';
import { ServiceError } from '../../utils/services/errors';
import { CREEM_COURSE_PRODUCT_ID, CREEM_LIMIT_KEY, CREEM_MERINO_PRODUCT_ID, startSandbox } from '../sandbox/index.mjs';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.creem.reset());

const client = (overrides: Partial<Parameters<typeof createCreemClient>[0]> = {}) =>
  createCreemClient({ baseUrl: sandbox.creem.baseUrl, apiKey: sandbox.creem.apiKey, fetch, timeoutMs: 1000, ...overrides });
const input = (overrides: Partial<CreemCheckoutInput> = {}, scenario = ''): CreemCheckoutInput => ({
  productId: CREEM_MERINO_PRODUCT_ID,
  units: 1,
  customerEmail: 'grete@example.org',
  requestId: `intent-${Math.random()}`,
  metadata: { page_url: `${sandbox.shopUrl}/products/merino-tee${scenario ? `?sc_scenario=${scenario}` : ''}` },
  ...overrides,
});
const posts = () => sandbox.creem.requests.filter((r) => r.method === 'POST');

async function errorOf(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('products', () => {
  it('searches with x-api-key and converts cents to decimals', async () => {
    const page = await client().searchProducts({ page: 1, pageSize: 50 });
    expect(page).toMatchObject({ page: 1, totalPages: 1, nextPage: null });
    expect(page.items).toHaveLength(sandbox.creem.products.length);
    expect(page.items[0]).toEqual({
      id: CREEM_MERINO_PRODUCT_ID,
      name: 'Merino Crew T-Shirt',
      description: 'The Northwind merino tee, shipped from our studio.',
      price: '29.00',
      currency: 'USD',
      billingType: 'onetime',
      status: 'active',
      imageUrl: null,
      productUrl: `https://creem.io/payment/${CREEM_MERINO_PRODUCT_ID}`,
    });
    expect(page.items.map((p) => p.price)).toEqual(['29.00', '49.00', '9.99', '0.01', '1299.99', '12.99', '15.00']);
    const [request] = sandbox.creem.requests;
    expect(request).toMatchObject({ method: 'GET', path: '/v1/products/search', query: { page_number: '1', page_size: '50' } });
    expect(request!.headers['x-api-key']).toBe(sandbox.creem.apiKey);
    expect(request!.headers.authorization).toBeUndefined();
  });

  it('pages through the store', async () => {
    const pages = [];
    for (let page: number | null = 1; page !== null; ) {
      const result = await client().searchProducts({ page, pageSize: 3 });
      pages.push(result);
      page = result.nextPage;
    }
    expect(pages.map((p) => [p.page, p.totalPages, p.items.length])).toEqual([
      [1, 3, 3],
      [2, 3, 3],
      [3, 3, 1],
    ]);
  });

  it('leaves out a product it cannot read instead of failing the page', async () => {
    sandbox.creem.failNext({ status: 200, body: { items: [{ id: 'prod_a', name: 'A', price: 100, currency: 'EUR' }, { id: 'prod_b', name: 'B', price: 'free' }] } });
    expect(await client().searchProducts({ page: 1, pageSize: 10 })).toEqual({
      items: [{ id: 'prod_a', name: 'A', description: null, price: '1.00', currency: 'EUR', billingType: null, status: null, imageUrl: null, productUrl: null }],
      page: 1,
      totalPages: 1,
      nextPage: null,
    });
  });

  it('reads one product, and 404 for an unknown one', async () => {
    expect((await client().getProduct(CREEM_COURSE_PRODUCT_ID)).name).toBe('Pour-Over Brewing Masterclass');
    expect(sandbox.creem.requests[0]).toMatchObject({ path: '/v1/products', query: { product_id: CREEM_COURSE_PRODUCT_ID } });
    const error = await errorOf(client().getProduct('prod_missing'));
    expect(error).toMatchObject({ kind: 'not_found', status: 404, serviceMessage: 'Product not found', code: null });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a page size over 100 is a 400 with the messages joined', async () => {
    const error = await errorOf(client().searchProducts({ page: 1, pageSize: 101 }));
    expect(error).toMatchObject({ kind: 'validation', status: 400, serviceMessage: 'page_size must not be greater than 100' });
  });

  it.each([
    ['no key', '', 401, 'Missing API key'],
    ['invalid key', 'creem_test_wrong', 403, 'Invalid API key'],
    ['limit reached', CREEM_LIMIT_KEY, 403, 'API key limit reached'],
  ])('%s → auth %i', async (_name, apiKey, status, serviceMessage) => {
    const error = await errorOf(client({ apiKey }).searchProducts({ page: 1, pageSize: 1 }));
    expect(error).toMatchObject({ kind: 'auth', status, serviceMessage });
  });

  it('testConnection: works with the key, fails with another', async () => {
    expect(await client().testConnection()).toEqual({ outcome: 'works' });
    expect(sandbox.creem.requests[0]!.query).toEqual({ page_number: '1', page_size: '1' });
    const failed = await client({ apiKey: 'creem_live_key' }).testConnection();
    expect(failed).toMatchObject({ outcome: 'failed', error: { kind: 'auth', status: 403 } });
  });
});

describe('createCheckout', () => {
  it('posts the documented body and returns the checkout link', async () => {
    const checkout = await client().createCheckout(input({ requestId: 'intent-1', units: 2, successUrl: 'https://seller.example/thanks' }));
    expect(checkout).toEqual({ id: expect.stringMatching(/^ch_/), checkoutUrl: `${sandbox.apiUrl}/creem/checkout/${checkout.id}`, status: 'pending' });
    expect(posts()[0]).toMatchObject({
      path: '/v1/checkouts',
      body: {
        product_id: CREEM_MERINO_PRODUCT_ID,
        request_id: 'intent-1',
        units: 2,
        customer: { email: 'grete@example.org' },
        success_url: 'https://seller.example/thanks',
        metadata: { page_url: `${sandbox.shopUrl}/products/merino-tee` },
      },
    });
    expect(posts()[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('the same request_id twice gives one checkout', async () => {
    const first = await client().createCheckout(input({ requestId: 'same' }));
    const second = await client().createCheckout(input({ requestId: 'same' }));
    expect(second.id).toBe(first.id);
    expect(sandbox.creem.checkouts.size).toBe(1);
  });

  it.each([
    ['no product', { productId: ' ' }],
    ['zero units', { units: 0 }],
    ['no request id', { requestId: '' }],
    ['no email', { customerEmail: 'nobody' }],
    ['a data: success URL', { successUrl: 'data:text/html,hi' }],
  ])('refuses %s before sending', async (_name, overrides) => {
    expect(await errorOf(client().createCheckout(input(overrides)))).toMatchObject({ kind: 'validation', status: null });
    expect(sandbox.creem.requests).toHaveLength(0);
  });

  it.each([
    ['unknown product', { productId: 'prod_missing' }, '', 'not_found', 404, 'Product not found'],
    ['archived product', { productId: 'prod_6wA4rchived0ldTemp1aV' }, '', 'validation', 400, 'Product is archived'],
    ['rate limited', {}, 'post_429', 'rate_limited', 429, 'Too many requests'],
    ['server error', {}, 'post_500', 'server', 500, 'Internal server error'],
  ])('%s → %s, sent once', async (_name, overrides, scenario, kind, status, serviceMessage) => {
    const error = await errorOf(client().createCheckout(input(overrides, scenario)));
    expect(error).toMatchObject({ kind, status, serviceMessage });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts()).toHaveLength(1);
    if (kind === 'rate_limited') expect(error.retryAfterMs).toBe(30_000);
  });

  it('a 400 lists every message the body gives', async () => {
    const response = await fetch(`${sandbox.creem.baseUrl}/v1/checkouts`, {
      method: 'POST',
      headers: { 'x-api-key': sandbox.creem.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ units: 0, customer: { email: 'x' } }),
    });
    expect(response.status).toBe(400);
    expect(describeCreemError(await response.text()).serviceMessage).toBe('product_id should not be empty; units must not be less than 1; customer.email must be an email');
  });

  it('a malformed answer is unexpected_response; retrying with the same request_id finds the checkout', async () => {
    const first = input({ requestId: 'lost' }, 'post_malformed');
    expect((await errorOf(client().createCheckout(first))).kind).toBe('unexpected_response');
    const again = await client().createCheckout(input({ requestId: 'lost' }));
    expect(sandbox.creem.checkouts.size).toBe(1);
    expect(sandbox.creem.checkouts.has(again.id)).toBe(true);
  });

  it('a hanging answer times out', async () => {
    expect((await errorOf(client({ timeoutMs: 200 }).createCheckout(input({}, 'post_hang')))).kind).toBe('timeout');
  });

  it('an answer for another request_id is unexpected_response', async () => {
    sandbox.creem.failNext({ status: 200, body: { id: 'ch_1', status: 'pending', checkout_url: 'https://checkout.creem.io/ch_1', request_id: 'someone-else' } });
    expect((await errorOf(client().createCheckout(input()))).kind).toBe('unexpected_response');
  });

  it('a redirect is refused', async () => {
    sandbox.creem.failNext({ redirect: 'http://127.0.0.1:9/' });
    expect((await errorOf(client().createCheckout(input()))).kind).toBe('network');
  });
});

describe('getCheckout', () => {
  const create = async (scenario = '', units = 1, productId = CREEM_MERINO_PRODUCT_ID) => (await client().createCheckout(input({ units, productId }, scenario))).id;

  it('pending, then paid with the order amount from cents', async () => {
    const id = await create('', 3);
    expect(await client().getCheckout(id)).toEqual({ id, outcome: 'pending', rawStatus: 'pending', detail: null, amount: null, currency: null, notes: null });
    expect(sandbox.creem.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/checkouts', query: { checkout_id: id } });
    sandbox.creem.pay(id);
    expect(await client().getCheckout(id)).toMatchObject({ outcome: 'paid', rawStatus: 'completed', amount: '87.00', currency: 'USD' });
  });

  it('a one-cent product is paid as 0.01', async () => {
    const id = await create('', 1, 'prod_9xQ1con5ampler0ne6Ct');
    sandbox.creem.pay(id);
    expect(await client().getCheckout(id)).toMatchObject({ amount: '0.01', currency: 'USD' });
  });

  it('processing is still waiting, with the detail', async () => {
    const id = await create('processing');
    sandbox.creem.pay(id);
    expect(await client().getCheckout(id)).toMatchObject({ outcome: 'pending', detail: 'processing', amount: null });
  });

  it('expired', async () => {
    const id = await create();
    sandbox.creem.expire(id);
    expect(await client().getCheckout(id)).toMatchObject({ outcome: 'expired', rawStatus: 'expired' });
  });

  it('an unknown status stays pending, raw value kept', async () => {
    const id = await create('unknown_status');
    expect(await client().getCheckout(id)).toMatchObject({ outcome: 'pending', rawStatus: 'requires_action' });
  });

  it.each([
    ['get_500', 'server'],
    ['get_429', 'rate_limited'],
    ['get_malformed', 'unexpected_response'],
    ['get_missing_fields', 'unexpected_response'],
    ['get_wrong_id', 'unexpected_response'],
  ])('%s → %s', async (scenario, kind) => {
    const id = await create(scenario);
    const error = await errorOf(client().getCheckout(id));
    expect(error.kind).toBe(kind);
    expect(error.isTransient).toBe(true);
    if (kind === 'rate_limited') expect(error.retryAfterMs).toBe(1000);
  });

  it('a hanging GET times out', async () => {
    const id = await create('get_hang');
    expect((await errorOf(client({ timeoutMs: 200 }).getCheckout(id))).kind).toBe('timeout');
  });

  it('an unknown checkout is not_found', async () => {
    expect(await errorOf(client().getCheckout('ch_missing'))).toMatchObject({ kind: 'not_found', serviceMessage: 'Checkout not found' });
  });

  it('reads an order given as an id only, and a missing amount_paid, as no amount', async () => {
    sandbox.creem.failNext({ status: 200, body: { id: 'ch_1', status: 'completed', order: 'ord_1' } });
    expect(await client().getCheckout('ch_1')).toMatchObject({ outcome: 'paid', amount: null, currency: null });
  });

  it('pays and expires through the hosted page', async () => {
    const created = await client().createCheckout(input({ successUrl: 'https://seller.example/thanks', requestId: 'req-page' }));
    const page = await (await fetch(created.checkoutUrl)).text();
    expect(page).toContain('>Pay</button>');
    expect(page).toContain('>Expire</button>');
    const paid = await (await fetch(`${created.checkoutUrl}/pay`, { method: 'POST' })).text();
    expect(paid).toContain('Payment complete');
    const back = new URL(paid.match(/href="([^"]+)">Return to the seller/)![1]!.replace(/&amp;/g, '&'));
    expect(back.searchParams.get('checkout_id')).toBe(created.id);
    expect(back.searchParams.get('request_id')).toBe('req-page');
    expect(back.searchParams.get('signature')).toMatch(/^[0-9a-f]{64}$/);
    const other = await client().createCheckout(input());
    await fetch(`${other.checkoutUrl}/expire`, { method: 'POST' });
    expect((await client().getCheckout(other.id)).outcome).toBe('expired');
  });
});

describe('pure helpers', () => {
  it.each([
    ['pending', 'pending', null],
    ['processing', 'pending', 'processing'],
    ['completed', 'paid', null],
    ['expired', 'expired', null],
    ['refunded', 'pending', null],
  ])('creemOutcome(%s) → %s', (status, outcome, detail) => {
    expect(creemOutcome(status)).toEqual({ outcome, detail });
  });

  it.each([
    ['creem_test_abc', 'test', CREEM_TEST_BASE_URL],
    ['  creem_test_abc ', 'test', CREEM_TEST_BASE_URL],
    ['creem_abc', 'live', CREEM_LIVE_BASE_URL],
    ['creem_testing', 'live', CREEM_LIVE_BASE_URL],
    ['', 'live', CREEM_LIVE_BASE_URL],
  ])('key %j → %s mode, %s', (key, mode, base) => {
    expect(modeOfKey(key)).toBe(mode);
    expect(baseUrlForKey(key)).toBe(base);
  });

  it.each([
    ['https://creem.io/payment/prod_6tW66i0oZM7w1qXReHJrwg', 'prod_6tW66i0oZM7w1qXReHJrwg'],
    ['https://www.creem.io/payment/prod_abc123/', 'prod_abc123'],
    ['https://WWW.Creem.io/payment/prod_abc123?ref=x#top', 'prod_abc123'],
    ['https://www.creem.io/test/payment/prod_abc123', 'prod_abc123'],
    ['http://creem.io/payment/prod_abc123', 'prod_abc123'],
    ['https://creem.io/payment/abc123', null],
    ['https://creem.io/payment/prod_', null],
    ['https://creem.io/payment/prod_abc/extra', null],
    ['https://evil.example/creem.io/payment/prod_abc', null],
    ['https://creem.io.evil.example/payment/prod_abc', null],
    ['https://checkout.creem.io/ch_123', null],
    ['javascript:creem.io/payment/prod_abc', null],
    ['not a url', null],
  ])('paymentLinkProductId(%s) → %s', (url, expected) => {
    expect(paymentLinkProductId(url)).toBe(expected);
  });

  const products = [
    { id: 'tee', name: 'Merino Crew T-Shirt', status: 'active' },
    { id: 'guide', name: 'Field Guide to Merino Wool (ebook)', status: 'active' },
    { id: 'course', name: 'Pour-Over Brewing Masterclass', status: 'active' },
    { id: 'old', name: 'Pour-Over Kettle Guide', status: 'archived' },
  ];
  it.each([
    ['Merino Crew T-Shirt – Blue / M', 'tee'],
    ['MERINO CREW T-SHIRT', 'tee'],
    ['Merino crew tshirt', 'tee'],
    ['Pour-over brewing masterclass (video)', 'course'],
    ['Ceramic Pour-Over Kettle', null],
    ['Merino Wool Socks', null],
    ['Pour-Over Kettle Guide', null],
    ['', null],
  ])('bestProductMatch(%s) → %s', (detected, expected) => {
    expect(bestProductMatch(products, detected)?.id ?? null).toBe(expected);
  });

  it('declines to choose between two equally good matches', () => {
    expect(bestProductMatch([{ name: 'Pro Plan' }, { name: 'Pro Plan' }], 'Pro Plan')).toBeNull();
  });

  it('normalises accents, case and joined words', () => {
    expect([...nameTokens("Crème Brûlée Men's T-Shirt, the BEST")]).toEqual(['creme', 'brulee', 'mens', 'tshirt', 'best']);
    expect(matchScore('Merino Crew T-Shirt', 'Merino Crew T-Shirt')).toBe(1);
  });
});
