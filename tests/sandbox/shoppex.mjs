// A local Shoppex Dev API v1 (checkout sessions and payments) per shared/services/shoppex.md, mounted under
// /shoppex: API at /shoppex/dev/v1, hosted pay page at /shoppex/checkout/invoice/{id}.
//
// Keys: SHOPPEX_API_KEY works; SHOPPEX_NO_SCOPE_KEY may read but not create (403 FORBIDDEN, missing
// scope); anything else, or no Bearer header, is 401 UNAUTHORIZED. Every answer carries x-request-id.
//
// Scenario flags ride on `metadata.product_url` (`sc_scenario=a,b`), as the demo shop keeps them:
//   post_400         400 business-rule error, nothing created
//   post_429         429 with Retry-After: 30, nothing created
//   post_500         500, nothing created
//   post_hang        creates the session, never answers (a lost response)
//   post_malformed   creates the session, answers invalid JSON
//   get_429          the first GET answers 429 with Retry-After: 1
//   get_500          the first two GETs answer 500
//   get_malformed    the first GET answers invalid JSON
//   get_missing_fields  the first GET answers without `status`
//   get_hang         the first GET never answers
//   get_wrong_id     every GET answers about another payment
//   unknown_status   reports AWAITING_REVIEW while unpaid
//   crypto           paying goes through WAITING_FOR_CONFIRMATIONS (1 s) to COMPLETED
//   auto_pay         paid by itself after `sc_delay` ms (default 3000)
//   lower_currency   every answer writes the currency in lower case ("usd", as Stripe-style APIs do)
//   amount_text      every answer writes amounts as text with four decimals ("29.0000") instead of numbers
//   post_slow        the POST answers after 1.5 s (created at once)
//   get_slow         every GET answers after 1.5 s
// `sc_expire_ms=<ms>` shortens the 24-hour payment window (then VOIDED: Shoppex has no separate expired).
// Tests also drive sessions directly: pay(id), cancel(id), expire(id), setStatus(id, status), failNext(…).
import { REASONS, createServiceKit, escapeHtml, htmlPage, isEmail, isHttpUrl, isObject, randomId, scenarioFrom } from './serviceKit.mjs';

export const SHOPPEX_API_KEY = 'shx_sandbox_demo';
export const SHOPPEX_NO_SCOPE_KEY = 'shx_sandbox_noscope';
export const SHOPPEX_GATEWAYS = ['STRIPE', 'PAYPAL', 'NATIVE_CRYPTO'];
const API = '/dev/v1';
const DAY = 24 * 60 * 60_000;
const SLOW_MS = 1500;
const DOC_URL = 'https://docs.shoppex.io/api/errors';

const errorBody = (status, message, code) => ({
  error: { code: code ?? defaultCode(status), message: message ?? REASONS[status] ?? 'Error', doc_url: DOC_URL },
});
function defaultCode(status) {
  return { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 422: 'VALIDATION_ERROR', 429: 'RATE_LIMITED' }[status] ?? 'INTERNAL_ERROR';
}

export function createShoppex({ now = () => Date.now(), expiryMs = DAY } = {}) {
  const kit = createServiceKit({ errorBody });
  /** @type {Map<string, any>} */
  const sessions = new Map();
  const byIdempotencyKey = new Map();
  let origin = '';

  function statusOf(session) {
    if (session.forcedStatus) return session.forcedStatus;
    if (session.paidAt !== null) {
      if (session.scenario.flags.has('crypto') && now() - session.paidAt < 1000) return 'WAITING_FOR_CONFIRMATIONS';
      return 'COMPLETED';
    }
    if (session.voidedAt !== null || now() >= session.expiresAt) return 'VOIDED';
    if (session.scenario.flags.has('auto_pay') && now() - session.createdAt >= (session.scenario.delay ?? 3000)) {
      markPaid(session);
      return statusOf(session);
    }
    return session.scenario.flags.has('unknown_status') ? 'AWAITING_REVIEW' : 'PENDING';
  }

  function markPaid(session) {
    if (session.paidAt !== null) return;
    session.paidAt = now();
    kit.emit({ type: 'paid', service: 'shoppex', session });
  }

  /** Answers after SLOW_MS (the session's state is read when the answer goes out). */
  const later = (answer) => {
    setTimeout(answer, SLOW_MS);
    return 'later';
  };

  const checkoutUrl = (session) => `${origin}/shoppex/checkout/invoice/${session.id}`;

  // The contract types the currency as a plain string and the amount as a number: a service may vary both.
  const currencyOf = (session) => (session.scenario.flags.has('lower_currency') ? session.currency.toLowerCase() : session.currency);
  const amountOf = (session, value) => (session.scenario.flags.has('amount_text') ? value.toFixed(4) : value);

  function sessionJson(session) {
    return {
      id: session.id,
      url: checkoutUrl(session),
      status: statusOf(session),
      amount: amountOf(session, session.amount),
      currency: currencyOf(session),
      customer_email: session.customerEmail,
      success_url: session.successUrl,
      cancel_url: session.cancelUrl,
      created_at: Math.floor(session.createdAt / 1000),
      expires_at: new Date(session.expiresAt).toISOString(),
      checkout_url: checkoutUrl(session),
      session_id: session.sessionId,
    };
  }

  function paymentJson(session) {
    const total = session.amount;
    return {
      id: session.id,
      uniqid: session.uniqid,
      status: statusOf(session),
      total: amountOf(session, total),
      currency: currencyOf(session),
      gateway: session.gateway,
      customer_email: session.customerEmail,
      checkout_url: checkoutUrl(session),
      items: [{ product_title: session.productName, quantity: session.quantity, unit_price: Number((total / session.quantity).toFixed(2)), total }],
      created_at: Math.floor(session.createdAt / 1000),
      updated_at: Math.floor((session.paidAt ?? session.voidedAt ?? session.createdAt) / 1000),
    };
  }

  /** Field errors as Shoppex reports them (422 VALIDATION_ERROR with details). */
  function validate(payload) {
    const details = [];
    const add = (field, message) => details.push({ field, message });
    const product = payload.product;
    if (!isObject(product)) add('product', 'product is required');
    else {
      if (typeof product.name !== 'string' || !product.name.trim()) add('product.name', 'name is required');
      else if (product.name.length > 255) add('product.name', 'name must be at most 255 characters');
      if (!Number.isInteger(product.quantity) || product.quantity < 1) add('product.quantity', 'quantity must be an integer of at least 1');
    }
    if (typeof payload.amount !== 'number' || !Number.isFinite(payload.amount)) add('amount', 'amount must be a number');
    else if (payload.amount < 0.01) add('amount', 'amount must be at least 0.01');
    if (typeof payload.currency !== 'string' || !/^[A-Z]{3}$/.test(payload.currency)) add('currency', 'currency must be a three-letter ISO code');
    if (payload.customer_email !== undefined && !isEmail(payload.customer_email)) add('customer_email', 'customer_email must be a valid email');
    for (const field of ['success_url', 'cancel_url']) if (payload[field] !== undefined && !isHttpUrl(payload[field])) add(field, `${field} must be a valid URL`);
    if (payload.metadata !== undefined && !isObject(payload.metadata)) add('metadata', 'metadata must be an object');
    return details;
  }

  function handleCreate(req, send, body) {
    let payload;
    try {
      payload = JSON.parse(body);
    } catch {
      return send(400, errorBody(400, 'Request body must be valid JSON.', 'BAD_REQUEST'));
    }
    if (!isObject(payload)) return send(400, errorBody(400, 'Request body must be a JSON object.', 'BAD_REQUEST'));
    const details = validate(payload);
    if (details.length) return send(422, { error: { ...errorBody(422, 'Validation failed').error, details } });
    if (payload.gateway !== undefined && !SHOPPEX_GATEWAYS.includes(payload.gateway)) {
      return send(400, errorBody(400, `Gateway ${String(payload.gateway)} is not enabled for this shop.`, 'GATEWAY_NOT_ENABLED'));
    }
    const scenario = scenarioFrom(payload.metadata?.product_url ?? '');
    if (scenario.flags.has('post_400')) return send(400, errorBody(400, 'This shop cannot accept payments right now.', 'SHOP_SUSPENDED'));
    if (scenario.flags.has('post_429')) return send(429, errorBody(429, 'Too many requests.'), { 'Retry-After': '30' });
    if (scenario.flags.has('post_500')) return send(500, errorBody(500, 'Internal error.'));

    const key = req.headers['idempotency-key'];
    let session = typeof key === 'string' && key ? byIdempotencyKey.get(key) : undefined;
    if (!session) {
      const createdAt = now();
      session = {
        id: `pay_${randomId(12)}`,
        uniqid: randomId(9).toLowerCase(),
        sessionId: `cs_${randomId(12)}`,
        createdAt,
        expiresAt: createdAt + (scenario.expireMs ?? expiryMs),
        scenario,
        productName: payload.product.name,
        quantity: payload.product.quantity,
        amount: payload.amount,
        currency: payload.currency,
        customerEmail: payload.customer_email ?? null,
        successUrl: payload.success_url ?? null,
        cancelUrl: payload.cancel_url ?? null,
        metadata: payload.metadata ?? {},
        gateway: payload.gateway ?? null,
        idempotencyKey: typeof key === 'string' ? key : null,
        paidAt: null,
        voidedAt: null,
        forcedStatus: null,
        gets: 0,
      };
      sessions.set(session.id, session);
      if (session.idempotencyKey) byIdempotencyKey.set(session.idempotencyKey, session);
      kit.emit({ type: 'created', service: 'shoppex', session });
    }
    if (scenario.flags.has('post_hang')) return 'hang';
    if (scenario.flags.has('post_malformed')) return send(200, '{"data": {"id": ');
    if (scenario.flags.has('post_slow')) return later(() => send(200, { data: sessionJson(session) }));
    return send(200, { data: sessionJson(session) });
  }

  function handleGet(send, id) {
    const session = sessions.get(id);
    if (!session) return send(404, errorBody(404, 'Payment not found.'));
    session.gets += 1;
    const { flags } = session.scenario;
    const first = session.gets === 1;
    if (flags.has('get_hang') && first) return 'hang';
    if (flags.has('get_500') && session.gets <= 2) return send(500, errorBody(500, 'Temporary failure.'));
    if (flags.has('get_429') && first) return send(429, errorBody(429, 'Slow down.'), { 'Retry-After': '1' });
    if (flags.has('get_malformed') && first) return send(200, '<html>Bad gateway</html>');
    if (flags.has('get_missing_fields') && first) return send(200, { data: { id: session.id } });
    const answer = () => {
      const data = paymentJson(session);
      if (flags.has('get_wrong_id')) Object.assign(data, { id: `pay_${randomId(12)}`, uniqid: randomId(9).toLowerCase() });
      return send(200, { data });
    };
    return flags.has('get_slow') ? later(answer) : answer();
  }

  function handleApi(req, res, url, path, body) {
    const requestId = `req_${randomId(12)}`;
    kit.log(kit.requests, req, url, path, body, now).requestId = requestId;
    const headers = { 'x-request-id': requestId };
    const send = (status, payload, extra = {}) => kit.json(res, status, payload, { ...headers, ...extra });
    if (kit.preflight(req, res)) return;
    if (kit.applyFault(req, res, path, headers)) return;

    const auth = req.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : null;
    if (key !== SHOPPEX_API_KEY && key !== SHOPPEX_NO_SCOPE_KEY) return send(401, errorBody(401, 'Invalid or missing API key.'));

    let outcome;
    if (req.method === 'GET' && path === '/me/capabilities') {
      outcome = send(200, {
        data: {
          gateways: SHOPPEX_GATEWAYS,
          scopes: key === SHOPPEX_API_KEY ? ['payments:read', 'payments:write'] : ['payments:read'],
          shop: { name: 'Sandbox Shop', currency: 'USD' },
        },
      });
    } else if (req.method === 'POST' && (path === '/checkout/sessions' || path === '/payments')) {
      if (key === SHOPPEX_NO_SCOPE_KEY) return send(403, errorBody(403, 'Missing required API scope: payments:write'));
      outcome = handleCreate(req, send, body);
    } else {
      const match = path.match(/^\/payments\/([^/]+)$/);
      if (req.method === 'GET' && match) outcome = handleGet(send, decodeURIComponent(match[1]));
      else outcome = send(404, errorBody(404, 'Route not found.'));
    }
    if (outcome === 'hang') kit.hang(res);
  }

  function payPage(session) {
    const status = statusOf(session);
    const amount = `${session.amount.toFixed(2)} ${session.currency}`;
    const base = `/shoppex/checkout/invoice/${encodeURIComponent(session.id)}`;
    const action = (name, label) => `<form method="post" action="${base}/${name}"><button type="submit">${label}</button></form>`;
    const state = {
      PENDING: 'Waiting for payment',
      AWAITING_REVIEW: 'Waiting for payment',
      WAITING_FOR_CONFIRMATIONS: 'Payment received, waiting for confirmations',
      COMPLETED: 'Payment complete',
      VOIDED: 'This payment was cancelled or has expired',
    }[status] ?? status;
    const open = status === 'PENDING' || status === 'AWAITING_REVIEW';
    return htmlPage(
      `Shoppex checkout — ${session.productName}`,
      `<h1>Shoppex checkout</h1>
<p>${escapeHtml(session.productName)} × ${session.quantity}</p>
<p class="amount">${escapeHtml(amount)}</p>
<dl><dt>Email</dt><dd>${escapeHtml(session.customerEmail ?? '—')}</dd><dt>Payment</dt><dd>${escapeHtml(session.id)}</dd></dl>
<p class="status" role="status">${escapeHtml(state)}</p>
${open ? action('pay', 'Pay') + action('cancel', 'Cancel') + action('expire', 'Expire') : ''}
${status === 'COMPLETED' && session.successUrl ? `<p><a href="${escapeHtml(session.successUrl)}">Return to the shop</a></p>` : ''}
${status === 'VOIDED' && session.cancelUrl ? `<p><a href="${escapeHtml(session.cancelUrl)}">Return to the shop</a></p>` : ''}`,
    );
  }

  function handlePage(req, res, url, path, body) {
    kit.log(kit.pageRequests, req, url, path, body, now);
    const match = path.match(/^\/checkout\/invoice\/([^/]+)(?:\/(pay|cancel|expire))?$/);
    const session = match ? sessions.get(decodeURIComponent(match[1])) : undefined;
    if (!session) return kit.html(res, 404, htmlPage('Not found', '<h1>Payment not found</h1>'));
    if (req.method === 'GET' && !match[2]) return kit.html(res, 200, payPage(session));
    if (req.method === 'POST' && match[2]) {
      if (['PENDING', 'AWAITING_REVIEW'].includes(statusOf(session))) controls[match[2]](session.id);
      return kit.redirect(res, `/shoppex/checkout/invoice/${encodeURIComponent(session.id)}`);
    }
    return kit.html(res, 405, htmlPage('Not allowed', '<h1>Not allowed</h1>'));
  }

  const find = (id) => {
    const session = sessions.get(id);
    if (!session) throw new Error(`No Shoppex session ${id}`);
    return session;
  };

  const controls = {
    ...kit.controls,
    sessions,
    /** The buyer pays. */
    pay(id) {
      markPaid(find(id));
    },
    /** The buyer cancels: VOIDED. */
    cancel(id) {
      const session = find(id);
      session.voidedAt ??= now();
      kit.emit({ type: 'voided', service: 'shoppex', session });
    },
    /** The payment window closes now: VOIDED. */
    expire(id) {
      const session = find(id);
      session.expiresAt = Math.min(session.expiresAt, now());
      kit.emit({ type: 'voided', service: 'shoppex', session });
    },
    /** Forces any status string (REFUNDED, REVERSED, CUSTOMER_DISPUTE_ONGOING, PARTIAL, an unknown one…). */
    setStatus(id, status) {
      find(id).forcedStatus = status;
    },
    reset() {
      kit.resetKit();
      sessions.clear();
      byIdempotencyKey.clear();
    },
  };

  return {
    controls,
    setOrigin(value) {
      origin = value;
      controls.baseUrl = `${value}/shoppex${API}`;
      controls.apiKey = SHOPPEX_API_KEY;
    },
    /** Handles a request under /shoppex; `path` is what follows the prefix. */
    handle(req, res, url, path, body) {
      if (path === API || path.startsWith(`${API}/`)) return handleApi(req, res, url, path.slice(API.length) || '/', body);
      return handlePage(req, res, url, path, body);
    },
    closeHanging: kit.closeHanging,
  };
}
