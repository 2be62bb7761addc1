import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { MAX_TIMER_MS, POLL_ALARM } from '../../utils/checkouts/schedule';
import { createCheckoutService } from '../../entrypoints/background/checkoutService';
import { readCheckouts } from '../../utils/checkouts/store';
import { profilesStorage } from '../../utils/profiles/storage';
import { DEFAULT_SAFETY, settingsStorage } from '../../utils/settings/settings';
import { type CheckoutProvider, connectSmartcheckout, loadContext, providerAdapters } from './support/services';
import { PROFILE, PRODUCT } from './fixtures/purchase';
import { grantManifestHosts } from './support/permissions';

const EXTENSION_PAGE = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html?tabId=3' };
const startMessage = { type: 'checkout:start', product: PRODUCT, quantity: 1, profileId: PROFILE.id, instructions: '' };

let clock = 1_000_000;

function serviceWith(status: () => string) {
  const create = vi.fn(async () => ({ checkoutId: 'co-1' }));
  const get = vi.fn(async () => ({ status: status() as 'processing', rawStatus: status(), amount: '29.00', currency: 'USD', notes: null }));
  return { service: createCheckoutService({ adapters: providerAdapters({ create, get }), now: () => clock }), create, get };
}

const NO_CONFIRMATION = { ...DEFAULT_SAFETY, confirmEachPurchase: false };

beforeEach(async () => {
  fakeBrowser.reset();
  grantManifestHosts();
  await connectSmartcheckout({ safety: NO_CONFIRMATION });
  await profilesStorage.set({ profiles: [PROFILE], defaultProfileId: PROFILE.id });
});

describe('message handler', () => {
  it('reads a start message whose product has no identifiers or checkout links (as an older popup sends it)', async () => {
    const { service, create } = serviceWith(() => 'processing');
    const { sku: _sku, mpn: _mpn, gtin: _gtin, brand: _brand, checkoutLinks: _links, ...older } = PRODUCT as typeof PRODUCT & Record<string, unknown>;
    expect(await service.handleMessage({ ...startMessage, product: older }, EXTENSION_PAGE)).toMatchObject({ ok: true, record: { state: 'processing' } });
    expect(create).toHaveBeenCalledOnce();
  });

  it.each([
    ['a content script on a shop page', { id: 'test-extension-id', url: 'https://shop.example/p', tab: { id: 3 } }],
    ['another extension', { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' }],
    ['a sender without a URL', { id: 'test-extension-id' }],
  ])('refuses to start a purchase for %s', async (_name, sender) => {
    const { service, create } = serviceWith(() => 'processing');
    expect(await service.handleMessage(startMessage, sender as Browser.runtime.MessageSender)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(create).not.toHaveBeenCalled();
    expect((await readCheckouts()).records).toHaveLength(0);
  });

  it('ignores messages that are not ours and rejects malformed ones without acting', async () => {
    const { service, create } = serviceWith(() => 'processing');
    expect(service.handleMessage({ type: 'something-else' }, EXTENSION_PAGE)).toBeUndefined();
    expect(service.handleMessage({ ...startMessage, quantity: 0 }, EXTENSION_PAGE)).toBeUndefined();
    expect(service.handleMessage({ ...startMessage, product: { ...PRODUCT, url: 'javascript:alert(1)' } }, EXTENSION_PAGE)).toBeUndefined();
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses to start when the browser withholds the API host, and says where to grant it', async () => {
    fakeBrowser.permissions.contains = (async () => false) as typeof fakeBrowser.permissions.contains;
    const { service, create } = serviceWith(() => 'processing');
    expect(await service.handleMessage(startMessage, EXTENSION_PAGE)).toEqual({
      ok: false,
      code: 'no_access',
      message: 'Smartcheckout has no access to api.smartcheckout.dev: open Options and choose Grant access. Nothing was bought.',
    });
    expect(create).not.toHaveBeenCalled();
    expect((await readCheckouts()).records).toEqual([]);
  });

  it('with "Ask me to confirm" on, refuses a start that was not confirmed, even from an extension page', async () => {
    await settingsStorage.set({ ...(await settingsStorage.get()), safety: DEFAULT_SAFETY });
    const { service, create } = serviceWith(() => 'processing');
    expect(await service.handleMessage(startMessage, EXTENSION_PAGE)).toMatchObject({ ok: false, code: 'needs_confirmation' });
    expect(create).not.toHaveBeenCalled();
    expect((await readCheckouts()).records).toEqual([]);
  });

  it('"Test connection" sends a pasted key without its whitespace and invisible characters', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('{"error":"Checkout not found"}', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    // The real Smartcheckout client, over the stubbed fetch.
    const service = createCheckoutService({ now: () => clock });
    const reply = await service.handleMessage({ type: 'settings:test-connection', service: 'smartcheckout', apiBaseUrl: 'https://api.smartcheckout.dev', apiKey: '\u200b sk_test\u200d\n' }, EXTENSION_PAGE);
    expect(reply).toEqual({ ok: true, message: 'Connection works: the API key was accepted.' });
    expect((fetch.mock.calls[0]![1].headers as Record<string, string>).Authorization).toBe('Bearer sk_test');
    vi.unstubAllGlobals();
  });

  describe('"Test connection" with the saved key', () => {
    const test = (apiBaseUrl: string, apiKey: string | null = null) =>
      createCheckoutService({ now: () => clock }).handleMessage({ type: 'settings:test-connection', service: 'smartcheckout', apiBaseUrl, apiKey }, EXTENSION_PAGE);
    let fetch: ReturnType<typeof vi.fn<(url: string, init: RequestInit) => Promise<Response>>>;
    beforeEach(async () => {
      fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('{"error":"Checkout not found"}', { status: 404 }));
      vi.stubGlobal('fetch', fetch);
      await connectSmartcheckout({ apiKey: 'sk_saved', apiBaseUrl: 'https://proxy.example/sc' });
    });
    afterEach(() => vi.unstubAllGlobals());

    it.each([
      ['another host', 'https://collector.example'],
      ['another path on the saved host', 'https://proxy.example/other'],
      ['no base URL (the service default, not the saved one)', ''],
    ])('is never sent to a base URL typed but not saved: %s', async (_case, typed) => {
      expect(await test(typed)).toEqual({
        ok: false,
        message: 'The saved API key is only sent to the saved API base URL. Press Save first to use this base URL, or type the key again to test it there.',
      });
      expect(fetch).not.toHaveBeenCalled();
    });

    it('goes to the saved base URL, however it is typed', async () => {
      expect(await test(' https://proxy.example/sc/ ')).toMatchObject({ ok: true });
      expect(fetch.mock.calls.map(([url, init]) => [new URL(url).origin, (init.headers as Record<string, string>).Authorization])).toEqual([['https://proxy.example', 'Bearer sk_saved']]);
    });

    it('a key typed again may go to the typed base URL', async () => {
      expect(await test('https://collector.example', 'sk_typed')).toMatchObject({ ok: true });
      expect(fetch.mock.calls.map(([url, init]) => [new URL(url).origin, (init.headers as Record<string, string>).Authorization])).toEqual([['https://collector.example', 'Bearer sk_typed']]);
    });
  });

  it('starts a purchase for an extension page', async () => {
    const { service, create } = serviceWith(() => 'processing');
    expect(await service.handleMessage(startMessage, EXTENSION_PAGE)).toMatchObject({ ok: true, record: { state: 'processing' } });
    expect(create).toHaveBeenCalledOnce();
  });
});

describe('scheduler', () => {
  it('keeps one alarm while a purchase is pending, polls on the alarm, and clears it when none is', async () => {
    let status = 'processing';
    const { service } = serviceWith(() => status);
    await service.handleMessage(startMessage, EXTENSION_PAGE);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(POLL_ALARM)).toMatchObject({ periodInMinutes: 0.5 }));
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);

    // A fresh worker (the old one was stopped) is woken by the alarm, wired as the background wires it.
    fakeBrowser.alarms.onAlarm.removeAllListeners();
    const woken = serviceWith(() => status);
    fakeBrowser.alarms.onAlarm.addListener((alarm) => (alarm.name === POLL_ALARM ? woken.service.scheduler.run() : undefined));
    status = 'completed';
    clock += 30_000;
    await fakeBrowser.alarms.onAlarm.trigger({ name: POLL_ALARM, scheduledTime: clock });
    expect(woken.get).toHaveBeenCalledOnce();
    expect((await readCheckouts()).records[0]).toMatchObject({ state: 'completed' });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`checkout:${(await readCheckouts()).records[0]!.id}:completed`]);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeUndefined());
  });
});

describe('storage and timers', () => {
  it('a storage write that keeps failing backs off instead of spinning, keeps the purchase, and tells the user', async () => {
    let status = 'processing';
    const { service, get } = serviceWith(() => status);
    await service.handleMessage(startMessage, EXTENSION_PAGE);
    const [record] = (await readCheckouts()).records;
    const refused = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    clock = record!.nextPollAt!;
    await service.scheduler.run();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(get).toHaveBeenCalledTimes(1);
    expect((await readCheckouts()).records).toEqual([expect.objectContaining({ id: record!.id, state: 'processing' })]);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toContain('storage-problem');

    // Once storage works again, the purchase is followed to its end.
    refused.mockRestore();
    status = 'completed';
    clock += MAX_TIMER_MS;
    await service.scheduler.run();
    await vi.waitFor(async () => expect((await readCheckouts()).records[0]).toMatchObject({ state: 'completed' }));
  });

  it('never arms a timer beyond setTimeout’s limit, where it would fire at once and poll in a loop', async () => {
    const { service } = serviceWith(() => 'processing');
    await service.handleMessage(startMessage, EXTENSION_PAGE);
    const stored = (await fakeBrowser.storage.local.get('checkouts')).checkouts as Record<string, unknown>[];
    await fakeBrowser.storage.local.set({ checkouts: stored.map((r) => ({ ...r, nextPollAt: clock + 40 * 24 * 3_600_000 })) });
    const timers = vi.spyOn(globalThis, 'setTimeout');
    await service.scheduler.reschedule();
    const delays = timers.mock.calls.map(([, delay]) => delay ?? 0);
    expect(delays.length).toBeGreaterThan(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_TIMER_MS);
  });
});
