import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { centsToDecimal, decimalToJsonNumber, decimalToUnits, normaliseDecimalString, numberToDecimal } from '../../utils/services/amount';
import { MAX_RETRY_AFTER_MS, ServiceError, kindOfStatus, parseRetryAfter } from '../../utils/services/errors';
import { timeToMs } from '../../utils/services/fields';
import { createHttp, errorFromResponse, parseJson } from '../../utils/services/http';

// A tiny server for what the sandbox cannot easily do: redirects, a body that stalls after the headers.
let server: Server;
let origin = '';
let hits = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    hits += 1;
    if (req.url === '/redirect') {
      res.writeHead(302, { Location: `${origin}/ok` });
      return res.end();
    }
    if (req.url === '/stall-body') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"partial": ');
      return; // never ends
    }
    if (req.url === '/hang') return;
    if (req.url === '/500') {
      res.writeHead(500, { 'Retry-After': '3' });
      return res.end('oops');
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ ok: true, method: req.method, url: req.url, headers: req.headers }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const http = (timeoutMs = 1000, fetchFn: typeof fetch = fetch) => createHttp({ baseUrl: `${origin}/`, fetch: fetchFn, timeoutMs, headers: { 'x-api-key': 'k' } });

async function errorOf(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('createHttp', () => {
  it('sends JSON with the service headers, query and safe fetch options', async () => {
    const seen: RequestInit[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(init!);
      return fetch(input, init);
    };
    const response = await http(1000, spy).request('POST', '/echo', { body: { a: 1 }, query: { page: 2, skip: undefined }, headers: { 'Idempotency-Key': 'i-1' } });
    const echoed = JSON.parse(response.text);
    expect(response).toMatchObject({ status: 200, ok: true });
    expect(echoed.url).toBe('/echo?page=2');
    expect(echoed.headers).toMatchObject({ 'x-api-key': 'k', 'idempotency-key': 'i-1', 'content-type': 'application/json', accept: 'application/json' });
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"a":1}', redirect: 'error', credentials: 'omit', cache: 'no-store' });
  });

  it('refuses to follow a redirect (the key must not travel on)', async () => {
    hits = 0;
    const error = await errorOf(http().request('GET', '/redirect'));
    expect(error.kind).toBe('network');
    expect(hits).toBe(1);
  });

  it('times out while waiting for headers', async () => {
    expect((await errorOf(http(150).request('GET', '/hang'))).kind).toBe('timeout');
  });

  it('times out while the body stalls after the headers', async () => {
    expect((await errorOf(http(150).request('GET', '/stall-body'))).kind).toBe('timeout');
  });

  it('reports a closed port as network, and never retries', async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    const client = createHttp({ baseUrl: 'http://127.0.0.1:9', fetch: counting, timeoutMs: 1000, headers: {} });
    expect((await errorOf(client.request('GET', '/x'))).kind).toBe('network');
    expect(calls).toBe(1);
  });

  it('hands a non-2xx answer back for the client to describe', async () => {
    const response = await http().request('GET', '/500');
    expect(response).toMatchObject({ status: 500, ok: false, text: 'oops' });
    const error = errorFromResponse(response, { serviceMessage: null, code: null, requestId: 'r' });
    expect(error).toMatchObject({ kind: 'server', status: 500, retryAfterMs: 3000, requestId: 'r' });
  });
});

describe('parseJson', () => {
  const schema = z.object({ id: z.string() });
  it.each([
    ['not json', '<html>'],
    ['missing field', '{"other":1}'],
    ['wrong type', '{"id":7}'],
  ])('%s → unexpected_response', (_name, text) => {
    expect(() => parseJson(schema, text)).toThrow(expect.objectContaining({ kind: 'unexpected_response' }));
  });
  it('never quotes the body in the error (it may hold a token)', () => {
    const error = (() => {
      try {
        parseJson(schema, '{"token": "eyJsecret');
      } catch (e) {
        return e as ServiceError;
      }
    })();
    expect(JSON.stringify([error?.message, String(error?.cause)])).not.toContain('eyJsecret');
  });

  it('ignores unknown extra fields', () => {
    expect(parseJson(schema, '{"id":"a","extra":true}')).toEqual({ id: 'a' });
  });
});

describe('errors', () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not_found'],
    [409, 'conflict'],
    [429, 'rate_limited'],
    [400, 'validation'],
    [422, 'validation'],
    [500, 'server'],
    [503, 'server'],
    [418, 'http'],
    [302, 'http'],
  ])('HTTP %i → %s', (status, kind) => {
    expect(kindOfStatus(status)).toBe(kind);
  });

  it('keeps the service words and uses them as the message', () => {
    const error = new ServiceError('validation', { status: 422, serviceMessage: 'Amount too low', code: 'VALIDATION_ERROR', requestId: 'req_1' });
    expect(error).toMatchObject({ message: 'Amount too low', serviceMessage: 'Amount too low', code: 'VALIDATION_ERROR', requestId: 'req_1', isTransient: false });
    expect(new ServiceError('server').isTransient).toBe(true);
  });

  const now = Date.parse('Sat, 21 Nov 2026 12:00:00 GMT');
  it.each([
    ['5', 5000],
    ['0', 0],
    ['1.5', 1500],
    ['Sat, 21 Nov 2026 12:00:10 GMT', 10_000],
    ['Sat, 21 Nov 2026 11:00:00 GMT', 0],
    ['86400', MAX_RETRY_AFTER_MS],
    ['Sun, 22 Nov 2026 12:00:00 GMT', MAX_RETRY_AFTER_MS],
    ['soon', null],
    ['-5', null],
    ['', null],
    [null, null],
  ])('parseRetryAfter(%s) → %s', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('amounts', () => {
  it.each([
    [2900, '29.00'],
    [1, '0.01'],
    [0, '0.00'],
    [10, '0.10'],
    [129999, '1299.99'],
    [-250, '-2.50'],
  ])('centsToDecimal(%i) → %s', (cents, expected) => {
    expect(centsToDecimal(cents)).toBe(expected);
  });

  it.each([
    [29, '29.00'],
    [29.5, '29.50'],
    [1299.99, '1299.99'],
    [0.01, '0.01'],
    [0.125, '0.125'],
    [1e-7, '0.0000001'],
    [1e21, '1000000000000000000000.00'],
  ])('numberToDecimal(%d) → %s', (value, expected) => {
    expect(numberToDecimal(value)).toBe(expected);
  });

  it.each([
    ['29.00', 29],
    ['29.5', 29.5],
    ['1299.99', 1299.99],
    ['0.01', 0.01],
    ['007.10', 7.1],
  ])('decimalToJsonNumber(%s) → %d', (text, expected) => {
    expect(decimalToJsonNumber(text)).toBe(expected);
    expect(JSON.stringify({ amount: decimalToJsonNumber(text) })).toBe(`{"amount":${expected}}`);
  });

  it.each(['', '1e3', '-1', '1,50', '12.34567', '1234567890'])('decimalToJsonNumber refuses %s', (text) => {
    expect(() => decimalToJsonNumber(text)).toThrow(RangeError);
  });

  it('compares in integer units', () => {
    expect(decimalToUnits('0.01')).toBe(100);
    expect(decimalToUnits('0.009')).toBe(90);
    expect(normaliseDecimalString('58')).toBe('58.00');
    expect(normaliseDecimalString('abc')).toBeNull();
  });

  it.each([
    [1764600000, 1764600000000],
    [1764600000123, 1764600000123],
    ['2025-12-01T14:40:00.000Z', Date.parse('2025-12-01T14:40:00.000Z')],
    ['1764600000', 1764600000000],
    ['…', null],
    [null, null],
    [0, null],
  ])('timeToMs(%s) → %s', (value, expected) => {
    expect(timeToMs(value)).toBe(expected);
  });
});
