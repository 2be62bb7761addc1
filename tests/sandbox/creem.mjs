// A local Creem API (products and checkouts) per shared/services/creem.md, mounted under /creem: API at
// /creem/v1, hosted checkout at /creem/checkout/{id}.
//
// Keys (x-api-key): CREEM_API_KEY works; CREEM_LIMIT_KEY is 403 "limit reached"; any other key is 403
// (invalid key); no header is 401. Errors: { trace_id, status, error, message: [...], timestamp }.
//
// Scenario flags ride on `metadata.page_url` (or `metadata.product_url`): `sc_scenario=a,b` with
//   post_429, post_500, post_hang (creates, never answers), post_malformed (creates, invalid JSON),
//   get_429 (first GET, Retry-After: 1), get_500 (first two GETs), get_malformed, get_missing_fields,
//   get_hang, get_wrong_id, unknown_status (reports `requires_action` while unpaid),
//   processing (paying shows `processing` for 1 s), auto_pay (paid by itself after `sc_delay` ms, default 3000),
//   lower_currency (the order's currency in lower case, "usd"), cents_text (`amount_paid` as text, "2900");
// `sc_expire_ms=<ms>` sets when the checkout expires (default 24 hours).
// Tests drive checkouts directly too: pay(id), expire(id), setStatus(id, status), failNext(…).
import { createHmac, randomUUID } from 'node:crypto';
import { CREEM_PRODUCTS } from './creemProducts.mjs';
import { REASONS, createServiceKit, escapeHtml, htmlPage, isEmail, isHttpUrl, isObject, randomId, scenarioFrom } from './serviceKit.mjs';

export { CREEM_COURSE_PRODUCT_ID, CREEM_MERINO_PRODUCT_ID, CREEM_PRODUCTS } from './creemProducts.mjs';

export const CREEM_API_KEY = 'creem_test_sandbox_demo';
export const CREEM_LIMIT_KEY = 'creem_test_sandbox_limit';
const DAY = 24 * 60 * 60_000;

export function createCreem({ now = () => Date.now(), expiryMs = DAY } = {}) {
  const errorBody = (status, message) => ({
    trace_id: randomTrace(),
    status,
    error: REASONS[status] ?? 'Error',
    message: Array.isArray(message) ? message : [message ?? REASONS[status] ?? 'Error'],
    timestamp: now(),
  });
  const kit = createServiceKit({ errorBody });
  /** @type {Map<string, any>} */
  const checkouts = new Map();
  const byRequestId = new Map();
  let origin = '';

  function statusOf(checkout) {
    if (checkout.forcedStatus) return checkout.forcedStatus;
    if (checkout.paidAt !== null) return checkout.scenario.flags.has('processing') && now() - checkout.paidAt < 1000 ? 'processing' : 'completed';
    if (now() >= checkout.expiresAt) return 'expired';
    if (checkout.scenario.flags.has('auto_pay') && now() - checkout.createdAt >= (checkout.scenario.delay ?? 3000)) {
      markPaid(checkout);
      return statusOf(checkout);
    }
    return checkout.scenario.flags.has('unknown_status') ? 'requires_action' : 'pending';
  }

  function markPaid(checkout) {
    if (checkout.paidAt !== null) return;
    checkout.paidAt = now();
    checkout.orderId = `ord_${randomId(12)}`;
    checkout.customerId = `cust_${randomId(12)}`;
    kit.emit({ type: 'paid', service: 'creem', checkout });
  }

  function checkoutJson(checkout) {
    const status = statusOf(checkout);
    const amount = checkout.product.price * checkout.units;
    const paid = status === 'completed' || status === 'processing';
    return {
      id: checkout.id,
      mode: 'test',
      object: 'checkout',
      status,
      product: checkout.product.id,
      units: checkout.units,
      request_id: checkout.requestId ?? undefined,
      checkout_url: `${origin}/creem/checkout/${checkout.id}`,
      success_url: checkout.successUrl ?? undefined,
      metadata: checkout.metadata,
      ...(paid
        ? {
            order: {
              id: checkout.orderId,
              mode: 'test',
              object: 'order',
              customer: checkout.customerId,
              product: checkout.product.id,
              amount,
              sub_total: amount,
              tax_amount: 0,
              discount_amount: 0,
              amount_due: amount,
              amount_paid: checkout.scenario.flags.has('cents_text') ? String(status === 'completed' ? amount : 0) : status === 'completed' ? amount : 0,
              currency: checkout.scenario.flags.has('lower_currency') ? checkout.product.currency.toLowerCase() : checkout.product.currency,
              status: status === 'completed' ? 'paid' : 'pending',
              type: checkout.product.billing_type,
            },
            customer: checkout.customerId,
          }
        : {}),
    };
  }

  function validate(payload) {
    const messages = [];
    if (payload.product_id === undefined || payload.product_id === '') messages.push('product_id should not be empty');
    else if (typeof payload.product_id !== 'string') messages.push('product_id must be a string');
    if (payload.units !== undefined) {
      if (!Number.isInteger(payload.units)) messages.push('units must be an integer number');
      else if (payload.units < 1) messages.push('units must not be less than 1');
    }
    if (payload.request_id !== undefined && typeof payload.request_id !== 'string') messages.push('request_id must be a string');
    if (payload.customer !== undefined) {
      if (!isObject(payload.customer)) messages.push('customer must be an object');
      else if (payload.customer.email !== undefined && !isEmail(payload.customer.email)) messages.push('customer.email must be an email');
    }
    if (payload.success_url !== undefined && !isHttpUrl(payload.success_url)) messages.push('success_url must be a URL address');
    if (payload.metadata !== undefined && !isObject(payload.metadata)) messages.push('metadata must be an object');
    return messages;
  }

  function handleCreate(send, body) {
    let payload;
    try {
      payload = JSON.parse(body);
    } catch {
      return send(400, errorBody(400, 'Request body must be valid JSON'));
    }
    if (!isObject(payload)) return send(400, errorBody(400, 'Request body must be an object'));
    const messages = validate(payload);
    if (messages.length) return send(400, errorBody(400, messages));
    const productFound = CREEM_PRODUCTS.find((p) => p.id === payload.product_id);
    if (!productFound) return send(404, errorBody(404, 'Product not found'));
    if (productFound.status !== 'active') return send(400, errorBody(400, 'Product is archived'));
    const scenario = scenarioFrom(payload.metadata?.page_url ?? payload.metadata?.product_url ?? '');
    if (scenario.flags.has('post_429')) return send(429, errorBody(429, 'Too many requests'), { 'Retry-After': '30' });
    if (scenario.flags.has('post_500')) return send(500, errorBody(500, 'Internal server error'));

    const requestId = payload.request_id || null;
    let checkout = requestId ? byRequestId.get(requestId) : undefined;
    if (!checkout) {
      const createdAt = now();
      checkout = {
        id: `ch_${randomId(15)}`,
        createdAt,
        expiresAt: createdAt + (scenario.expireMs ?? expiryMs),
        scenario,
        product: productFound,
        units: payload.units ?? 1,
        requestId,
        customerEmail: payload.customer?.email ?? null,
        successUrl: payload.success_url ?? null,
        metadata: payload.metadata ?? {},
        paidAt: null,
        forcedStatus: null,
        gets: 0,
      };
      checkouts.set(checkout.id, checkout);
      if (requestId) byRequestId.set(requestId, checkout);
      kit.emit({ type: 'created', service: 'creem', checkout });
    }
    if (scenario.flags.has('post_hang')) return 'hang';
    if (scenario.flags.has('post_malformed')) return send(200, '{"id": "ch_');
    return send(200, checkoutJson(checkout));
  }

  function handleGetCheckout(send, id) {
    if (!id) return send(400, errorBody(400, 'checkout_id should not be empty'));
    const checkout = checkouts.get(id);
    if (!checkout) return send(404, errorBody(404, 'Checkout not found'));
    checkout.gets += 1;
    const { flags } = checkout.scenario;
    const first = checkout.gets === 1;
    if (flags.has('get_hang') && first) return 'hang';
    if (flags.has('get_500') && checkout.gets <= 2) return send(500, errorBody(500, 'Internal server error'));
    if (flags.has('get_429') && first) return send(429, errorBody(429, 'Too many requests'), { 'Retry-After': '1' });
    if (flags.has('get_malformed') && first) return send(200, '<html>Bad gateway</html>');
    if (flags.has('get_missing_fields') && first) return send(200, { id: checkout.id, object: 'checkout' });
    const data = checkoutJson(checkout);
    if (flags.has('get_wrong_id')) data.id = `ch_${randomId(15)}`;
    return send(200, data);
  }

  function handleSearch(send, query) {
    const page = query.has('page_number') ? Number(query.get('page_number')) : 1;
    const size = query.has('page_size') ? Number(query.get('page_size')) : 10;
    const messages = [];
    if (!Number.isInteger(page) || page < 1) messages.push('page_number must not be less than 1');
    if (!Number.isInteger(size) || size < 1) messages.push('page_size must not be less than 1');
    else if (size > 100) messages.push('page_size must not be greater than 100');
    if (messages.length) return send(400, errorBody(400, messages));
    const totalPages = Math.max(1, Math.ceil(CREEM_PRODUCTS.length / size));
    return send(200, {
      items: CREEM_PRODUCTS.slice((page - 1) * size, page * size),
      pagination: {
        total_records: CREEM_PRODUCTS.length,
        total_pages: totalPages,
        current_page: page,
        next_page: page < totalPages ? page + 1 : null,
        prev_page: page > 1 ? page - 1 : null,
      },
    });
  }

  function handleApi(req, res, url, path, body) {
    kit.log(kit.requests, req, url, path, body, now);
    const send = (status, payload, headers) => kit.json(res, status, payload, headers);
    if (kit.preflight(req, res)) return;
    if (kit.applyFault(req, res, path)) return;

    const key = req.headers['x-api-key'];
    if (typeof key !== 'string' || !key) return send(401, errorBody(401, 'Missing API key'));
    if (key === CREEM_LIMIT_KEY) return send(403, errorBody(403, 'API key limit reached'));
    if (key !== CREEM_API_KEY) return send(403, errorBody(403, 'Invalid API key'));

    let outcome;
    if (req.method === 'GET' && path === '/v1/products/search') outcome = handleSearch(send, url.searchParams);
    else if (req.method === 'GET' && path === '/v1/products') {
      const id = url.searchParams.get('product_id');
      const found = CREEM_PRODUCTS.find((p) => p.id === id);
      if (!id) outcome = send(400, errorBody(400, 'product_id should not be empty'));
      else outcome = found ? send(200, found) : send(404, errorBody(404, 'Product not found'));
    } else if (req.method === 'POST' && path === '/v1/checkouts') outcome = handleCreate(send, body);
    else if (req.method === 'GET' && path === '/v1/checkouts') outcome = handleGetCheckout(send, url.searchParams.get('checkout_id'));
    else outcome = send(404, errorBody(404, `Cannot ${req.method} ${path}`));
    if (outcome === 'hang') kit.hang(res);
  }

  /** The success URL with Creem's return parameters and their signature (HMAC-SHA256 keyed with the API key). */
  function returnUrl(checkout) {
    const params = {
      checkout_id: checkout.id,
      order_id: checkout.orderId,
      customer_id: checkout.customerId,
      product_id: checkout.product.id,
      request_id: checkout.requestId ?? '',
    };
    const signed = Object.entries(params)
      .filter(([, value]) => value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `${name}=${value}`)
      .join('&');
    const url = new URL(checkout.successUrl);
    for (const [name, value] of Object.entries(params)) if (value) url.searchParams.set(name, value);
    url.searchParams.set('signature', createHmac('sha256', CREEM_API_KEY).update(signed).digest('hex'));
    return url.href;
  }

  function payPage(checkout) {
    const status = statusOf(checkout);
    const amount = `${((checkout.product.price * checkout.units) / 100).toFixed(2)} ${checkout.product.currency}`;
    const base = `/creem/checkout/${encodeURIComponent(checkout.id)}`;
    const action = (name, label) => `<form method="post" action="${base}/${name}"><button type="submit">${label}</button></form>`;
    const open = status === 'pending' || status === 'requires_action';
    const state = { pending: 'Waiting for payment', requires_action: 'Waiting for payment', processing: 'Processing payment', completed: 'Payment complete', expired: 'This checkout has expired' }[status] ?? status;
    return htmlPage(
      `Creem checkout — ${checkout.product.name}`,
      `<h1>Creem checkout <small>(test mode)</small></h1>
<p>${escapeHtml(checkout.product.name)} × ${checkout.units}</p>
<p class="amount">${escapeHtml(amount)}</p>
<dl><dt>Email</dt><dd>${escapeHtml(checkout.customerEmail ?? '—')}</dd><dt>Checkout</dt><dd>${escapeHtml(checkout.id)}</dd></dl>
<p class="status" role="status">${escapeHtml(state)}</p>
${open ? action('pay', 'Pay') + action('expire', 'Expire') : ''}
${status === 'completed' && checkout.successUrl ? `<p><a href="${escapeHtml(returnUrl(checkout))}">Return to the seller</a></p>` : ''}`,
    );
  }

  function handlePage(req, res, url, path, body) {
    kit.log(kit.pageRequests, req, url, path, body, now);
    const match = path.match(/^\/checkout\/([^/]+)(?:\/(pay|expire))?$/);
    const checkout = match ? checkouts.get(decodeURIComponent(match[1])) : undefined;
    if (!checkout) return kit.html(res, 404, htmlPage('Not found', '<h1>Checkout not found</h1>'));
    if (req.method === 'GET' && !match[2]) return kit.html(res, 200, payPage(checkout));
    if (req.method === 'POST' && match[2]) {
      if (['pending', 'requires_action'].includes(statusOf(checkout))) controls[match[2]](checkout.id);
      return kit.redirect(res, `/creem/checkout/${encodeURIComponent(checkout.id)}`);
    }
    return kit.html(res, 405, htmlPage('Not allowed', '<h1>Not allowed</h1>'));
  }

  const find = (id) => {
    const checkout = checkouts.get(id);
    if (!checkout) throw new Error(`No Creem checkout ${id}`);
    return checkout;
  };

  const controls = {
    ...kit.controls,
    checkouts,
    products: CREEM_PRODUCTS,
    /** The customer pays: completed, with an order. */
    pay(id) {
      markPaid(find(id));
    },
    /** The checkout expires now. */
    expire(id) {
      const checkout = find(id);
      checkout.expiresAt = Math.min(checkout.expiresAt, now());
      kit.emit({ type: 'expired', service: 'creem', checkout });
    },
    /** Forces any status string. */
    setStatus(id, status) {
      find(id).forcedStatus = status;
    },
    reset() {
      kit.resetKit();
      checkouts.clear();
      byRequestId.clear();
    },
  };

  return {
    controls,
    setOrigin(value) {
      origin = value;
      controls.baseUrl = `${value}/creem`;
      controls.apiKey = CREEM_API_KEY;
    },
    /** Handles a request under /creem; `path` is what follows the prefix. */
    handle(req, res, url, path, body) {
      if (path.startsWith('/v1/') || req.method === 'OPTIONS') return handleApi(req, res, url, path, body);
      return handlePage(req, res, url, path, body);
    },
    closeHanging: kit.closeHanging,
  };
}

function randomTrace() {
  return randomUUID();
}
