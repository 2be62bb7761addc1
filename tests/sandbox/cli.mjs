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
console.log(`Demo shop:                 ${sandbox.shopUrl}/`);
sandbox.api.on((event) => {
  if (event.type === 'created') console.log(`checkout ${event.checkout.id} created for ${event.checkout.url}`);
  else console.log(`checkout ${event.checkout.id} ${event.state.status}`);
});
const stop = () => sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
