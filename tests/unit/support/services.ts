import type { LifecycleContext } from '../../../utils/checkouts/lifecycle';
import { profilesStorage } from '../../../utils/profiles/storage';
import type { ServiceAdapter } from '../../../utils/services/adapter';
import { sessionKeysStorage } from '../../../utils/services/connections';
import type { ServiceId } from '../../../utils/services/registry';
import { DEFAULT_SAFETY, defaultSettings, type Safety, settingsStorage } from '../../../utils/settings';
import { createSmartcheckoutAdapter } from '../../../utils/smartcheckout/adapter';
import type { SmartcheckoutClient } from '../../../utils/smartcheckout/client';

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
  return { smartcheckout: createSmartcheckoutAdapter(() => client) as ServiceAdapter, shoppex: unused, creem: unused, diddo: unused, ...others };
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
