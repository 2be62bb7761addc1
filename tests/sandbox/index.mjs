// Starts the Smartcheckout sandbox API and the demo shop on two loopback ports. The API server also serves
// the checkout-link services under their own prefixes: /shoppex, /creem, /diddo.
import { createServer } from 'node:http';
import { createApi, SANDBOX_API_KEY } from './api.mjs';
import { createCreem } from './creem.mjs';
import { createDiddo } from './diddo.mjs';
import { createShoppex } from './shoppex.mjs';
import { createShopControls, handleShopRequest } from './shop.mjs';

export { SANDBOX_API_KEY, SANDBOX_FORBIDDEN_KEY } from './api.mjs';
export { SHOPPEX_API_KEY, SHOPPEX_NO_SCOPE_KEY } from './shoppex.mjs';
export { CREEM_API_KEY, CREEM_LIMIT_KEY, CREEM_MERINO_PRODUCT_ID, CREEM_COURSE_PRODUCT_ID } from './creem.mjs';
export { DIDDO_API_KEY, DIDDO_FORBIDDEN_KEY, DIDDO_SINGLE_STORE_CART, DIDDO_TWO_STORE_CART, DIDDO_UNAVAILABLE_CART } from './diddo.mjs';

const MAX_BODY = 1_000_000;

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server.address().port));
  });
}

/**
 * Starts the sandbox. Returns its URLs, the API state (request log, checkouts), the checkout-link
 * services (`shoppex`, `creem`, `diddo`: base URL, key, request log, test controls) and `close()`.
 * @param {{ apiPort?: number, shopPort?: number, completionDelayMs?: number, validKeys?: string[] }} [options]
 */
export async function startSandbox(options = {}) {
  const api = createApi(options);
  const services = { '/shoppex': createShoppex(), '/creem': createCreem(), '/diddo': createDiddo() };
  /** The checkout-link service a path belongs to, with the path after its prefix. */
  const serviceFor = (pathname) => {
    for (const [prefix, service] of Object.entries(services)) {
      if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return { service, path: pathname.slice(prefix.length) || '/' };
    }
    return null;
  };
  const sockets = new Set();
  const track = (server) => server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const apiServer = createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        res.writeHead(413, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
        res.end(JSON.stringify({ error: 'Request body too large.' }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url, 'http://sandbox.invalid');
      const mounted = serviceFor(url.pathname);
      const handled = mounted ? () => mounted.service.handle(req, res, url, mounted.path, body) : () => api.handle(req, res, body);
      Promise.resolve(handled()).catch((error) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      });
    });
  });
  track(apiServer);
  const apiPort = await listen(apiServer, options.apiPort ?? 0);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  for (const service of Object.values(services)) service.setOrigin(apiUrl);

  let shopOrigin = '';
  const shop = createShopControls();
  const shopServer = createServer((req, res) => handleShopRequest(req, res, shopOrigin, { apiUrl, controls: shop }));
  track(shopServer);
  const shopPort = await listen(shopServer, options.shopPort ?? 0);
  shopOrigin = `http://127.0.0.1:${shopPort}`;

  return {
    apiUrl,
    shopUrl: shopOrigin,
    apiKey: SANDBOX_API_KEY,
    api,
    shoppex: services['/shoppex'].controls,
    creem: services['/creem'].controls,
    diddo: services['/diddo'].controls,
    /** The demo shop's controls: `setPrice(slug, price, currency?)` and the log of product pages asked for. */
    shop: { setPrice: shop.setPrice, requests: shop.requests },
    async close() {
      api.closeHanging();
      for (const service of Object.values(services)) service.closeHanging();
      for (const socket of sockets) socket.destroy();
      await Promise.all([apiServer, shopServer].map((s) => new Promise((resolve) => s.close(() => resolve()))));
    },
  };
}
