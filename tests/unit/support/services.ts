import * as z from 'zod/mini';
import type { LifecycleContext } from '../../../utils/checkouts/lifecycle';
import { readCheckouts } from '../../../utils/checkouts/store';
import { profilesStorage } from '../../../utils/profiles/storage';
import type { CreatedCheckout, ServiceAdapter } from '../../../utils/services/adapter';
import type { CheckoutReport } from '../../../utils/services/types';
import { sessionKeysStorage } from '../../../utils/settings/connectionStorage';
import type { ServiceId } from '../../../utils/services/registry';
import { DEFAULT_SAFETY, defaultSettings, type Safety, settingsStorage } from '../../../utils/settings/settings';
import { createSmartcheckoutAdapter } from '../../../utils/services/smartcheckout/adapter';
import type { SmartcheckoutClient } from '../../../utils/services/smartcheckout/client';

/** A Smartcheckout double as the tests script it: create → id, get → status. */
export interface CheckoutProvider {
  create(url: string, userData: Record<string, unknown>, idempotencyKey: string): Promise<{ checkoutId: string }>;
  get(checkoutId: string): Promise<{ id?: string; status: 'processing' | 'completed' | 'failed'; rawStatus: string; amount: string | null; currency: string | null; notes: string | null }>;
}

/** An adapter that must not be reached in a test. */
const unused: ServiceAdapter = new Proxy({} as ServiceAdapter, {
  get: (_target, name) => {
    throw new Error(`A service that is not under test was used (${String(name)})`);
  },
});

/** The adapters the background would use, with Smartcheckout's client replaced by `provider`. */
export function providerAdapters(provider: CheckoutProvider | (() => CheckoutProvider), others: Partial<Record<ServiceId, ServiceAdapter>> = {}): Record<ServiceId, ServiceAdapter> {
  const current = () => (typeof provider === 'function' ? provider() : provider);
  const client: SmartcheckoutClient = {
    createCheckout: async (url, userData, key) => ({ ...(await current().create(url, userData, key)), status: 'processing' }),
    getCheckout: async (id) => ({ id, ...(await current().get(id)) }),
  };
  return { smartcheckout: createSmartcheckoutAdapter(() => client) as ServiceAdapter, shoppex: unused, creem: unused, diddo: unused, demo: unused, ...others };
}

/** Saves Smartcheckout's connection (and the safety settings) as the options page would. */
export async function connectSmartcheckout({ apiKey = 'sk_test', apiBaseUrl = null as string | null, safety = DEFAULT_SAFETY as Safety } = {}): Promise<void> {
  const settings = defaultSettings();
  await settingsStorage.set({
    ...settings,
    services: { ...settings.services, smartcheckout: { ...settings.services.smartcheckout, apiKey, apiBaseUrl } },
    defaultService: apiKey ? 'smartcheckout' : null,
    safety,
  });
}

/** What the lifecycle reads at each step, from (fake) storage. */
export async function loadContext(): Promise<LifecycleContext> {
  return { settings: await settingsStorage.get(), sessionKeys: await sessionKeysStorage.get(), profiles: await profilesStorage.get() };
}

/** A checkout-link service double: each call takes the next scripted answer (a value or an error to throw). */
export function scriptedLinkAdapter() {
  const calls = { create: [] as { order: unknown; intentId: string; storedStates: string[] }[], status: [] as string[] };
  const createAnswers: (Partial<CreatedCheckout> | Error)[] = [];
  const statusAnswers: (Partial<CheckoutReport> | Error)[] = [];
  const adapter: ServiceAdapter<{ sku: string; amount: string }> = {
    orderSchema: z.object({ sku: z.string(), amount: z.string() }),
    intentKey: (order) => order.sku,
    quote: (order) => ({ amount: order.amount, currency: 'USD' }),
    async create(_connection, request) {
      const storedStates = ((await readCheckouts()).records).map((r) => r.state);
      calls.create.push({ order: request.order, intentId: request.intentId, storedStates });
      const answer = createAnswers.shift() ?? {};
      if (answer instanceof Error) throw answer;
      return { checkoutId: 'ch-1', checkoutUrl: 'https://pay.example/ch-1#auth_token=secret-token', expiresAt: null, amount: null, ...answer };
    },
    async status(_connection, checkoutId) {
      calls.status.push(checkoutId);
      const answer = statusAnswers.shift() ?? {};
      if (answer instanceof Error) throw answer;
      return { id: checkoutId, outcome: 'pending', rawStatus: 'PENDING', detail: null, amount: null, currency: null, notes: null, ...answer };
    },
    testConnection: async () => ({ outcome: 'works' }),
  };
  return { adapter: adapter as ServiceAdapter, calls, createAnswers, statusAnswers };
}

/** Saves a checkout-link service's connection (the key, and a base URL where the service has no default). */
export async function connectService(id: ServiceId, apiKey: string, apiBaseUrl: string | null = null): Promise<void> {
  const settings = await settingsStorage.get();
  await settingsStorage.set({ ...settings, services: { ...settings.services, [id]: { ...settings.services[id], apiKey, apiBaseUrl } } });
}
