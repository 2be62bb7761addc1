import type { ServiceDescriptor } from '../service';

const MINUTE = 60_000;

/**
 * The built-in demo: an agent purchase simulated inside the extension, so a first-time user can see the whole
 * flow without an account, a key or a network. Its name is its mark: "DEMO" wherever a service is named.
 */
export const demoService: ServiceDescriptor = {
  id: 'demo',
  name: 'DEMO',
  kind: 'agent',
  // Nothing is ever requested: the adapter answers from the checkout id itself.
  defaultBaseUrl: () => null,
  // No key, so no test or live mode to show: DEMO says it all.
  keyMode: () => null,
  checkoutPageUrl: null,
  endsAtExpiry: false,
  simulated: true,
  // Every second while the simulated purchase runs (a few seconds), so the result shows at once.
  poll: { fastMs: 1_000, fastPhaseMs: 2 * MINUTE, slowMs: 10_000, deadlineMs: 10 * MINUTE },
};
