// A local Smartcheckout v0 API implementing the contract in smartcheckout-api.md, error cases included.
//
// Scenarios are chosen by the request, so one running sandbox serves every test at once:
// - API key: anything outside `validKeys` answers 401; SANDBOX_FORBIDDEN_KEY answers 403.
// - `sc_scenario` query flag(s) on the product URL (comma separated):
//     fail                 the agent fails (with notes); `sc_notes=` overrides them
//     never_finish         stays `processing`
//     unknown_status       reports an undocumented status before completing
//     get_500              the first two GETs answer 500, then it recovers
//     get_429              the first GET answers 429 with Retry-After: 1
//     get_malformed        the first GET answers invalid JSON
//     get_missing_fields   the first GET answers JSON without `status`
//     get_slow             every GET takes 1.5 s
//     get_hang             the first GET never answers
//     get_404_first        the first GET answers 404, as if the checkout were not stored yet
//     get_wrong_id         the first GET answers about another checkout id
//     post_500             POST answers 500 without creating anything
//     post_hang            POST creates the checkout but never answers (a lost response)
//     post_422             POST answers 422 with the service's message
//     post_429             POST answers 429 with Retry-After: 30
//     post_malformed       POST creates the checkout but answers invalid JSON
//     post_slow            POST creates the checkout and answers after 2.5 s
//     post_408, post_409   POST creates the checkout but answers 408 / 409 (its outcome is unknown to the client)
//     other_product        once completed, the answer names another product (`product_url`, beyond the contract)
// - `sc_delay=<ms>` on the product URL overrides how long the checkout stays `processing`.
// - `sc_amount=<text>` is sent as `amount_str` once completed, as it is (e.g. "1,299.00", "abc", "-5").
import { randomUUID } from 'node:crypto';
import { findProduct } from './catalogue.mjs';

export const SANDBOX_API_KEY = 'sk_sandbox_demo';
export const SANDBOX_FORBIDDEN_KEY = 'sk_sandbox_forbidden';

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, Accept',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
};

export function createApi({ completionDelayMs = 3000, validKeys = [SANDBOX_API_KEY], now = () => Date.now() } = {}) {
  /** @type {Map<string, any>} */
  const checkouts = new Map();
  const byIdempotencyKey = new Map();
  /** Every request received, in order: tests assert on headers and bodies. */
  const requests = [];
  const hanging = new Set();
  const listeners = new Set();
  const settings = { completionDelayMs };

  function json(res, status, body, headers = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json', ...CORS_HEADERS, ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  function hang(res) {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  }

  function scenarioOf(productUrl) {
    try {
      const url = new URL(productUrl);
      const flags = new Set((url.searchParams.get('sc_scenario') ?? '').split(',').filter(Boolean));
      const delay = Number(url.searchParams.get('sc_delay'));
      return {
        url,
        flags,
        notes: url.searchParams.get('sc_notes'),
        amount: url.searchParams.get('sc_amount'),
        delay: Number.isFinite(delay) && delay >= 0 && url.searchParams.has('sc_delay') ? delay : null,
      };
    } catch {
      return { url: null, flags: new Set(), notes: null, amount: null, delay: null };
    }
  }

  /** The amount the agent pays: from the demo shop's catalogue when the URL is one of its products. */
  function priceOf(url, userData) {
    const match = url?.pathname.match(/^\/products\/([a-z0-9-]+)$/);
    const product = match ? findProduct(match[1]) : null;
    const quantity = Number.isInteger(userData.quantity) && userData.quantity > 0 ? userData.quantity : 1;
    if (!product) return { amount: (49.99 * quantity).toFixed(2), currency: 'USD', product: null };
    const variantId = userData.variant?.id ?? url.searchParams.get('variant');
    const variant = product.variants.find((v) => v.id === String(variantId)) ?? product.variants[0];
    return { amount: (Number(variant.price) * quantity).toFixed(2), currency: product.currency, product };
  }

  function stateOf(checkout) {
    const elapsed = now() - checkout.createdAt;
    const { flags } = checkout.scenario;
    if (flags.has('never_finish') || elapsed < checkout.delayMs) {
      if (flags.has('unknown_status') && elapsed >= checkout.delayMs / 3) return { status: 'awaiting_agent' };
      return { status: 'processing' };
    }
    if (checkout.failureNotes) return { status: 'failed', notes: checkout.failureNotes };
    const other = flags.has('other_product') ? { product_url: `${checkout.scenario.url?.origin ?? ''}/products/limited-print` } : {};
    return { status: 'completed', amount_str: checkout.scenario.amount ?? checkout.amount, currency: checkout.currency, notes: '', ...other };
  }

  function emit(event) {
    for (const listener of listeners) listener(event);
  }

  function handleCreate(req, res, body) {
    let payload;
    try {
      payload = JSON.parse(body);
    } catch {
      return json(res, 400, { error: 'Request body must be JSON.' });
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
      return json(res, 400, { error: 'Request body must be a JSON object.' });
    }
    if (typeof payload.url !== 'string' || !/^https?:\/\//.test(payload.url)) {
      return json(res, 422, { error: { message: '`url` must be an http(s) URL.' } });
    }
    if (!payload.user_data || typeof payload.user_data !== 'object' || Array.isArray(payload.user_data)) {
      return json(res, 422, { detail: '`user_data` must be an object.' });
    }
    const scenario = scenarioOf(payload.url);
    if (scenario.flags.has('post_422')) {
      return json(res, 422, { error: { message: 'The agent cannot buy from this shop.' } });
    }
    if (scenario.flags.has('post_429')) return json(res, 429, { error: 'Too many requests' }, { 'Retry-After': '30' });
    if (scenario.flags.has('post_500')) return json(res, 500, { error: 'Internal error' });

    const key = req.headers['idempotency-key'];
    let checkout = typeof key === 'string' ? byIdempotencyKey.get(key) : undefined;
    if (!checkout) {
      const { amount, currency, product } = priceOf(scenario.url, payload.user_data);
      checkout = {
        id: randomUUID(),
        createdAt: now(),
        delayMs: scenario.delay ?? settings.completionDelayMs,
        scenario,
        url: payload.url,
        userData: payload.user_data,
        amount,
        currency,
        failureNotes: scenario.flags.has('fail')
          ? scenario.notes ?? 'The agent could not complete the purchase: the selected size is out of stock.'
          : product?.failureNotes ?? null,
        gets: 0,
      };
      checkouts.set(checkout.id, checkout);
      if (typeof key === 'string') byIdempotencyKey.set(key, checkout);
      emit({ type: 'created', checkout });
    }
    if (scenario.flags.has('post_hang')) return hang(res);
    if (scenario.flags.has('post_malformed')) return json(res, 200, '{"checkout_id": ');
    if (scenario.flags.has('post_408')) return json(res, 408, { error: 'Request timeout' });
    if (scenario.flags.has('post_409')) return json(res, 409, { error: 'A request with this Idempotency-Key is in progress' });
    if (scenario.flags.has('post_slow')) {
      return new Promise((resolve) => setTimeout(resolve, 2500)).then(() => json(res, 200, { checkout_id: checkout.id, status: 'processing' }));
    }
    return json(res, 200, { checkout_id: checkout.id, status: 'processing' });
  }

  async function handleGet(res, id) {
    const checkout = checkouts.get(id);
    if (!checkout) return json(res, 404, { error: 'Checkout not found' });
    checkout.gets += 1;
    const { flags } = checkout.scenario;
    const first = checkout.gets === 1;
    if (flags.has('get_hang') && first) return hang(res);
    if (flags.has('get_404_first') && first) return json(res, 404, { error: 'Checkout not found' });
    if (flags.has('get_wrong_id') && first) return json(res, 200, { id: randomUUID(), status: 'completed', amount_str: '1.00', currency: 'USD', notes: '' });
    if (flags.has('get_500') && checkout.gets <= 2) return json(res, 500, { error: 'Temporary failure' });
    if (flags.has('get_429') && first) return json(res, 429, { error: 'Slow down' }, { 'Retry-After': '1' });
    if (flags.has('get_malformed') && first) return json(res, 200, '<html>Bad gateway</html>');
    if (flags.has('get_missing_fields') && first) return json(res, 200, { id });
    if (flags.has('get_slow')) await new Promise((resolve) => setTimeout(resolve, 1500));
    const state = stateOf(checkout);
    if (state.status !== 'processing' && !checkout.finalisedAt) {
      checkout.finalisedAt = now();
      emit({ type: 'finalised', checkout, state });
    }
    return json(res, 200, { id: checkout.id, status: state.status, amount_str: state.amount_str ?? null, currency: state.currency ?? null, notes: state.notes ?? '', agent_version: 'sandbox-1', ...(state.product_url ? { product_url: state.product_url } : {}) });
  }

  /** Handles a request under /v0/; the caller has read the body. */
  function handle(req, res, body) {
    const url = new URL(req.url, 'http://sandbox.invalid');
    requests.push({
      method: req.method,
      path: url.pathname,
      headers: { ...req.headers },
      body: body ? safeJson(body) : null,
      at: now(),
    });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      return res.end();
    }
    const auth = req.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : null;
    if (key === SANDBOX_FORBIDDEN_KEY) return json(res, 403, { error: 'This key may not create checkouts.' });
    if (!key || !validKeys.includes(key)) return json(res, 401, { error: 'Invalid API key' });

    if (req.method === 'POST' && url.pathname === '/v0/checkout') return handleCreate(req, res, body);
    const getMatch = url.pathname.match(/^\/v0\/checkout\/([^/]+)$/);
    if (req.method === 'GET' && getMatch) return handleGet(res, decodeURIComponent(getMatch[1]));
    return json(res, 404, { error: 'Not found' });
  }

  return {
    handle,
    requests,
    checkouts,
    settings,
    /** Calls `listener` when a checkout is created or first reported final. */
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset() {
      requests.length = 0;
      checkouts.clear();
      byIdempotencyKey.clear();
    },
    closeHanging() {
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
  };
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
