// Starts the Smartcheckout sandbox API and the demo shop on two loopback ports.
import { createServer } from 'node:http';
import { createApi, SANDBOX_API_KEY } from './api.mjs';
import { handleShopRequest } from './shop.mjs';

export { SANDBOX_API_KEY, SANDBOX_FORBIDDEN_KEY } from './api.mjs';

const MAX_BODY = 1_000_000;

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server.address().port));
  });
}

/**
 * Starts the sandbox. Returns its URLs, the API state (request log, checkouts) and `close()`.
 * @param {{ apiPort?: number, shopPort?: number, completionDelayMs?: number, validKeys?: string[] }} [options]
 */
export async function startSandbox(options = {}) {
  const api = createApi(options);
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
      if (!res.writableEnded) Promise.resolve(api.handle(req, res, Buffer.concat(chunks).toString('utf8'))).catch((error) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      });
    });
  });
  track(apiServer);
  const apiPort = await listen(apiServer, options.apiPort ?? 0);
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  let shopOrigin = '';
  const shopServer = createServer((req, res) => handleShopRequest(req, res, shopOrigin));
  track(shopServer);
  const shopPort = await listen(shopServer, options.shopPort ?? 0);
  shopOrigin = `http://127.0.0.1:${shopPort}`;

  return {
    apiUrl,
    shopUrl: shopOrigin,
    apiKey: SANDBOX_API_KEY,
    api,
    async close() {
      api.closeHanging();
      for (const socket of sockets) socket.destroy();
      await Promise.all([apiServer, shopServer].map((s) => new Promise((resolve) => s.close(() => resolve()))));
    },
  };
}
