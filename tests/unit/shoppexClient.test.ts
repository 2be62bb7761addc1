import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../utils/services/errors';
import { type ShoppexSessionInput, createShoppexClient, describeShoppexError, sessionBody } from '../../utils/services/shoppex/client';
import { shoppexOutcome } from '../../utils/services/shoppex/status';
import { SHOPPEX_NO_SCOPE_KEY, startSandbox } from '../sandbox/index.mjs';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.shoppex.reset());

const client = (overrides: Partial<Parameters<typeof createShoppexClient>[0]> = {}) =>
  createShoppexClient({ baseUrl: sandbox.shoppex.baseUrl, apiKey: sandbox.shoppex.apiKey, fetch, timeoutMs: 1000, ...overrides });
const input = (overrides: Partial<ShoppexSessionInput> = {}, scenario = ''): ShoppexSessionInput => ({
  productName: 'Merino Crew T-Shirt — Blue / M',
  quantity: 1,
  amount: '29.00',
  currency: 'USD',
  customerEmail: 'grete@example.org',
  productUrl: `${sandbox.shopUrl}/products/merino-tee?variant=4242${scenario ? `&sc_scenario=${scenario}` : ''}`,
  ...overrides,
});
const posts = () => sandbox.shoppex.requests.filter((r) => r.method === 'POST');

async function errorOf(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('capabilities', () => {
  it('lists the enabled gateways with the Bearer key', async () => {
    expect(await client().capabilities()).toEqual({ gateways: ['STRIPE', 'PAYPAL', 'NATIVE_CRYPTO'] });
    const [request] = sandbox.shoppex.requests;
    expect(request).toMatchObject({ method: 'GET', path: '/me/capabilities' });
    expect(request!.headers.authorization).toBe(`Bearer ${sandbox.shoppex.apiKey}`);
  });

  it('testConnection tells a good key from a bad one, with the service words', async () => {
    expect(await client().testConnection()).toEqual({ outcome: 'works' });
    const failed = await client({ apiKey: 'shx_wrong' }).testConnection();
    expect(failed.outcome).toBe('failed');
    if (failed.outcome === 'failed') expect(failed.error).toMatchObject({ kind: 'auth', status: 401, code: 'UNAUTHORIZED', serviceMessage: 'Invalid or missing API key.' });
  });
});

describe('createSession', () => {
  it('posts the documented body with the Idempotency-Key and reads the session', async () => {
    const session = await client().createSession(input({ successUrl: 'https://seller.example/thanks', cancelUrl: 'https://seller.example/cart' }), 'intent-1');
    expect(session).toMatchObject({ status: 'PENDING', amount: { amount: '29.00', currency: 'USD' } });
    expect(session.checkoutUrl).toBe(`${sandbox.apiUrl}/shoppex/checkout/invoice/${session.id}`);
    expect(session.expiresAt! - Date.now()).toBeGreaterThan(23 * 3600_000);
    const [request] = posts();
    expect(request!.path).toBe('/checkout/sessions');
    expect(request!.headers['idempotency-key']).toBe('intent-1');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({
      product: { name: 'Merino Crew T-Shirt — Blue / M', quantity: 1 },
      amount: 29,
      currency: 'USD',
      customer_email: 'grete@example.org',
      success_url: 'https://seller.example/thanks',
      cancel_url: 'https://seller.example/cart',
      metadata: { product_url: input().productUrl },
    });
  });

  it.each([
    ['29', 29, '29.00'],
    ['29.5', 29.5, '29.50'],
    ['1299.99', 1299.99, '1299.99'],
    ['0.01', 0.01, '0.01'],
  ])('sends %s as the JSON number %d and reads it back as %s', async (amount, sent, read) => {
    const session = await client().createSession(input({ amount }), `k-${amount}`);
    expect(posts()[0]!.body.amount).toBe(sent);
    expect(session.amount).toEqual({ amount: read, currency: 'USD' });
    expect((await client().getPayment(session.id)).amount).toBe(read);
  });

  it('reads answers that write the currency in lower case and amounts as text ("usd", "29.0000")', async () => {
    const session = await client().createSession(input({}, 'lower_currency,amount_text'), 'k-lower');
    expect(session.amount).toEqual({ amount: '29.00', currency: 'USD' });
    sandbox.shoppex.pay(session.id);
    expect(await client().getPayment(session.id)).toMatchObject({ outcome: 'paid', amount: '29.00', currency: 'USD' });
  });

  it('the same Idempotency-Key twice gives one session', async () => {
    const first = await client().createSession(input(), 'same');
    const second = await client().createSession(input(), 'same');
    expect(second.id).toBe(first.id);
    expect(sandbox.shoppex.sessions.size).toBe(1);
  });

  it.each([
    ['no name', { productName: '  ' }],
    ['zero quantity', { quantity: 0 }],
    ['fractional quantity', { quantity: 1.5 }],
    ['amount below 0.01', { amount: '0.009' }],
    ['zero amount', { amount: '0' }],
    ['amount with a comma', { amount: '29,00' }],
    ['two-letter currency', { currency: 'US' }],
    ['no email', { customerEmail: '' }],
    ['javascript success URL', { successUrl: 'javascript:alert(1)' }],
  ])('refuses %s before sending anything', async (_name, overrides) => {
    const error = await errorOf(client().createSession(input(overrides), 'k'));
    expect(error).toMatchObject({ kind: 'validation', status: null });
    expect(sandbox.shoppex.requests).toHaveLength(0);
  });

  it('upper-cases the currency and collapses spaces in the name', () => {
    expect(sessionBody(input({ currency: 'eur', productName: ' Merino \n Tee ' }))).toMatchObject({ currency: 'EUR', product: { name: 'Merino Tee' } });
  });

  it('reports a 422 with code, field details and the request id', async () => {
    // The client never sends these; the sandbox still answers them as Shoppex does.
    const response = await fetch(`${sandbox.shoppex.baseUrl}/checkout/sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.shoppex.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ product: { name: 'x', quantity: 0 }, amount: '29.00', currency: 'USD' }),
    });
    expect(response.status).toBe(422);
    const described = describeShoppexError({ text: await response.text(), headers: response.headers });
    expect(described.code).toBe('VALIDATION_ERROR');
    expect(described.serviceMessage).toBe('Validation failed — product.quantity: quantity must be an integer of at least 1; amount: amount must be a number');
    expect(described.requestId).toMatch(/^req_/);
  });

  it.each([
    ['wrong key', { apiKey: 'shx_nope' }, '', 'auth', 401, 'UNAUTHORIZED', 'Invalid or missing API key.'],
    ['key without the scope', { apiKey: SHOPPEX_NO_SCOPE_KEY }, '', 'auth', 403, 'FORBIDDEN', 'Missing required API scope: payments:write'],
    ['business rule', {}, 'post_400', 'validation', 400, 'SHOP_SUSPENDED', 'This shop cannot accept payments right now.'],
    ['rate limited', {}, 'post_429', 'rate_limited', 429, 'RATE_LIMITED', 'Too many requests.'],
    ['server error', {}, 'post_500', 'server', 500, 'INTERNAL_ERROR', 'Internal error.'],
  ])('%s → %s, sent exactly once', async (_name, overrides, scenario, kind, status, code, serviceMessage) => {
    const error = await errorOf(client(overrides).createSession(input({}, scenario), 'k'));
    expect(error).toMatchObject({ kind, status, code, serviceMessage });
    expect(error.requestId).toBe(posts()[0]!.requestId);
    expect(posts()).toHaveLength(1);
    if (kind === 'rate_limited') expect(error.retryAfterMs).toBe(30_000);
  });

  it('an empty key → 401', async () => {
    const error = await errorOf(client({ apiKey: '' }).capabilities());
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
  });

  it('a gateway the shop has not enabled is a 400 business rule', async () => {
    const error = await errorOf(client().createSession(input({ gateway: 'OXAPAY' }), 'k'));
    expect(error).toMatchObject({ kind: 'validation', status: 400, code: 'GATEWAY_NOT_ENABLED' });
  });

  it('a malformed answer is unexpected_response, and the session exists (retry with the same key finds it)', async () => {
    const error = await errorOf(client().createSession(input({}, 'post_malformed'), 'lost'));
    expect(error.kind).toBe('unexpected_response');
    expect(error.requestId).toMatch(/^req_/);
    expect(sandbox.shoppex.sessions.size).toBe(1);
  });

  it('a hanging answer times out; a retry with the same key returns the same session', async () => {
    const error = await errorOf(client({ timeoutMs: 200 }).createSession(input({}, 'post_hang'), 'hung'));
    expect(error.kind).toBe('timeout');
    const [created] = sandbox.shoppex.sessions.values();
    expect((await client().createSession(input(), 'hung')).id).toBe(created.id);
    expect(sandbox.shoppex.sessions.size).toBe(1);
  });

  it('a redirect is refused, not followed with the key', async () => {
    sandbox.shoppex.failNext({ redirect: 'http://127.0.0.1:9/elsewhere' });
    expect((await errorOf(client().createSession(input(), 'k'))).kind).toBe('network');
    expect(sandbox.shoppex.sessions.size).toBe(0);
  });

  it('Retry-After as an HTTP date and capped at 10 minutes', async () => {
    sandbox.shoppex.failNext({ status: 429, retryAfter: new Date(Date.now() + 20_000).toUTCString() });
    const dated = await errorOf(client().capabilities());
    expect(dated.retryAfterMs).toBeGreaterThan(15_000);
    expect(dated.retryAfterMs).toBeLessThanOrEqual(20_000);
    sandbox.shoppex.failNext({ status: 429, retryAfter: '3600' });
    expect((await errorOf(client().capabilities())).retryAfterMs).toBe(600_000);
    sandbox.shoppex.failNext({ status: 429 });
    expect((await errorOf(client().capabilities())).retryAfterMs).toBeNull();
  });

  it('an answer without a checkout URL is unexpected_response', async () => {
    sandbox.shoppex.failNext({ status: 200, body: { data: { id: 'pay_1', status: 'PENDING' } } });
    expect((await errorOf(client().createSession(input(), 'k'))).kind).toBe('unexpected_response');
  });

  it('falls back to `url`, ignores a non-http checkout URL and reads expires_at in seconds', async () => {
    sandbox.shoppex.failNext({ status: 200, body: { data: { id: 'pay_1', status: 'PENDING', url: 'https://checkout.shoppex.io/invoice/1', checkout_url: 'javascript:alert(1)', expires_at: 1764600000, amount: 'n/a', extra: 1 } } });
    expect(await client().createSession(input(), 'k')).toEqual({
      id: 'pay_1',
      checkoutUrl: 'https://checkout.shoppex.io/invoice/1',
      status: 'PENDING',
      expiresAt: 1764600000000,
      amount: null,
    });
  });
});

describe('getPayment', () => {
  const create = async (scenario = '', amount = '29.00') => (await client().createSession(input({ amount }, scenario), `k-${Math.random()}`)).id;

  it('follows a session from pending to paid with total and currency', async () => {
    const id = await create('', '58.5');
    expect(await client().getPayment(id)).toEqual({ id, outcome: 'pending', rawStatus: 'PENDING', detail: null, amount: '58.50', currency: 'USD', notes: null });
    sandbox.shoppex.pay(id);
    expect(await client().getPayment(id)).toMatchObject({ outcome: 'paid', rawStatus: 'COMPLETED', amount: '58.50' });
    expect(sandbox.shoppex.requests.at(-1)).toMatchObject({ method: 'GET', path: `/payments/${id}` });
  });

  it.each([
    ['cancel', 'VOIDED', 'voided'],
    ['expire', 'VOIDED', 'voided'],
  ] as const)('%s → %s (%s)', async (action, rawStatus, outcome) => {
    const id = await create();
    sandbox.shoppex[action](id);
    expect(await client().getPayment(id)).toMatchObject({ rawStatus, outcome });
  });

  it('expires by itself when the payment window closes', async () => {
    const session = await client().createSession(input({ productUrl: `${sandbox.shopUrl}/products/merino-tee?sc_expire_ms=100` }), 'short');
    expect(session.expiresAt! - Date.now()).toBeLessThanOrEqual(100);
    await new Promise((r) => setTimeout(r, 150));
    expect(await client().getPayment(session.id)).toMatchObject({ outcome: 'voided', rawStatus: 'VOIDED' });
  });

  it('crypto payments wait for confirmations first', async () => {
    const id = await create('crypto');
    sandbox.shoppex.pay(id);
    expect(await client().getPayment(id)).toMatchObject({ outcome: 'pending', detail: 'confirmations', rawStatus: 'WAITING_FOR_CONFIRMATIONS' });
  });

  it.each([
    ['PARTIAL', 'pending', 'partial'],
    ['REFUNDED', 'refunded', null],
    ['REVERSED', 'reversed', null],
    ['CUSTOMER_DISPUTE_ONGOING', 'disputed', null],
    ['ON_HOLD_FOR_REVIEW', 'pending', null],
  ])('%s → %s', async (status, outcome, detail) => {
    const id = await create();
    sandbox.shoppex.setStatus(id, status);
    expect(await client().getPayment(id)).toMatchObject({ outcome, detail, rawStatus: status });
  });

  it('an unknown status stays pending with the raw value kept', async () => {
    const id = await create('unknown_status');
    expect(await client().getPayment(id)).toMatchObject({ outcome: 'pending', rawStatus: 'AWAITING_REVIEW' });
  });

  it.each([
    ['get_500', 'server'],
    ['get_429', 'rate_limited'],
    ['get_malformed', 'unexpected_response'],
    ['get_missing_fields', 'unexpected_response'],
    ['get_wrong_id', 'unexpected_response'],
  ])('%s → %s (transient)', async (scenario, kind) => {
    const id = await create(scenario);
    const error = await errorOf(client().getPayment(id));
    expect(error.kind).toBe(kind);
    expect(error.isTransient).toBe(true);
    expect(error.requestId).toMatch(/^req_/);
    if (kind === 'rate_limited') expect(error.retryAfterMs).toBe(1000);
  });

  it('a hanging GET times out', async () => {
    const id = await create('get_hang');
    expect((await errorOf(client({ timeoutMs: 200 }).getPayment(id))).kind).toBe('timeout');
  });

  it('an unknown id is not_found with code and request id', async () => {
    const error = await errorOf(client().getPayment('pay_missing'));
    expect(error).toMatchObject({ kind: 'not_found', status: 404, code: 'NOT_FOUND', serviceMessage: 'Payment not found.' });
    expect(error.requestId).toMatch(/^req_/);
  });

  it('encodes the id into the path', async () => {
    await errorOf(client().getPayment('a/b?c'));
    expect(sandbox.shoppex.requests.at(-1)!.path).toBe('/payments/a%2Fb%3Fc');
  });

  it('pays through the hosted page buttons', async () => {
    const session = await client().createSession(input(), 'page');
    const page = await (await fetch(session.checkoutUrl)).text();
    expect(page).toContain('>Pay</button>');
    expect(page).toContain('>Cancel</button>');
    expect(page).toContain('>Expire</button>');
    const paid = await fetch(`${session.checkoutUrl}/pay`, { method: 'POST' });
    expect(await paid.text()).toContain('Payment complete');
    expect((await client().getPayment(session.id)).outcome).toBe('paid');
  });
});

describe('shoppexOutcome', () => {
  it.each([
    ['PENDING', 'pending', null],
    ['WAITING_FOR_CONFIRMATIONS', 'pending', 'confirmations'],
    ['PARTIAL', 'pending', 'partial'],
    ['COMPLETED', 'paid', null],
    ['completed', 'paid', null],
    ['VOIDED', 'voided', null],
    ['REFUNDED', 'refunded', null],
    ['REVERSED', 'reversed', null],
    ['CUSTOMER_DISPUTE_ONGOING', 'disputed', null],
    ['SOMETHING_NEW', 'pending', null],
  ])('%s → %s / %s', (status, outcome, detail) => {
    expect(shoppexOutcome(status)).toEqual({ outcome, detail });
  });
});

describe('describeShoppexError', () => {
  const headers = new Headers({ 'x-request-id': 'req_9' });
  it.each([
    ['{"error":{"code":"NOT_FOUND","message":"Gone"}}', 'Gone', 'NOT_FOUND'],
    ['{"error":{"message":"Bad","details":[{"field":"amount","message":"too low"},{"message":"other"}]}}', 'Bad — amount: too low; other', null],
    ['{"error":"plain words"}', 'plain words', null],
    ['<html>oops</html>', null, null],
    ['{"error":{}}', null, null],
  ])('%s', (text, serviceMessage, code) => {
    expect(describeShoppexError({ text, headers })).toEqual({ serviceMessage, code, requestId: 'req_9' });
  });
});
