// A local Diddo API per shared/services/diddo.md (its *unconfirmed* shapes exactly as adopted there),
// mounted under /diddo, plus the hosted checkout at /diddo/hosted/ (?cart_id=…#auth_token=…).
//
// Keys (Bearer): DIDDO_API_KEY works; DIDDO_FORBIDDEN_KEY is 403; anything else, or none, is 401. QR
// images need no key (pages embed them). Errors: { code, message } — CART_NOT_FOUND 404,
// ALREADY_SUBMITTED 409, CART_UNAVAILABLE 422 on begin, INVALID_* 400, UNAUTHORIZED 401, FORBIDDEN 403.
//
// Template carts: DIDDO_SINGLE_STORE_CART (one store), DIDDO_TWO_STORE_CART (two stores: one shipping
// list per store), DIDDO_UNAVAILABLE_CART (begin answers 422). A postal code of 00000 gets no shipping
// methods (the address cannot be served). 429, 500, 503 and hangs come from failNext(…).
import { createHmac } from 'node:crypto';
import { hostedCheckoutPage } from './diddoPage.mjs';
import { qrPng, qrSvg } from './qrImage.mjs';
import { REASONS, createServiceKit, htmlPage, isEmail, isObject, newUlid, randomId } from './serviceKit.mjs';

export const DIDDO_API_KEY = 'diddo_test_sandbox_demo';
export const DIDDO_FORBIDDEN_KEY = 'diddo_test_sandbox_forbidden';
export const DIDDO_SINGLE_STORE_CART = '01JD3Z8Q7W5V2K9T4M6N8P0R1S';
export const DIDDO_TWO_STORE_CART = '01JD3ZC4H6K8M0P2R4T6V8X0Z2';
export const DIDDO_UNAVAILABLE_CART = '01JD3ZE9A1B3C5D7E9F1G3H5J7';
const DAY = 24 * 60 * 60_000;
const TOKEN_SECRET = 'diddo-sandbox-token-secret';

const NORTHWIND = { name: 'Northwind', methods: [{ id: 1, name: 'Standard', price: 499, estimated_days: '3-5' }, { id: 2, name: 'Express', price: 1299, estimated_days: '1-2' }] };
const HEARTH = { name: 'Hearth & Co', methods: [{ id: 3, name: 'Standard', price: 599, estimated_days: '4-6' }, { id: 4, name: 'Courier', price: 1450, estimated_days: '1' }] };
const line = (name, variant, quantity, price) => ({ name, variant, quantity, price });

export const DIDDO_TEMPLATES = new Map([
  [DIDDO_SINGLE_STORE_CART, { id: DIDDO_SINGLE_STORE_CART, currency: 'USD', stores: [{ ...NORTHWIND, lines: [line('Merino Crew T-Shirt', 'Blue / M', 2, 2900)] }] }],
  [
    DIDDO_TWO_STORE_CART,
    {
      id: DIDDO_TWO_STORE_CART,
      currency: 'USD',
      stores: [
        { ...NORTHWIND, lines: [line('Merino Crew T-Shirt', 'Grey / L', 1, 3100)] },
        { ...HEARTH, lines: [line('Ceramic Pour-Over Kettle', null, 1, 5400)] },
      ],
    },
  ],
  [DIDDO_UNAVAILABLE_CART, { id: DIDDO_UNAVAILABLE_CART, currency: 'USD', unavailable: 'This cart cannot be checked out: Limited Edition Print is out of stock.', stores: [{ ...NORTHWIND, lines: [line('Limited Edition Print', null, 1, 12000)] }] }],
]);

const BUYER_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'address1', 'address2', 'city', 'province_code', 'postal_code', 'country_code'];
const REQUIRED_BUYER = ['first_name', 'last_name', 'email', 'phone', 'address1', 'city', 'postal_code', 'country_code'];
const money = (cents) => (cents / 100).toFixed(2);
const base64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const lineJson = (l) => ({ name: l.name, variant: l.variant, quantity: l.quantity, price: money(l.price) });

export function createDiddo({ now = () => Date.now(), tokenLifetimeMs = DAY } = {}) {
  const errorBody = (status, message, code) => ({ code: code ?? defaultCode(status), message: message ?? REASONS[status] ?? 'Error' });
  const kit = createServiceKit({ errorBody });
  /** Live carts (checkout sessions) by id. */
  const carts = new Map();
  /** Minted tokens by subject, with the buyer they carry. */
  const tokens = new Map();

  const subtotalOf = (cart) => cart.stores.reduce((sum, store) => sum + store.lines.reduce((s, l) => s + l.price * l.quantity, 0), 0);
  const methodsFor = (cart, store) => (cart.buyer?.postal_code === '00000' ? [] : store.methods);
  /** Subtotal plus each store's chosen method, or its cheapest while none is chosen. */
  function totalOf(cart) {
    let total = subtotalOf(cart);
    for (const store of cart.stores) {
      const methods = methodsFor(cart, store);
      const chosen = methods.find((m) => m.id === cart.chosen.get(store.name));
      total += chosen?.price ?? (methods.length ? Math.min(...methods.map((m) => m.price)) : 0);
    }
    return total;
  }

  function signToken(payload) {
    const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
    return `${unsigned}.${createHmac('sha256', TOKEN_SECRET).update(unsigned).digest('base64url')}`;
  }
  /** The token's payload when its signature holds and it has not expired; else null. */
  function verifyToken(token) {
    const [head, body, signature] = String(token).split('.');
    if (!head || !body || !signature) return null;
    if (createHmac('sha256', TOKEN_SECRET).update(`${head}.${body}`).digest('base64url') !== signature) return null;
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return payload.exp * 1000 > now() ? payload : null;
  }

  function cartStatusJson(cart) {
    return {
      cart: {
        id: cart.id,
        status: cart.status,
        buyer_identity: cart.buyer ? { email: cart.buyer.email, first_name: cart.buyer.first_name, last_name: cart.buyer.last_name, phone: cart.buyer.phone, country_code: cart.buyer.country_code } : null,
        stores: cart.stores.map((store) => ({ store: store.name, is_submitted: cart.status === 'SUBMITTED', cart_lines: store.lines.map(lineJson) })),
      },
    };
  }

  function parseObject(body) {
    if (!body.trim()) return {};
    try {
      const value = JSON.parse(body);
      return isObject(value) ? value : null;
    } catch {
      return null;
    }
  }

  function liveCart(send, id) {
    const cart = typeof id === 'string' ? carts.get(id) : undefined;
    if (!cart) {
      send(404, errorBody(404, 'No cart with this id.', 'CART_NOT_FOUND'));
      return null;
    }
    if (cart.status === 'SUBMITTED') {
      send(409, errorBody(409, 'This cart has already been submitted.', 'ALREADY_SUBMITTED'));
      return null;
    }
    return cart;
  }

  function handleBegin(send, id) {
    if (!/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/.test(id)) return send(400, errorBody(400, 'cart_id must be a ULID.', 'INVALID_CART_ID'));
    const template = DIDDO_TEMPLATES.get(id);
    if (!template) return send(404, errorBody(404, 'No cart with this id.', 'CART_NOT_FOUND'));
    if (template.unavailable) return send(422, errorBody(422, template.unavailable, 'CART_UNAVAILABLE'));
    const cart = {
      id: newUlid(now()),
      templateId: id,
      paymentIntentId: `pi_${randomId(14)}`,
      currency: template.currency,
      stores: template.stores,
      status: 'IN_PROGRESS',
      buyer: null,
      chosen: new Map(),
      createdAt: now(),
      submittedAt: null,
    };
    carts.set(cart.id, cart);
    kit.emit({ type: 'created', service: 'diddo', cart });
    return send(200, {
      cart_id: cart.id,
      payment_intent_id: cart.paymentIntentId,
      currency: cart.currency,
      subtotal: money(subtotalOf(cart)),
      lines: cart.stores.flatMap((store) => store.lines.map(lineJson)),
    });
  }

  function handleShipping(send, payload) {
    const cart = liveCart(send, payload.cart_id);
    if (!cart) return;
    if (payload.payment_intent_id !== cart.paymentIntentId) return send(400, errorBody(400, 'payment_intent_id does not belong to this cart.', 'INVALID_PAYMENT_INTENT'));
    const buyer = payload.buyer_info;
    if (!isObject(buyer)) return send(400, errorBody(400, 'buyer_info is required.', 'INVALID_BUYER_INFO'));
    const problems = REQUIRED_BUYER.filter((field) => typeof buyer[field] !== 'string' || !buyer[field].trim());
    if (typeof buyer.email === 'string' && buyer.email && !isEmail(buyer.email)) problems.push('email (invalid)');
    if (typeof buyer.phone === 'string' && buyer.phone && !/^\+[1-9]\d{6,14}$/.test(buyer.phone)) problems.push('phone (E.164 with country code)');
    if (['US', 'CA'].includes(buyer.country_code) && !(typeof buyer.province_code === 'string' && /^[A-Z]{2}$/.test(buyer.province_code))) problems.push('province_code');
    if (problems.length) return send(400, errorBody(400, `buyer_info is missing or invalid: ${problems.join(', ')}.`, 'INVALID_BUYER_INFO'));
    cart.buyer = Object.fromEntries(BUYER_FIELDS.map((field) => [field, typeof buyer[field] === 'string' ? buyer[field] : '']));
    cart.chosen.clear();
    const methodsJson = (store) => methodsFor(cart, store).map((m) => ({ id: m.id, name: m.name, price: money(m.price), estimated_days: m.estimated_days }));
    const total = money(totalOf(cart));
    if (cart.stores.length === 1) return send(200, { cart_id: cart.id, shipping_methods: methodsJson(cart.stores[0]), total });
    return send(200, { cart_id: cart.id, stores: cart.stores.map((store) => ({ store: store.name, shipping_methods: methodsJson(store) })), total });
  }

  function handleMethod(send, payload) {
    const cart = liveCart(send, payload.cart_id);
    if (!cart) return;
    if (!Number.isInteger(payload.shipping_method_id)) return send(400, errorBody(400, 'shipping_method_id must be an integer.', 'INVALID_REQUEST'));
    if (!cart.buyer) return send(400, errorBody(400, 'Set the shipping address first.', 'SHIPPING_ADDRESS_REQUIRED'));
    const store = cart.stores.find((s) => methodsFor(cart, s).some((m) => m.id === payload.shipping_method_id));
    if (!store) return send(400, errorBody(400, 'This shipping method is not available for this cart.', 'INVALID_SHIPPING_METHOD'));
    cart.chosen.set(store.name, payload.shipping_method_id);
    return send(200, { cart_id: cart.id, shipping_method_id: payload.shipping_method_id, total: money(totalOf(cart)), currency: cart.currency });
  }

  function handleCst(send, payload) {
    const wrong = Object.entries(payload).filter(([field, value]) => BUYER_FIELDS.includes(field) && typeof value !== 'string');
    if (wrong.length) return send(400, errorBody(400, `${wrong.map(([f]) => f).join(', ')} must be strings.`, 'INVALID_REQUEST'));
    const buyer = Object.fromEntries(BUYER_FIELDS.filter((f) => typeof payload[f] === 'string' && payload[f]).map((f) => [f, payload[f]]));
    const issuedAt = Math.floor(now() / 1000);
    const expiresAt = issuedAt + Math.floor(tokenLifetimeMs / 1000);
    const subject = `cst_${randomId(12)}`;
    const token = signToken({ iss: 'diddo-sandbox', sub: subject, buyer, iat: issuedAt, exp: expiresAt });
    tokens.set(subject, { subject, buyer, expiresAt: expiresAt * 1000 });
    return send(200, { token, expires_at: new Date(expiresAt * 1000).toISOString() });
  }

  function handleApi(req, res, url, path, body) {
    kit.log(kit.requests, req, url, path, body, now);
    const send = (status, payload, headers) => kit.json(res, status, payload, headers);
    if (kit.preflight(req, res)) return;
    if (kit.applyFault(req, res, path)) return;

    const qr = path.match(/^\/checkout\/([^/]+)\/qr(\.png|\.svg)?$/);
    if (req.method === 'GET' && qr) {
      const id = decodeURIComponent(qr[1]);
      if (!DIDDO_TEMPLATES.has(id)) return send(404, errorBody(404, 'No cart with this id.', 'CART_NOT_FOUND'));
      const target = `https://checkout.shopdiddo.com/?cart_id=${id}`;
      const svg = qr[2] === '.svg';
      res.writeHead(200, { 'Content-Type': svg ? 'image/svg+xml' : 'image/png', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
      return res.end(svg ? qrSvg(target) : qrPng(target));
    }

    const auth = req.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : null;
    if (key === DIDDO_FORBIDDEN_KEY) return send(403, errorBody(403, 'This key may not use the checkout API.'));
    if (key !== DIDDO_API_KEY) return send(401, errorBody(401, 'Missing or invalid API key.'));
    if (req.method !== 'POST') return send(404, errorBody(404, `Cannot ${req.method} ${path}`, 'NOT_FOUND'));
    const payload = parseObject(body);
    if (!payload) return send(400, errorBody(400, 'The body must be a JSON object.', 'INVALID_REQUEST'));

    const begin = path.match(/^\/checkout\/begin\/([^/]+)$/);
    if (begin) return handleBegin(send, decodeURIComponent(begin[1]));
    if (path === '/checkout/shipping') return handleShipping(send, payload);
    if (path === '/checkout/shipping/method') return handleMethod(send, payload);
    if (path === '/checkout/cst') return handleCst(send, payload);
    const status = path.match(/^\/cart\/cartStatus\/([^/]+)$/);
    if (status) {
      const cart = carts.get(decodeURIComponent(status[1]));
      return cart ? send(200, cartStatusJson(cart)) : send(404, errorBody(404, 'No cart with this id.', 'CART_NOT_FOUND'));
    }
    return send(404, errorBody(404, `Cannot ${req.method} ${path}`, 'NOT_FOUND'));
  }

  function submit(cart, buyer) {
    for (const store of cart.stores) {
      const methods = methodsFor(cart, store);
      if (!cart.chosen.has(store.name) && methods.length) cart.chosen.set(store.name, [...methods].sort((a, b) => a.price - b.price)[0].id);
    }
    cart.buyer ??= buyer ? Object.fromEntries(BUYER_FIELDS.map((f) => [f, buyer[f] ?? ''])) : null;
    cart.status = 'SUBMITTED';
    cart.submittedAt = now();
    kit.emit({ type: 'paid', service: 'diddo', cart });
  }

  // The hosted checkout's own backend (no API key: the buyer's browser calls it).
  function handleHosted(req, res, url, path, body) {
    kit.log(kit.pageRequests, req, url, path, body, now);
    const send = (status, payload) => kit.json(res, status, payload);
    if (req.method === 'GET' && (path === '/hosted' || path === '/hosted/')) return kit.html(res, 200, hostedCheckoutPage('/diddo/hosted/api'));
    const summary = path.match(/^\/hosted\/api\/cart\/([^/]+)$/);
    if (req.method === 'GET' && summary) {
      const cart = carts.get(decodeURIComponent(summary[1]));
      if (!cart) return send(404, errorBody(404, 'No cart with this id.', 'CART_NOT_FOUND'));
      return send(200, {
        cart_id: cart.id,
        status: cart.status,
        currency: cart.currency,
        lines: cart.stores.flatMap((store) => store.lines.map(lineJson)),
        shipping: cart.stores.map((store) => {
          const method = methodsFor(cart, store).find((m) => m.id === cart.chosen.get(store.name));
          return { store: store.name, method: method ? `${method.name} (${money(method.price)})` : null };
        }),
        total: money(totalOf(cart)),
      });
    }
    if (req.method === 'POST' && path === '/hosted/api/pay') {
      const payload = parseObject(body) ?? {};
      const cart = liveCart(send, payload.cart_id);
      if (!cart) return;
      let buyer = null;
      if (payload.token) {
        const claims = verifyToken(payload.token);
        if (!claims) return send(401, errorBody(401, 'This checkout link has expired.', 'INVALID_TOKEN'));
        buyer = claims.buyer;
      }
      if (!cart.buyer && !buyer) return send(400, errorBody(400, 'Enter a shipping address first.', 'SHIPPING_ADDRESS_REQUIRED'));
      submit(cart, buyer);
      return send(200, { cart_id: cart.id, status: cart.status });
    }
    return kit.html(res, 404, htmlPage('Not found', '<h1>Not found</h1>'));
  }

  const controls = {
    ...kit.controls,
    carts,
    tokens,
    templates: DIDDO_TEMPLATES,
    singleStoreCartId: DIDDO_SINGLE_STORE_CART,
    twoStoreCartId: DIDDO_TWO_STORE_CART,
    unavailableCartId: DIDDO_UNAVAILABLE_CART,
    /** The buyer pays on the hosted page: the live cart becomes SUBMITTED. */
    pay(cartId) {
      const cart = carts.get(cartId);
      if (!cart) throw new Error(`No Diddo cart ${cartId}`);
      submit(cart, null);
    },
    reset() {
      kit.resetKit();
      carts.clear();
      tokens.clear();
    },
  };

  return {
    controls,
    setOrigin(value) {
      controls.baseUrl = `${value}/diddo`;
      controls.apiKey = DIDDO_API_KEY;
      /** Where hand-off links point: `${checkoutBase}/?cart_id=…#auth_token=…`. */
      controls.checkoutBase = `${value}/diddo/hosted`;
      controls.qrUrl = (cartId, extension = '.png') => `${value}/diddo/checkout/${cartId}/qr${extension}`;
    },
    /** Handles a request under /diddo; `path` is what follows the prefix. */
    handle(req, res, url, path, body) {
      if (path === '/hosted' || path.startsWith('/hosted/')) return handleHosted(req, res, url, path, body);
      return handleApi(req, res, url, path, body);
    },
    closeHanging: kit.closeHanging,
  };

}

function defaultCode(status) {
  return { 400: 'INVALID_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 422: 'UNPROCESSABLE', 429: 'RATE_LIMITED', 503: 'SERVICE_UNAVAILABLE' }[status] ?? 'INTERNAL_ERROR';
}
