import type { Worker } from '@playwright/test';
import type { ProfilesState } from '../../utils/profiles/storage';
import type { Profile } from '../../utils/profiles/schema';
import type { Safety, ServiceSettings, Settings } from '../../utils/settings/settings';
import type { Sandbox } from './fixtures';

// Tests whose subject is the popup, the background or a purchase start from a configured extension by writing its
// storage directly, in exactly the shape the Options page saves. Saving through the Options page itself (keys, base
// URLs, profiles, safety settings, "Settings saved.", host access) is covered by the Options, connection, profile,
// welcome, i18n, layout and accessibility tests, which still drive it by its labels.

/** Ada's "Home" profile (`ADA` in the Options page object) as the Options page stores it: E.164 phone, country code. */
export const HOME: Profile = {
  id: 'a6f3c2de-0b1e-4a57-9f0e-3c5d2b7e8a01',
  label: 'Home',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+442071234567',
  address1: "12 St James's Square",
  address2: 'Flat 3',
  city: 'London',
  province: '',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
};

/** Grete's US profile, as the link-service tests save it in Options. */
export const GRETE: Profile = {
  id: '5d0c8b61-7e2f-4c3a-8b9d-1f4e6a2c9b72',
  label: 'Grete',
  firstName: 'Grete',
  lastName: 'Meyer',
  email: 'grete@example.org',
  phone: '',
  address1: '1 Main St',
  address2: '',
  city: 'Springfield',
  province: 'IL',
  postalCode: '62701',
  country: 'US',
};

export type SeededService = 'smartcheckout' | 'shoppex' | 'creem' | 'diddo';

export interface Setup {
  /** Services connected to the sandbox, in the order a person would connect them (the first becomes the default). */
  services?: SeededService[];
  /** Smartcheckout's key, when it is not the sandbox's (a wrong key). */
  apiKey?: string;
  /** Saved profiles; the first is the default. */
  profiles?: Profile[];
  /** Confirmation and limits, as Options saves them (amounts as typed, currency upper-case). */
  safety?: Partial<Safety>;
}

const EMPTY: ServiceSettings = { apiKey: '', apiBaseUrl: null, forgetOnClose: false, checkoutUrl: null };

/** A base URL as Options stores it: origin and path, without trailing slashes. */
function normalised(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

function connection(sandbox: Sandbox, id: SeededService, apiKey?: string): ServiceSettings {
  const typed = {
    smartcheckout: { apiKey: apiKey ?? sandbox.apiKey, baseUrl: sandbox.apiUrl, checkoutUrl: null },
    shoppex: { apiKey: sandbox.shoppex.apiKey, baseUrl: sandbox.shoppex.baseUrl, checkoutUrl: null },
    creem: { apiKey: sandbox.creem.apiKey, baseUrl: sandbox.creem.baseUrl, checkoutUrl: null },
    diddo: { apiKey: sandbox.diddo.apiKey, baseUrl: sandbox.diddo.baseUrl, checkoutUrl: sandbox.diddo.checkoutBase },
  }[id];
  return { apiKey: typed.apiKey, apiBaseUrl: normalised(typed.baseUrl), forgetOnClose: false, checkoutUrl: typed.checkoutUrl && normalised(typed.checkoutUrl) };
}

/** The storage a person leaves behind after connecting `setup.services` and saving `setup.profiles` in Options. */
export function seededStorage(sandbox: Sandbox, setup: Setup = {}) {
  const { services = ['smartcheckout'], profiles = [HOME] } = setup;
  const settings: Settings = {
    services: { smartcheckout: EMPTY, shoppex: EMPTY, creem: EMPTY, diddo: EMPTY, demo: EMPTY },
    defaultService: services[0] ?? null,
    safety: { confirmEachPurchase: true, maxPrice: null, dailyLimit: null, monthlyLimit: null, shippingAllowance: { percent: 30, minimum: '15' }, ...setup.safety },
  };
  for (const id of services) settings.services[id] = connection(sandbox, id, setup.apiKey);
  const state: ProfilesState = { profiles, defaultProfileId: profiles[0]?.id ?? null };
  // `settings$` holds the settings' schema version, written with their first value (items still at version 1 have none);
  // without it the extension would migrate these settings as if they were version 1.
  return {
    local: { settings, settings$: { v: 3 }, profiles: state },
    session: { serviceKeys: {} },
  };
}

/** Writes `seededStorage(sandbox, setup)` through the extension's service worker. */
export async function seedStorage(worker: Worker, sandbox: Sandbox, setup: Setup = {}): Promise<void> {
  await worker.evaluate(async ({ local, session }) => {
    await chrome.storage.session.set(session);
    await chrome.storage.local.set(local);
  }, seededStorage(sandbox, setup));
}
