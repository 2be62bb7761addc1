import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { checkBaseUrl, cleanApiKey, DEFAULT_SAFETY, defaultSettings } from '../../utils/settings/settings';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

/** Loads the settings module afresh, as a new extension context does (migrations run on definition). */
async function freshSettings() {
  return (await import('../../utils/settings/settings')).settingsStorage;
}

const EMPTY = { apiKey: '', apiBaseUrl: null, forgetOnClose: false, checkoutUrl: null };

describe('settings storage', () => {
  it('settings saved by version 1 keep the Smartcheckout connection, gain the safety settings and one entry per service', async () => {
    await fakeBrowser.storage.local.set({ settings: { apiBaseUrl: 'https://proxy.example/sc', apiKey: 'sk_live_1' } });
    const settings = await freshSettings();
    const expected = {
      services: { smartcheckout: { ...EMPTY, apiKey: 'sk_live_1', apiBaseUrl: 'https://proxy.example/sc' }, shoppex: EMPTY, creem: EMPTY, diddo: EMPTY, demo: EMPTY },
      defaultService: 'smartcheckout',
      safety: DEFAULT_SAFETY,
    };
    expect(await settings.get()).toEqual(expected);
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 3 });
  });

  it('version 2 settings with the documented base URL keep following the default; the safety settings stay untouched', async () => {
    const safety = { ...DEFAULT_SAFETY, confirmEachPurchase: false, maxPrice: { amount: '60.00', currency: 'USD' } };
    await fakeBrowser.storage.local.set({ settings: { apiBaseUrl: 'https://api.smartcheckout.dev', apiKey: 'sk_live_2', safety }, settings$: { v: 2 } });
    const settings = await (await freshSettings()).get();
    expect(settings.services.smartcheckout).toEqual({ ...EMPTY, apiKey: 'sk_live_2' });
    expect(settings.safety).toEqual(safety);
    expect(settings.defaultService).toBe('smartcheckout');
  });

  it('version 2 settings without a key connect nothing', async () => {
    await fakeBrowser.storage.local.set({ settings: { apiBaseUrl: 'https://api.smartcheckout.dev', apiKey: '', safety: DEFAULT_SAFETY }, settings$: { v: 2 } });
    const settings = await (await freshSettings()).get();
    expect(settings.defaultService).toBeNull();
    expect(settings.services.smartcheckout.apiKey).toBe('');
  });

  it('a corrupt value is reported, kept aside without its API key, and does not touch other keys', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const corrupt = { services: { smartcheckout: { apiKey: 7, apiBaseUrl: 'ftp://x' } }, safety: null };
    await fakeBrowser.storage.local.set({ settings: corrupt, settings$: { v: 3 }, profiles: { keep: 'me' } });
    const settings = await freshSettings();
    expect(await settings.get()).toEqual(defaultSettings());
    const kept = { services: { smartcheckout: { apiKey: '[removed]', apiBaseUrl: 'ftp://x' } }, safety: null };
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get('settings:corrupt'))['settings:corrupt']).toEqual(kept));
    expect((await fakeBrowser.storage.local.get('profiles')).profiles).toEqual({ keep: 'me' });
    expect(warn).toHaveBeenCalledWith(expect.not.stringContaining('ftp://x'));
  });
});

/** Corrupt settings holding keys under every name and at every depth a broken or older version might use. */
const CORRUPT_WITH_KEYS = {
  apiKey: 'sk_live_top',
  services: {
    smartcheckout: { apiKey: 'sk_live_1', apiBaseUrl: 'https://proxy.example/sc', forgetOnClose: 'no' },
    shoppex: { api_key: 'shx_2', key: 'plainletterskey', secret: 'whsec_3', token: { value: 'tok_4' }, Authorization: 'Bearer abc' },
    creem: { apiKye: 'creem_live_5', notes: ['creem_test_6', 'ok'] },
    diddo: { apiBaseUrl: 'https://user:pw7@diddo.example/api' },
  },
  defaultService: 'smartcheckout',
  safety: { maxPrice: { amount: 'lots', currency: 'USD' }, dailyLimit: { amount: '12345.00', currency: 'EUR' } },
};
const KEYS = ['sk_live_top', 'sk_live_1', 'shx_2', 'plainletterskey', 'whsec_3', 'tok_4', 'Bearer abc', 'creem_live_5', 'creem_test_6', 'pw7'];
/** What may be kept of it: everything but the keys. */
const KEPT = {
  apiKey: '[removed]',
  services: {
    smartcheckout: { apiKey: '[removed]', apiBaseUrl: 'https://proxy.example/sc', forgetOnClose: 'no' },
    shoppex: { api_key: '[removed]', key: '[removed]', secret: '[removed]', token: '[removed]', Authorization: '[removed]' },
    creem: { apiKye: '[removed]', notes: ['[removed]', 'ok'] },
    diddo: { apiBaseUrl: '[removed]' },
  },
  defaultService: 'smartcheckout',
  safety: { maxPrice: { amount: 'lots', currency: 'USD' }, dailyLimit: { amount: '12345.00', currency: 'EUR' } },
};

describe('copies of corrupt settings', () => {
  it('never keep an API key, whatever it is called and wherever it sits', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: CORRUPT_WITH_KEYS, settings$: { v: 3 } });
    expect(await (await freshSettings()).get()).toEqual(defaultSettings());
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get('settings:corrupt'))['settings:corrupt']).toEqual(KEPT));
    const copy = JSON.stringify(await fakeBrowser.storage.local.get('settings:corrupt'));
    for (const key of KEYS) expect(copy, key).not.toContain(key);
  });

  it('kept by an older version, lose their keys when the extension starts', async () => {
    await fakeBrowser.storage.local.set({ 'settings:corrupt': CORRUPT_WITH_KEYS });
    await fakeBrowser.storage.session.set({ 'serviceKeys:corrupt': { smartcheckout: 'x'.repeat(600) } });
    const { scrubCorruptCopies } = await import('../../utils/settings/connectionStorage');
    await scrubCorruptCopies();
    expect((await fakeBrowser.storage.local.get('settings:corrupt'))['settings:corrupt']).toEqual(KEPT);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('of session keys are not kept at all', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.session.set({ serviceKeys: { smartcheckout: 'x'.repeat(600) } });
    const { sessionKeysStorage } = await import('../../utils/settings/connectionStorage');
    await fakeBrowser.storage.session.set({ 'serviceKeys:corrupt': 'left by an older version' });
    expect(await sessionKeysStorage.get()).toEqual({});
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get('serviceKeys:corrupt')).toEqual({}));
  });
});

describe('API key', () => {
  const pasted = '\ufeff sk_live_1\u200b\u200d \r\n\u2060';

  it('is stored without whitespace or invisible characters', async () => {
    const settings = await freshSettings();
    const defaults = defaultSettings();
    await settings.set({ ...defaults, services: { ...defaults.services, smartcheckout: { ...EMPTY, apiKey: pasted } } });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ services: { smartcheckout: { apiKey: 'sk_live_1' } } });
  });

  it('saved by an older version with such characters, reads clean', async () => {
    await fakeBrowser.storage.local.set({ settings: { apiBaseUrl: 'https://api.smartcheckout.dev', apiKey: pasted, safety: DEFAULT_SAFETY }, settings$: { v: 2 } });
    expect((await (await freshSettings()).get()).services.smartcheckout.apiKey).toBe('sk_live_1');
  });

  it.each([['sk_live_1'], [' sk_live_1 '], ['sk_live\u200b_1'], ['\u202esk_live_1\u{e0041}']])('%j → sk_live_1', (key) => {
    expect(cleanApiKey(key)).toBe('sk_live_1');
  });
});

describe('checkBaseUrl', () => {
  it.each([
    ['https://api.smartcheckout.dev', null],
    ['https://proxy.example:8443/smartcheckout', null],
    ['http://127.0.0.1:8787', null],
    ['http://localhost:3000', null],
    ['http://[::1]:8787', null],
    ['http://127.1:8787', null],
    ['http://127.255.255.254/sc', null],
    ['http://api.smartcheckout.dev', 'API base URL must use https:// (plain http:// is allowed only for localhost)'],
    // Loopback is this machine, written as such: a name that merely starts with "127." or "localhost" is someone else's.
    ['http://127.attacker.example', 'API base URL must use https:// (plain http:// is allowed only for localhost)'],
    ['http://127.0.0.1.nip.io', 'API base URL must use https:// (plain http:// is allowed only for localhost)'],
    ['http://localhost.attacker.example', 'API base URL must use https:// (plain http:// is allowed only for localhost)'],
    ['http://0.0.0.0:8787', 'API base URL must use https:// (plain http:// is allowed only for localhost)'],
    ['http://[::ffff:127.0.0.1]', 'API base URL must use https:// (plain http:// is allowed only for localhost)'],
    ['ftp://files.example', 'API base URL must use https:// (plain http:// is allowed only for localhost)'],
    ['api.smartcheckout.dev', 'API base URL must be a full URL, like https://api.smartcheckout.dev'],
  ])('%s → %s', (url, error) => {
    expect(checkBaseUrl(url)).toBe(error);
  });
});

describe('cleanApiKey', () => {
  it.each([
    [' shx_abc\n', 'shx_abc'],
    ['\u200bcreem_test_1\ufeff', 'creem_test_1'],
    ['sk_\u202elive\u2066_9', 'sk_live_9'],
    ['sk live', 'sklive'],
  ])('%j → %j', (pasted, clean) => {
    expect(cleanApiKey(pasted)).toBe(clean);
  });
});
