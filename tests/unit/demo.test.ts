import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createLifecycle } from '../../utils/checkouts/lifecycle';
import { checkoutsToCsv } from '../../utils/checkouts/csv';
import type { NotificationEvent } from '../../utils/checkouts/record';
import { readCheckouts } from '../../utils/checkouts/store';
import { describeNotification } from '../../utils/background/notifications';
import { profilesStorage } from '../../utils/profiles/storage';
import type { Connection } from '../../utils/settings/connections';
import { connectedServices, connectionOf, preferredService } from '../../utils/settings/connections';
import { DEFAULT_SAFETY } from '../../utils/settings/settings';
import { readServiceState, setServiceEnabled } from '../../utils/settings/connectionStorage';
import { createDemoAdapter } from '../../utils/services/demo/adapter';
import { DEMO_PROCESSING_MS, demoFails } from '../../utils/services/demo/simulation';
import { buildPrompt, purchaseDetails } from '../../utils/services/smartcheckout/userData';
import { PROFILE, PRODUCT, startRequest } from './fixtures/purchase';
import { connectSmartcheckout, loadContext, providerAdapters } from './support/services';

const DEMO: Connection = { service: 'demo', apiKey: '', baseUrl: '', typedBaseUrl: null, checkoutUrl: null, mode: null };
const request = (product = PRODUCT, quantity = 2) => ({ order: {}, product, quantity, profile: PROFILE, instructions: '', hint: null, maxSpend: [], intentId: 'i-1' });

describe('the demo adapter', () => {
  let clock: number;
  beforeEach(() => {
    fakeBrowser.reset();
    clock = 5_000_000;
  });

  it('is processing for a few seconds, then completed at the price × quantity', async () => {
    const adapter = createDemoAdapter(() => clock);
    const { checkoutId } = await adapter.create(DEMO, request());
    expect(await adapter.status(DEMO, checkoutId)).toMatchObject({ id: checkoutId, outcome: 'pending', rawStatus: 'processing', amount: null });
    clock += DEMO_PROCESSING_MS;
    expect(await adapter.status(DEMO, checkoutId)).toMatchObject({ outcome: 'completed', amount: '58.00', currency: 'USD', notes: expect.stringContaining('DEMO') });
  });

  it('fails for a product whose name or address says "fail" (the demo page\'s second product)', async () => {
    expect(demoFails({ name: 'Limited Edition Print', url: 'chrome-extension://abc/demo.html?product=fail-print' })).toBe(true);
    expect(demoFails({ name: 'Will fail', url: 'https://shop.example/p' })).toBe(true);
    expect(demoFails({ name: 'Merino Tee', url: 'https://shop.example/p' })).toBe(false);
    const adapter = createDemoAdapter(() => clock);
    const { checkoutId } = await adapter.create(DEMO, request({ ...PRODUCT, url: 'chrome-extension://abc/demo.html?product=fail-print' }));
    clock += DEMO_PROCESSING_MS;
    expect(await adapter.status(DEMO, checkoutId)).toMatchObject({ outcome: 'failed', amount: null, notes: 'DEMO: this product always fails in the demo. Nothing was bought.' });
  });

  it('answers the same after a worker restart: everything it needs is in the checkout id, not in memory', async () => {
    const { checkoutId } = await createDemoAdapter(() => clock).create(DEMO, request());
    clock += DEMO_PROCESSING_MS + 1;
    // A new adapter, as a restarted worker builds it.
    expect(await createDemoAdapter(() => clock).status(DEMO, checkoutId)).toMatchObject({ outcome: 'completed', amount: '58.00' });
    await expect(createDemoAdapter(() => clock).status(DEMO, 'not-a-demo-id')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('makes no request of any kind', async () => {
    const fetched: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (...args: unknown[]) => void fetched.push(args)) as unknown as typeof fetch;
    try {
      const adapter = createDemoAdapter(() => clock);
      const { checkoutId } = await adapter.create(DEMO, request());
      await adapter.status(DEMO, checkoutId);
      await adapter.testConnection(DEMO);
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetched).toEqual([]);
  });
});

describe('the demo through the real lifecycle', () => {
  let clock: number;
  let notified: NotificationEvent[];
  let restarts: number;

  /** A lifecycle as a (re)started worker builds it: a new demo adapter each time. */
  function worker(online = false) {
    restarts += 1;
    return createLifecycle({
      now: () => clock,
      random: () => 0.5,
      newId: () => `rec-${clock}`,
      isOnline: () => online, // the demo needs no network
      hasHostAccess: async () => online, // nor any host
      loadContext,
      adapters: providerAdapters({ create: async () => ({ checkoutId: 'real' }), get: async () => ({ status: 'processing', rawStatus: 'processing', amount: null, currency: null, notes: null }) }, { demo: createDemoAdapter(() => clock) }),
      notify: async (record, event) => {
        notified.push(event);
        return describeNotification(record, event);
      },
      onScheduleChange: () => {},
    });
  }

  beforeEach(async () => {
    fakeBrowser.reset();
    clock = 10_000_000;
    notified = [];
    restarts = 0;
    await profilesStorage.set({ profiles: [PROFILE], defaultProfileId: PROFILE.id });
  });

  it('needs no key: connected while switched on, off in one call', async () => {
    let { settings, sessionKeys } = await readServiceState();
    expect(connectionOf(settings, sessionKeys, 'demo')).toBeNull();
    await setServiceEnabled('demo', true);
    ({ settings, sessionKeys } = await readServiceState());
    expect(connectedServices(settings, sessionKeys)).toEqual(['demo']);
    expect(preferredService(settings, sessionKeys)).toBe('demo');
    await setServiceEnabled('demo', false);
    ({ settings, sessionKeys } = await readServiceState());
    expect(connectedServices(settings, sessionKeys)).toEqual([]);
    expect(settings.defaultService).toBeNull();
  });

  it('switched on beside a real service, it does not take over the default', async () => {
    await connectSmartcheckout();
    await setServiceEnabled('demo', true);
    const { settings, sessionKeys } = await readServiceState();
    expect(connectedServices(settings, sessionKeys)).toEqual(['smartcheckout', 'demo']);
    expect(settings.defaultService).toBe('smartcheckout');
  });

  it('completes across a worker restart, notified once, marked DEMO in the notification and the CSV', async () => {
    await setServiceEnabled('demo', true);
    // Confirmed like a real purchase ("Ask before buying" is on by default), with the ceiling a real purchase would
    // have (29.00 + the 15.00 minimum for shipping and tax), though no cap or limit applies to it.
    const unconfirmed = await worker().start({ ...startRequest(), service: 'demo' });
    expect(unconfirmed).toMatchObject({ ok: false, code: 'needs_confirmation' });
    const prompt = buildPrompt(purchaseDetails(startRequest(), PROFILE, [{ amount: '44.00', currency: 'USD' }]));
    const started = await worker().start({ ...startRequest({ confirmedPrompt: prompt }), service: 'demo' });
    expect(started).toMatchObject({ ok: true, record: { state: 'processing', service: 'demo', maxPrice: null, prompt } });
    await worker().pollDue();
    clock += 1_000;
    await worker().pollDue();
    expect((await readCheckouts()).records[0]!.state).toBe('processing');
    clock += DEMO_PROCESSING_MS;
    await worker().pollDue();
    const [record] = (await readCheckouts()).records;
    expect(record).toMatchObject({ state: 'completed', amount: '29.00', currency: 'USD' });
    expect(notified).toEqual(['completed']);
    expect(record!.notifications[0]).toMatchObject({ title: 'DEMO · Purchase completed', message: expect.stringMatching(/\(DEMO: nothing was bought\)$/) });
    expect(checkoutsToCsv([record!]).split('\r\n')[1]).toMatch(new RegExp(`,"DEMO","${record!.receipt!.digest}",""$`));
    expect(restarts).toBeGreaterThan(3);
  });

  it('never counts toward the spending limits, and is never blocked by them', async () => {
    await connectSmartcheckout({ safety: { confirmEachPurchase: false, maxPrice: { amount: '10.00', currency: 'USD' }, dailyLimit: { amount: '40.00', currency: 'USD' }, monthlyLimit: null, shippingAllowance: DEFAULT_SAFETY.shippingAllowance } });
    await setServiceEnabled('demo', true);
    // Over the cap and the daily limit: the demo still runs, with no cap told to anyone.
    const demo = await worker().start({ ...startRequest({ quantity: 3 }), service: 'demo' });
    expect(demo).toMatchObject({ ok: true, record: { maxPrice: null } });
    clock += DEMO_PROCESSING_MS;
    await worker().pollDue();
    expect((await readCheckouts()).records[0]!.state).toBe('completed');
    // 87 USD of DEMO purchases today; a real 9 USD purchase still fits the 40 USD daily limit.
    const real = await worker(true).start({ ...startRequest(), product: { ...PRODUCT, price: '9.00' }, service: 'smartcheckout' });
    expect(real).toMatchObject({ ok: true });
  });

  it('the demo page\'s product is bought by the demo only', async () => {
    await connectSmartcheckout();
    const result = await worker().start({ ...startRequest(), product: { ...PRODUCT, url: 'chrome-extension://abcdef/demo.html?product=tee' }, service: 'smartcheckout' });
    expect(result).toMatchObject({ ok: false, code: 'invalid_order', message: expect.stringContaining('buy it with the DEMO service') });
  });
});
