import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSmartcheckoutClient, messageFromBody } from '../../utils/services/smartcheckout/client';
import { SmartcheckoutError, parseRetryAfter } from '../../utils/services/smartcheckout/errors';
import { startSandbox, SANDBOX_FORBIDDEN_KEY } from '../sandbox/index.mjs';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sandbox = await startSandbox({ completionDelayMs: 200 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.api.reset());

const client = (overrides: Partial<Parameters<typeof createSmartcheckoutClient>[0]> = {}) =>
  createSmartcheckoutClient({ baseUrl: sandbox.apiUrl, apiKey: sandbox.apiKey, fetch, timeoutMs: 1000, ...overrides });
const product = (query = '') => `${sandbox.shopUrl}/products/merino-tee${query}`;
const userData = { email: 'ada@example.com', prompt: 'Size M', quantity: 1 };

async function errorOf(promise: Promise<unknown>): Promise<SmartcheckoutError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmartcheckoutError);
  return error as SmartcheckoutError;
}

describe('createCheckout', () => {
  it('posts url and user_data with the Bearer key and the Idempotency-Key', async () => {
    const created = await client().createCheckout(product('?variant=4242'), userData, 'intent-1');
    expect(created.status).toBe('processing');
    expect(created.checkoutId).toMatch(/^[0-9a-f-]{36}$/);
    const request = sandbox.api.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v0/checkout');
    expect(request.headers.authorization).toBe(`Bearer ${sandbox.apiKey}`);
    expect(request.headers['idempotency-key']).toBe('intent-1');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({ url: product('?variant=4242'), user_data: userData });
  });

  it('tolerates a trailing slash in the base URL', async () => {
    await client({ baseUrl: `${sandbox.apiUrl}/` }).createCheckout(product(), userData, 'k');
    expect(sandbox.api.requests[0]!.path).toBe('/v0/checkout');
  });

  it.each([
    ['wrong key', { apiKey: 'nope' }, '', 'auth', 401],
    ['forbidden key', { apiKey: SANDBOX_FORBIDDEN_KEY }, '', 'auth', 403],
    ['server error', {}, '?sc_scenario=post_500', 'server', 500],
    ['rate limited', {}, '?sc_scenario=post_429', 'rate_limited', 429],
    ['malformed answer', {}, '?sc_scenario=post_malformed', 'unexpected_response', null],
    ['hanging answer', { timeoutMs: 300 }, '?sc_scenario=post_hang', 'timeout', null],
  ])('%s → %s error, sent exactly once', async (_name, overrides, query, kind, status) => {
    const error = await errorOf(client(overrides).createCheckout(product(query), userData, 'k'));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(sandbox.api.requests.filter((r: { method: string }) => r.method === 'POST')).toHaveLength(1);
  });

  it('reports Retry-After on 429', async () => {
    const error = await errorOf(client().createCheckout(product('?sc_scenario=post_429'), userData, 'k'));
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('shows the service message on 422', async () => {
    const error = await errorOf(client().createCheckout(product('?sc_scenario=post_422'), userData, 'k'));
    expect(error.kind).toBe('validation');
    expect(error.message).toBe('The agent cannot buy from this shop.');
  });

  it('reports a closed port as a network error', async () => {
    const error = await errorOf(client({ baseUrl: 'http://127.0.0.1:9' }).createCheckout(product(), userData, 'k'));
    expect(error.kind).toBe('network');
  });

  it('returns the same checkout for the same Idempotency-Key', async () => {
    const first = await client().createCheckout(product(), userData, 'same');
    const second = await client().createCheckout(product(), userData, 'same');
    expect(second.checkoutId).toBe(first.checkoutId);
  });
});

describe('getCheckout', () => {
  it('follows a checkout to completed with the amount and currency', async () => {
    const { checkoutId } = await client().createCheckout(product('?variant=4243'), { ...userData, quantity: 2 }, 'k');
    const processing = await client().getCheckout(checkoutId);
    expect(processing).toMatchObject({ id: checkoutId, status: 'processing', amount: null });
    await new Promise((r) => setTimeout(r, 250));
    const done = await client().getCheckout(checkoutId);
    expect(done).toMatchObject({ status: 'completed', amount: '62.00', currency: 'USD', product: null });
  });

  it('reads what the agent says it bought when its answer names a product (beyond the contract)', async () => {
    const { checkoutId } = await client().createCheckout(product('?sc_scenario=other_product&sc_delay=0'), userData, 'k');
    expect(await client().getCheckout(checkoutId)).toMatchObject({ status: 'completed', product: { url: `${sandbox.shopUrl}/products/limited-print`, name: null } });
  });

  it('reports a failure with the notes', async () => {
    const { checkoutId } = await client().createCheckout(product('?sc_scenario=fail&sc_delay=0&sc_notes=No+stock'), userData, 'k');
    expect(await client().getCheckout(checkoutId)).toMatchObject({ status: 'failed', notes: 'No stock' });
  });

  it('treats an unknown status as processing, keeping the raw value', async () => {
    const { checkoutId } = await client().createCheckout(product('?sc_scenario=unknown_status&sc_delay=600'), userData, 'k');
    await new Promise((r) => setTimeout(r, 250));
    expect(await client().getCheckout(checkoutId)).toMatchObject({ status: 'processing', rawStatus: 'awaiting_agent' });
  });

  it.each([
    ['get_500', 'server'],
    ['get_429', 'rate_limited'],
    ['get_malformed', 'unexpected_response'],
    ['get_missing_fields', 'unexpected_response'],
  ])('%s → %s, then recovers', async (scenario, kind) => {
    const { checkoutId } = await client().createCheckout(product(`?sc_scenario=${scenario}&sc_delay=0`), userData, 'k');
    const error = await errorOf(client().getCheckout(checkoutId));
    expect(error.kind).toBe(kind);
    expect(error.isTransient).toBe(true);
    if (kind === 'rate_limited') expect(error.retryAfterMs).toBe(1000);
    if (scenario === 'get_500') await errorOf(client().getCheckout(checkoutId));
    expect((await client().getCheckout(checkoutId)).status).toBe('completed');
  });

  it('aborts a hanging GET as a timeout', async () => {
    const { checkoutId } = await client().createCheckout(product('?sc_scenario=get_hang'), userData, 'k');
    const error = await errorOf(client({ timeoutMs: 200 }).getCheckout(checkoutId));
    expect(error.kind).toBe('timeout');
  });

  it('refuses an answer about another checkout id', async () => {
    const { checkoutId } = await client().createCheckout(product('?sc_scenario=get_wrong_id&sc_delay=0'), userData, 'k');
    const error = await errorOf(client().getCheckout(checkoutId));
    expect(error.kind).toBe('unexpected_response');
    expect((await client().getCheckout(checkoutId)).id).toBe(checkoutId);
  });

  it('reports an unknown id as not_found', async () => {
    const error = await errorOf(client().getCheckout('00000000-0000-4000-8000-000000000000'));
    expect(error.kind).toBe('not_found');
    expect(error.isTransient).toBe(false);
  });
});

describe('error helpers', () => {
  it.each([
    ['{"error":"Bad url"}', 'Bad url'],
    ['{"message":"Missing email"}', 'Missing email'],
    ['{"detail":{"message":"Nested"}}', 'Nested'],
    ['{"detail":[{"msg":"a"},{"msg":"b"}]}', 'a; b'],
    ['{"error":{"code":7}}', '{"code":7}'],
    ['not json', null],
    ['{"other":"x"}', null],
  ])('messageFromBody(%s) → %s', (body, expected) => {
    expect(messageFromBody(body)).toBe(expected);
  });

  it.each([
    ['5', 5000],
    ['0', 0],
    ['Sat, 21 Nov 2026 12:00:10 GMT', 10_000],
    ['soon', null],
    [null, null],
    // Capped at 10 minutes, read as seconds or as a date; never negative, never an exponent.
    ['999999999999', 600_000],
    ['3600', 600_000],
    ['Sun, 21 Nov 2027 12:00:00 GMT', 600_000],
    ['Fri, 20 Nov 2026 12:00:00 GMT', 0],
    ['-5', null],
    ['1e3', null],
  ])('parseRetryAfter(%s) → %s', (header, expected) => {
    expect(parseRetryAfter(header, Date.parse('Sat, 21 Nov 2026 12:00:00 GMT'))).toBe(expected);
  });
});

describe('the API key goes only where the user meant', () => {
  it('never follows a redirect with the key, to another host or at all', async () => {
    const elsewhere: IncomingHttpHeaders[] = [];
    const thief = createServer((req, res) => {
      elsewhere.push(req.headers);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"x","status":"completed","checkout_id":"x"}');
    });
    const redirector = createServer((req, res) => {
      res.writeHead(307, { Location: `http://localhost:${(thief.address() as AddressInfo).port}${req.url}` }).end();
    });
    await Promise.all([thief, redirector].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
    try {
      const moved = client({ baseUrl: `http://127.0.0.1:${(redirector.address() as AddressInfo).port}` });
      expect((await errorOf(moved.getCheckout('x'))).kind).toBe('network');
      expect((await errorOf(moved.createCheckout(product(), userData, 'k'))).kind).toBe('network');
      expect(elsewhere).toEqual([]);
    } finally {
      thief.close();
      redirector.close();
    }
  });

  it('asks fetch not to follow redirects and not to send credentials, on every request', async () => {
    const inits: RequestInit[] = [];
    const recording: typeof fetch = async (_input, init) => {
      inits.push(init!);
      return new Response('{"checkout_id":"c1","id":"c1","status":"processing"}', { status: 200 });
    };
    await client({ fetch: recording }).createCheckout(product(), userData, 'k');
    await client({ fetch: recording }).getCheckout('c1');
    expect(inits.map((init) => [init.redirect, init.credentials])).toEqual([['error', 'omit'], ['error', 'omit']]);
  });
});
