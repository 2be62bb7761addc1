// `npm run sandbox`: runs the sandbox API and the demo shop until interrupted.
import { parseArgs } from 'node:util';
import { startSandbox } from './index.mjs';

const { values } = parseArgs({
  options: {
    'api-port': { type: 'string', default: '8787' },
    'shop-port': { type: 'string', default: '8788' },
    delay: { type: 'string', default: '5000' },
  },
});
const sandbox = await startSandbox({
  apiPort: Number(values['api-port']),
  shopPort: Number(values['shop-port']),
  completionDelayMs: Number(values.delay),
});
console.log(`Smartcheckout sandbox API: ${sandbox.apiUrl}  (API key: ${sandbox.apiKey})`);
console.log(`Shoppex sandbox API:       ${sandbox.shoppex.baseUrl}  (API key: ${sandbox.shoppex.apiKey})`);
console.log(`Creem sandbox API:         ${sandbox.creem.baseUrl}  (API key: ${sandbox.creem.apiKey})`);
console.log(`Diddo sandbox API:         ${sandbox.diddo.baseUrl}  (API key: ${sandbox.diddo.apiKey}; hosted checkout ${sandbox.diddo.checkoutBase}/)`);
console.log(`Demo shop:                 ${sandbox.shopUrl}/  (Diddo carts: ${sandbox.shopUrl}/diddo)`);
sandbox.api.on((event) => {
  if (event.type === 'created') console.log(`checkout ${event.checkout.id} created for ${event.checkout.url}`);
  else console.log(`checkout ${event.checkout.id} ${event.state.status}`);
});
for (const [name, service] of [['Shoppex', sandbox.shoppex], ['Creem', sandbox.creem], ['Diddo', sandbox.diddo]]) {
  service.on((event) => {
    const item = event.session ?? event.checkout ?? event.cart;
    console.log(`${name} ${event.type}: ${item.id}`);
  });
}
const stop = () => sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
