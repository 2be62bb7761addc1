import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../utils/profiles/schema';
import { buyerInfoFromProfile, missingForDiddo } from '../../utils/services/diddo/buyerInfo';
import { cartIdFrom, isCartId } from '../../utils/product/links/diddoCart';
import { PROBE_CART_ID, createDiddoClient, describeDiddoError, jwtExpiry } from '../../utils/services/diddo/client';
import { DIDDO_CHECKOUT_ORIGIN, handoffUrl, maskHandoffUrl } from '../../utils/services/diddo/handoff';
import { modeOfDiddoKey } from '../../utils/services/diddo/key';
import { diddoOutcome } from '../../utils/services/diddo/status';
import { ServiceError } from '../../utils/services/errors';
import { DIDDO_FORBIDDEN_KEY, DIDDO_SINGLE_STORE_CART, DIDDO_TWO_STORE_CART, DIDDO_UNAVAILABLE_CART, startSandbox } from '../sandbox/index.mjs';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.diddo.reset());

const client = (overrides: Partial<Parameters<typeof createDiddoClient>[0]> = {}) =>
  createDiddoClient({ baseUrl: sandbox.diddo.baseUrl, apiKey: sandbox.diddo.apiKey, fetch, timeoutMs: 1000, ...overrides });

const GRETE: Profile = {
  id: 'p-grete',
  label: 'Grete',
  firstName: 'Grete',
  lastName: 'Samsa',
  email: 'grete@example.org',
  phone: '+12125550123',
  address1: '350 Fifth Avenue',
  address2: 'Suite 4',
  city: 'New York',
  province: 'NY',
  postalCode: '10118',
  country: 'US',
};
const buyer = (overrides: Partial<Profile> = {}) => buyerInfoFromProfile({ ...GRETE, ...overrides });

async function errorOf(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('the checkout flow', () => {
  it('begin → shipping → method → token → hand-off → paid', async () => {
    const checkout = await client().begin(DIDDO_SINGLE_STORE_CART);
    expect(checkout).toEqual({
      cartId: expect.any(String),
      paymentIntentId: expect.stringMatching(/^pi_/),
      currency: 'USD',
      subtotal: '58.00',
      lines: [{ name: 'Merino Crew T-Shirt', variant: 'Blue / M', quantity: 2, price: '29.00' }],
    });
    expect(isCartId(checkout.cartId)).toBe(true);
    expect(checkout.cartId).not.toBe(DIDDO_SINGLE_STORE_CART);
    const [beginRequest] = sandbox.diddo.requests;
    expect(beginRequest).toMatchObject({ method: 'POST', path: `/checkout/begin/${DIDDO_SINGLE_STORE_CART}`, body: {} });
    expect(beginRequest!.headers.authorization).toBe(`Bearer ${sandbox.diddo.apiKey}`);

    const shipping = await client().setShipping({ cartId: checkout.cartId, paymentIntentId: checkout.paymentIntentId, buyerInfo: buyer() });
    expect(shipping).toEqual({
      stores: [
        {
          store: null,
          methods: [
            { id: 1, name: 'Standard', price: '4.99', estimatedDays: '3-5' },
            { id: 2, name: 'Express', price: '12.99', estimatedDays: '1-2' },
          ],
        },
      ],
      total: '62.99',
    });
    expect(sandbox.diddo.requests[1]!.body).toEqual({
      cart_id: checkout.cartId,
      payment_intent_id: checkout.paymentIntentId,
      buyer_info: {
        first_name: 'Grete',
        last_name: 'Samsa',
        email: 'grete@example.org',
        phone: '+12125550123',
        address1: '350 Fifth Avenue',
        address2: 'Suite 4',
        city: 'New York',
        province_code: 'NY',
        postal_code: '10118',
        country_code: 'US',
      },
    });

    expect(await client().selectMethod({ cartId: checkout.cartId, shippingMethodId: 2 })).toEqual({ cartId: checkout.cartId, shippingMethodId: 2, total: '70.99', currency: 'USD' });

    const before = Date.now();
    const { token, expiresAt } = await client().mintToken(buyer());
    expect(token.split('.')).toHaveLength(3);
    expect(expiresAt - before).toBeGreaterThan(23.9 * 3600_000);
    expect(expiresAt - before).toBeLessThanOrEqual(24 * 3600_000 + 1000);

    expect(await client().cartStatus(checkout.cartId)).toEqual({ id: checkout.cartId, outcome: 'pending', rawStatus: 'IN_PROGRESS', detail: null, amount: null, currency: null, notes: null });

    // The buyer opens the hand-off link on the hosted page and pays.
    const link = handoffUrl(sandbox.diddo.checkoutBase, checkout.cartId, token);
    expect(link).toBe(`${sandbox.diddo.checkoutBase}/?cart_id=${checkout.cartId}#auth_token=${token}`);
    const page = await fetch(link); // fetch drops the fragment, as browsers do
    expect(await page.text()).toContain('>Pay</button>');
    const pay = await fetch(`${sandbox.apiUrl}/diddo/hosted/api/pay`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ cart_id: checkout.cartId, token }) });
    expect(pay.status).toBe(200);
    expect(await client().cartStatus(checkout.cartId)).toMatchObject({ outcome: 'paid', rawStatus: 'SUBMITTED' });
    for (const request of sandbox.diddo.pageRequests) expect(request.url).not.toContain(token);
  });

  it('a two-store cart answers one method list per store', async () => {
    const checkout = await client().begin(DIDDO_TWO_STORE_CART);
    expect(checkout.subtotal).toBe('85.00');
    const shipping = await client().setShipping({ cartId: checkout.cartId, paymentIntentId: checkout.paymentIntentId, buyerInfo: buyer() });
    expect(shipping.stores.map((s) => [s.store, s.methods.map((m) => m.id)])).toEqual([
      ['Northwind', [1, 2]],
      ['Hearth & Co', [3, 4]],
    ]);
    expect(shipping.total).toBe('95.98');
    await client().selectMethod({ cartId: checkout.cartId, shippingMethodId: 2 });
    expect((await client().selectMethod({ cartId: checkout.cartId, shippingMethodId: 4 })).total).toBe('112.49');
  });

  it('an address that cannot be served gets no methods', async () => {
    const checkout = await client().begin(DIDDO_SINGLE_STORE_CART);
    const shipping = await client().setShipping({ cartId: checkout.cartId, paymentIntentId: checkout.paymentIntentId, buyerInfo: buyer({ postalCode: '00000' }) });
    expect(shipping.stores).toEqual([{ store: null, methods: [] }]);
  });

  it('partially submitted carts stay pending with the detail', async () => {
    sandbox.diddo.failNext({ status: 200, body: { cart: { id: 'C1', status: 'IN_PROGRESS', stores: [{ is_submitted: true }, { is_submitted: false }] } } });
    expect(await client().cartStatus('C1')).toMatchObject({ outcome: 'pending', detail: 'partially_submitted' });
  });
});

describe('errors', () => {
  it('begin: unknown cart → not_found CART_NOT_FOUND', async () => {
    const error = await errorOf(client().begin('01JD3Z8Q7W5V2K9T4M6N8P0R1T'));
    expect(error).toMatchObject({ kind: 'not_found', status: 404, code: 'CART_NOT_FOUND', serviceMessage: 'No cart with this id.' });
  });

  it('begin: a cart that cannot be checked out → 422 validation with the reason', async () => {
    const error = await errorOf(client().begin(DIDDO_UNAVAILABLE_CART));
    expect(error).toMatchObject({ kind: 'validation', status: 422, code: 'CART_UNAVAILABLE', serviceMessage: 'This cart cannot be checked out: Limited Edition Print is out of stock.' });
  });

  it('begin: not a cart id → refused before sending', async () => {
    expect(await errorOf(client().begin('hello'))).toMatchObject({ kind: 'validation', status: null });
    expect(sandbox.diddo.requests).toHaveLength(0);
  });

  it('after payment the cart is ALREADY_SUBMITTED (409 conflict)', async () => {
    const checkout = await client().begin(DIDDO_SINGLE_STORE_CART);
    sandbox.diddo.pay(checkout.cartId);
    const error = await errorOf(client().setShipping({ cartId: checkout.cartId, paymentIntentId: checkout.paymentIntentId, buyerInfo: buyer() }));
    expect(error).toMatchObject({ kind: 'conflict', status: 409, code: 'ALREADY_SUBMITTED' });
  });

  it('shipping: missing province for a US address → 400 INVALID_BUYER_INFO', async () => {
    const checkout = await client().begin(DIDDO_SINGLE_STORE_CART);
    const error = await errorOf(client().setShipping({ cartId: checkout.cartId, paymentIntentId: checkout.paymentIntentId, buyerInfo: buyer({ province: '', phone: '' }) }));
    expect(error).toMatchObject({ kind: 'validation', status: 400, code: 'INVALID_BUYER_INFO', serviceMessage: 'buyer_info is missing or invalid: phone, province_code.' });
  });

  it('method: unknown method, or before the address', async () => {
    const checkout = await client().begin(DIDDO_SINGLE_STORE_CART);
    expect(await errorOf(client().selectMethod({ cartId: checkout.cartId, shippingMethodId: 1 }))).toMatchObject({ code: 'SHIPPING_ADDRESS_REQUIRED' });
    await client().setShipping({ cartId: checkout.cartId, paymentIntentId: checkout.paymentIntentId, buyerInfo: buyer() });
    expect(await errorOf(client().selectMethod({ cartId: checkout.cartId, shippingMethodId: 3 }))).toMatchObject({ kind: 'validation', code: 'INVALID_SHIPPING_METHOD' });
  });

  it.each([
    ['wrong key', 'diddo_test_wrong', 401, 'UNAUTHORIZED'],
    ['no key', '', 401, 'UNAUTHORIZED'],
    ['forbidden key', DIDDO_FORBIDDEN_KEY, 403, 'FORBIDDEN'],
  ])('%s → auth %i', async (_name, apiKey, status, code) => {
    expect(await errorOf(client({ apiKey }).begin(DIDDO_SINGLE_STORE_CART))).toMatchObject({ kind: 'auth', status, code });
  });

  it.each([
    [429, 'rate_limited', '2'],
    [500, 'server', undefined],
    [503, 'server', '5'],
  ])('%i → %s (transient), Retry-After honoured', async (status, kind, retryAfter) => {
    sandbox.diddo.failNext({ status, retryAfter });
    const error = await errorOf(client().cartStatus('01JD3Z8Q7W5V2K9T4M6N8P0R1S'));
    expect(error).toMatchObject({ kind, status, isTransient: true, retryAfterMs: retryAfter ? Number(retryAfter) * 1000 : null });
  });

  it.each([
    ['malformed JSON', { malformed: true }],
    ['missing fields', { status: 200, body: { cart: { id: 'X' } } }],
    ['another cart', { status: 200, body: { cart: { id: 'OTHER', status: 'SUBMITTED' } } }],
  ])('cartStatus: %s → unexpected_response', async (_name, fault) => {
    sandbox.diddo.failNext(fault);
    expect((await errorOf(client().cartStatus('X'))).kind).toBe('unexpected_response');
  });

  it('shipping without any method list is unexpected_response', async () => {
    sandbox.diddo.failNext({ status: 200, body: { cart_id: 'X', total: '1.00' } });
    expect((await errorOf(client().setShipping({ cartId: 'X', paymentIntentId: 'pi', buyerInfo: buyer() }))).kind).toBe('unexpected_response');
  });

  it('a hanging answer times out; a redirect is refused', async () => {
    sandbox.diddo.failNext({ hang: true });
    expect((await errorOf(client({ timeoutMs: 200 }).cartStatus('X'))).kind).toBe('timeout');
    sandbox.diddo.failNext({ redirect: 'http://127.0.0.1:9/' });
    expect((await errorOf(client().cartStatus('X'))).kind).toBe('network');
  });

  it('a token without expires_at falls back to the JWT exp claim', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const token = `e30.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.sig`;
    sandbox.diddo.failNext({ status: 200, body: { token } });
    expect(await client().mintToken({})).toEqual({ token, expiresAt: exp * 1000 });
    sandbox.diddo.failNext({ status: 200, body: { token: 'opaque' } });
    expect((await errorOf(client().mintToken({}))).kind).toBe('unexpected_response');
  });

  it('the hosted page refuses a forged token', async () => {
    const checkout = await client().begin(DIDDO_SINGLE_STORE_CART);
    const { token } = await client().mintToken(buyer());
    const forged = `${token.slice(0, -2)}xx`;
    const pay = await fetch(`${sandbox.apiUrl}/diddo/hosted/api/pay`, { method: 'POST', body: JSON.stringify({ cart_id: checkout.cartId, token: forged }) });
    expect(pay.status).toBe(401);
    expect((await client().cartStatus(checkout.cartId)).outcome).toBe('pending');
  });
});

describe('testConnection', () => {
  it('asks the status of a cart that cannot exist: CART_NOT_FOUND means the key works', async () => {
    expect(await client().testConnection()).toEqual({ outcome: 'works' });
    expect(sandbox.diddo.requests[0]).toMatchObject({ method: 'POST', path: `/cart/cartStatus/${PROBE_CART_ID}` });
    expect(isCartId(PROBE_CART_ID)).toBe(true);
  });

  it('a rejected key fails', async () => {
    expect(await client({ apiKey: 'nope' }).testConnection()).toMatchObject({ outcome: 'failed', error: { kind: 'auth', status: 401 } });
  });

  it('a base URL that leads to a web site, not the Diddo API (404 without Diddo’s code), fails', async () => {
    expect(await client({ baseUrl: sandbox.shopUrl }).testConnection()).toMatchObject({ outcome: 'failed', error: { kind: 'not_found' } });
  });
});

describe('sandbox QR images', () => {
  it.each([
    ['.png', 'image/png'],
    ['', 'image/png'],
    ['.svg', 'image/svg+xml'],
  ] as const)('qr%s is %s, without a key', async (extension, type) => {
    const response = await fetch(sandbox.diddo.qrUrl(DIDDO_SINGLE_STORE_CART, extension));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (type === 'image/png') expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    else expect(new TextDecoder().decode(bytes)).toMatch(/^<svg/);
    expect(cartIdFrom(sandbox.diddo.qrUrl(DIDDO_SINGLE_STORE_CART, extension))).toBe(DIDDO_SINGLE_STORE_CART);
  });

  it('an unknown cart has no QR (404 CART_NOT_FOUND)', async () => {
    const response = await fetch(sandbox.diddo.qrUrl('01JD3Z8Q7W5V2K9T4M6N8P0R1T'));
    expect(response.status).toBe(404);
    expect(describeDiddoError({ text: await response.text() }).code).toBe('CART_NOT_FOUND');
  });
});

describe('cart ids', () => {
  const ID = '01JD3Z8Q7W5V2K9T4M6N8P0R1S';
  it.each([
    [ID, true],
    ['7ZZZZZZZZZZZZZZZZZZZZZZZZZ', true],
    ['8ZZZZZZZZZZZZZZZZZZZZZZZZZ', false], // beyond 48 bits of time
    ['01JD3Z8Q7W5V2K9T4M6N8P0R1', false], // 25 characters
    ['01JD3Z8Q7W5V2K9T4M6N8P0R1SX', false], // 27
    ['01JD3Z8Q7W5V2K9T4M6N8P0RIS', false], // I is not Crockford
    ['01JD3Z8Q7W5V2K9T4M6N8P0RLS', false], // L
    ['01JD3Z8Q7W5V2K9T4M6N8P0ROS', false], // O
    ['01JD3Z8Q7W5V2K9T4M6N8P0RUS', false], // U
    ['01jd3z8q7w5v2k9t4m6n8p0r1s', false], // canonical form is upper case
    ['', false],
  ])('isCartId(%s) → %s', (text, expected) => {
    expect(isCartId(text)).toBe(expected);
  });

  it.each([
    [ID, ID],
    [`  ${ID.toLowerCase()}\n`, ID],
    [`https://checkout.shopdiddo.com/?cart_id=${ID}`, ID],
    [`https://checkout.shopdiddo.com?cart_id=${ID}&utm_source=ad`, ID],
    [`checkout.shopdiddo.com/?cart_id=${ID}`, ID],
    [`https://sandbox.checkout.shopdiddo.com/?cart_id=${ID}`, ID],
    [`https://checkout.shopdiddo.com/?cart_id=${ID}#auth_token=abc`, ID],
    [`https://api.diddo.example/checkout/${ID}/qr`, ID],
    [`https://api.diddo.example/v1/checkout/${ID}/qr.png`, ID],
    [`https://api.diddo.example/checkout/${ID}/qr.svg?size=200`, ID],
    [`https://checkout.shopdiddo.com/?cart_id=01JD3Z8Q7W5V2K9T4M6N8P0RIS`, null],
    [`https://checkout.shopdiddo.com/`, null],
    [`https://shopdiddo.com.evil.example/?cart_id=${ID}`, null],
    [`https://evil.example/?cart_id=${ID}`, null],
    [`https://api.diddo.example/checkout/${ID}/qr.gif`, null],
    [`https://api.diddo.example/checkout/${ID}`, null],
    [`javascript:alert('${ID}')`, null],
    ['hello world', null],
    ['', null],
  ])('cartIdFrom(%s) → %s', (text, expected) => {
    expect(cartIdFrom(text)).toBe(expected);
  });
});

describe('hand-off link', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjc3RfMSJ9.c2ln';
  it('puts the token only in the fragment', () => {
    const link = handoffUrl(DIDDO_CHECKOUT_ORIGIN, '01JD3Z8Q7W5V2K9T4M6N8P0R1S', token);
    expect(link).toBe(`https://checkout.shopdiddo.com/?cart_id=01JD3Z8Q7W5V2K9T4M6N8P0R1S#auth_token=${token}`);
    const url = new URL(link);
    expect(url.search).not.toContain(token);
    expect(url.hash).toBe(`#auth_token=${token}`);
  });

  it('keeps a base path, drops trailing slashes and any query or fragment of the base, and encodes', () => {
    expect(handoffUrl('http://127.0.0.1:8787/diddo/hosted/?x=1#y', 'a b', 't+/=')).toBe('http://127.0.0.1:8787/diddo/hosted/?cart_id=a%20b#auth_token=t%2B%2F%3D');
  });

  it.each([
    ['javascript:alert(1)', 'c', 't'],
    ['not a url', 'c', 't'],
    [DIDDO_CHECKOUT_ORIGIN, '', 't'],
    [DIDDO_CHECKOUT_ORIGIN, 'c', ' '],
  ])('refuses %s / %j / %j', (base, cart, tok) => {
    expect(() => handoffUrl(base, cart, tok)).toThrow();
  });

  it('masks the token for history', () => {
    expect(maskHandoffUrl(handoffUrl(DIDDO_CHECKOUT_ORIGIN, 'C', token))).toBe('https://checkout.shopdiddo.com/?cart_id=C#auth_token=…');
  });
});

describe('buyer info from a profile', () => {
  it('maps every field', () => {
    expect(buyerInfoFromProfile(GRETE)).toEqual({
      first_name: 'Grete',
      last_name: 'Samsa',
      email: 'grete@example.org',
      phone: '+12125550123',
      address1: '350 Fifth Avenue',
      address2: 'Suite 4',
      city: 'New York',
      province_code: 'NY',
      postal_code: '10118',
      country_code: 'US',
    });
  });

  it.each([
    ['a complete US profile', {}, []],
    ['no phone', { phone: '' }, ['phone']],
    ['US without a state', { province: '' }, ['province']],
    ['US with an unknown state', { province: 'XX' }, ['province']],
    ['Canada without a province', { country: 'CA', province: '', postalCode: 'K1A 0B1' }, ['province']],
    ['UK without a county (not needed)', { country: 'GB', province: '', postalCode: 'SW1Y 4JH' }, []],
    ['several gaps, in form order', { firstName: '', phone: ' ', province: '', city: '' }, ['firstName', 'phone', 'city', 'province']],
  ])('%s → %j', (_name, overrides, missing) => {
    expect(missingForDiddo({ ...GRETE, ...overrides })).toEqual(missing);
  });
});

describe('pure helpers', () => {
  it.each([
    ['IN_PROGRESS', [], 'pending', null],
    ['SUBMITTED', [true], 'paid', null],
    ['submitted', [], 'paid', null],
    ['IN_PROGRESS', [true, false], 'pending', 'partially_submitted'],
    ['ON_HOLD', [], 'pending', null],
  ] as const)('diddoOutcome(%s, %j) → %s', (status, stores, outcome, detail) => {
    expect(diddoOutcome(status, stores)).toEqual({ outcome, detail });
  });

  it.each([
    ['diddo_test_sandbox_demo', 'test'],
    ['dd_live_abc', 'live'],
    ['sk-test-123', 'test'],
    ['abcdef', null],
    ['contest_key', null],
  ])('modeOfDiddoKey(%s) → %s', (key, mode) => {
    expect(modeOfDiddoKey(key)).toBe(mode);
  });

  it.each([
    ['{"code":"CART_NOT_FOUND","message":"No cart"}', 'No cart', 'CART_NOT_FOUND'],
    ['{"error":{"code":"ALREADY_SUBMITTED","message":"Done"}}', 'Done', 'ALREADY_SUBMITTED'],
    ['{"error":"Plain"}', 'Plain', null],
    ['Service Unavailable', null, null],
  ])('describeDiddoError(%s)', (text, serviceMessage, code) => {
    expect(describeDiddoError({ text })).toEqual({ serviceMessage, code, requestId: null });
  });

  it('jwtExpiry reads exp, else null', () => {
    expect(jwtExpiry(`x.${Buffer.from('{"exp":2000000000}').toString('base64url')}.y`)).toBe(2_000_000_000_000);
    expect(jwtExpiry('x.!!!.y')).toBeNull();
    expect(jwtExpiry('opaque')).toBeNull();
  });
});
