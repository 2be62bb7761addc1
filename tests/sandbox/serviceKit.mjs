// Shared plumbing for the checkout-service sandboxes (Shoppex, Creem, Diddo): CORS, JSON and HTML answers,
// the request log, hanging answers and injected faults. Each service mounts under its own path prefix.
import { randomBytes } from 'node:crypto';

export const SERVICE_CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Idempotency-Key, x-api-key',
  'Access-Control-Expose-Headers': 'Retry-After, x-request-id',
  'Access-Control-Max-Age': '600',
};

export const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** JSON inside <script> must not be able to close the tag. */
export const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

export function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isEmail = (value) => typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
export const isHttpUrl = (value) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};
export const randomId = (bytes = 9) => randomBytes(bytes).toString('base64url').replace(/[-_]/g, 'x');

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A ULID: 10 characters of time, 16 of randomness. */
export function newUlid(time = Date.now()) {
  let head = '';
  for (let i = 0, t = time; i < 10; i++, t = Math.floor(t / 32)) head = CROCKFORD[t % 32] + head;
  const random = randomBytes(16);
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD[random[i] % 32];
  return head + tail;
}

/** A small HTML page for the hosted checkout pages. */
export function htmlPage(title, body, script = '') {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #f5f5f7; }
  main { max-width: 520px; margin: 40px auto; padding: 24px 32px; background: white; border-radius: 12px; }
  .amount { font-size: 28px; font-weight: 700; }
  .status { font-weight: 600; }
  form { display: inline-block; margin: 16px 12px 0 0; }
  button { font-size: 16px; padding: 8px 20px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
  dt { font-weight: 600; }
</style>
</head>
<body>
<main>
${body}
</main>
${script ? `<script>${script}</script>` : ''}
</body>
</html>`;
}

/**
 * The state every service sandbox shares: request logs, hanging answers, injected faults, listeners.
 * `errorBody(status, message, code)` builds the service's own error shape for injected faults.
 */
export function createServiceKit({ errorBody }) {
  /** API requests, path relative to the service's base URL. */
  const requests = [];
  /** Hosted-page requests (path and query as the browser sent them). */
  const pageRequests = [];
  const faults = [];
  const hanging = new Set();
  const listeners = new Set();

  function json(res, status, body, headers = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...SERVICE_CORS_HEADERS, ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  function html(res, status, body) {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  }

  function redirect(res, location, status = 303) {
    res.writeHead(status, { Location: location, ...SERVICE_CORS_HEADERS });
    res.end();
  }

  function hang(res) {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  }

  function preflight(req, res) {
    if (req.method !== 'OPTIONS') return false;
    res.writeHead(204, SERVICE_CORS_HEADERS);
    res.end();
    return true;
  }

  function log(list, req, url, path, body, now) {
    const entry = {
      method: req.method,
      path,
      query: Object.fromEntries(url.searchParams),
      url: `${url.pathname}${url.search}`,
      headers: { ...req.headers },
      body: body ? safeJson(body) : null,
      at: now(),
    };
    list.push(entry);
    return entry;
  }

  /** Answers with the next matching injected fault; true when it did. */
  function applyFault(req, res, path, headersForAll = {}) {
    const index = faults.findIndex((f) => (!f.method || f.method === req.method) && (!f.path || (f.path instanceof RegExp ? f.path.test(path) : path.startsWith(f.path))));
    if (index === -1) return false;
    const fault = faults[index];
    fault.times -= 1;
    if (fault.times <= 0) faults.splice(index, 1);
    if (fault.hang) hang(res);
    else if (fault.redirect) redirect(res, fault.redirect, 302);
    else if (fault.malformed) json(res, fault.status ?? 200, '{"data": <html>', headersForAll);
    else {
      const headers = { ...headersForAll, ...(fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}), ...fault.headers };
      json(res, fault.status, fault.body ?? errorBody(fault.status, fault.message, fault.code), headers);
    }
    return true;
  }

  return {
    requests,
    pageRequests,
    json,
    html,
    redirect,
    hang,
    preflight,
    log,
    applyFault,
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    controls: {
      requests,
      pageRequests,
      /**
       * Makes the next matching API request(s) fail: `{ status, code?, message?, body?, headers?, retryAfter? }`,
       * `{ hang: true }`, `{ malformed: true }` or `{ redirect: url }`; narrowed by `method`, `path` (prefix or
       * RegExp, relative to the base URL) and repeated `times` (default 1).
       */
      failNext(fault) {
        faults.push({ times: 1, ...fault });
      },
      /** Calls `listener` on the service's events (created, paid, …); returns the unsubscribe function. */
      on(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    resetKit() {
      requests.length = 0;
      pageRequests.length = 0;
      faults.length = 0;
    },
    closeHanging() {
      for (const res of hanging) res.destroy();
      hanging.clear();
    },
  };
}

/** Sandbox scenario flags (`sc_scenario=a,b`, `sc_delay=`, `sc_expire_ms=`) from a URL the client sent as metadata. */
export function scenarioFrom(urlText) {
  try {
    const url = new URL(urlText);
    const number = (name) => {
      const value = Number(url.searchParams.get(name));
      return url.searchParams.has(name) && Number.isFinite(value) && value >= 0 ? value : null;
    };
    return { flags: new Set((url.searchParams.get('sc_scenario') ?? '').split(',').filter(Boolean)), delay: number('sc_delay'), expireMs: number('sc_expire_ms') };
  } catch {
    return { flags: new Set(), delay: null, expireMs: null };
  }
}

/** Reason phrases for error bodies that carry one. */
export const REASONS = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };
