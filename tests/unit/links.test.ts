import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createLifecycle, EXPIRY_GRACE_MS, type LifecycleDeps } from '../../utils/checkouts/lifecycle';
import { type NotificationEvent } from '../../utils/checkouts/record';
import { readCheckouts } from '../../utils/checkouts/store';
import { describeNotification } from '../../utils/background/notifications';
import { profilesStorage } from '../../utils/profiles/storage';
import { ServiceError } from '../../utils/services/errors';
import { DEFAULT_SAFETY, settingsStorage } from '../../utils/settings/settings';
import { PRODUCT, PROFILE } from './fixtures/purchase';
import { connectService, connectSmartcheckout, loadContext, providerAdapters, scriptedLinkAdapter } from './support/services';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let clock: number;
let notified: { id: string; event: NotificationEvent }[];
let shoppex: ReturnType<typeof scriptedLinkAdapter>;
let diddo: ReturnType<typeof scriptedLinkAdapter>;
let ids: number;

function lifecycle(overrides: Partial<LifecycleDeps> = {}) {
  return createLifecycle({
    now: () => clock,
    random: () => 0.5,
    newId: () => `rec-${++ids}`,
    isOnline: () => true,
    hasHostAccess: async () => true,
    loadContext,
    adapters: providerAdapters({ create: async () => ({ checkoutId: 'sc-1' }), get: async () => ({ status: 'processing', rawStatus: 'processing', amount: null, currency: null, notes: null }) }, { shoppex: shoppex.adapter, diddo: diddo.adapter }),
    notify: async (record, event) => {
      notified.push({ id: record.id, event });
      return describeNotification(record, event);
    },
    onScheduleChange: () => {},
    ...overrides,
  });
}

const request = (service: 'shoppex' | 'diddo' = 'shoppex', order: unknown = { sku: 'merino', amount: '58.00' }) => ({ service, product: PRODUCT, quantity: 2, profileId: PROFILE.id, instructions: '', order });
const records = async () => (await readCheckouts()).records;

beforeEach(async () => {
  fakeBrowser.reset();
  clock = 1_000_000;
  notified = [];
  ids = 0;
  shoppex = scriptedLinkAdapter();
  diddo = scriptedLinkAdapter();
  await connectSmartcheckout();
  await connectService('shoppex', 'shx_test');
  await connectService('diddo', 'diddo_test_1', 'https://diddo.example/api');
  await profilesStorage.set({ profiles: [PROFILE], defaultProfileId: PROFILE.id });
});

describe('creating a checkout link', () => {
  it('is recorded before the service is asked, then waits for payment with its link, amount and service', async () => {
    const result = await lifecycle().start(request());
    expect(shoppex.calls.create).toEqual([{ order: { sku: 'merino', amount: '58.00' }, intentId: 'rec-1', storedStates: ['starting'] }]);
    expect(result).toMatchObject({ ok: true, duplicate: false });
    expect((await records())[0]).toMatchObject({
      service: 'shoppex',
      state: 'processing',
      checkoutId: 'ch-1',
      checkoutUrl: 'https://pay.example/ch-1#auth_token=secret-token',
      quoted: { amount: '58.00', currency: 'USD' },
      nextPollAt: clock + 5_000,
      deadlineAt: clock + 24 * HOUR,
    });
  });

  it('spending limits do not apply: the customer pays', async () => {
    await settingsStorage.set({ ...(await settingsStorage.get()), safety: { ...DEFAULT_SAFETY, maxPrice: { amount: '1', currency: 'USD' }, dailyLimit: { amount: '1', currency: 'USD' } } });
    expect(await lifecycle().start(request())).toMatchObject({ ok: true });
    expect(shoppex.calls.create).toHaveLength(1);
  });

  it('a double click or two popups create one checkout; another product of the store is another checkout', async () => {
    const life = lifecycle();
    const [first, second] = await Promise.all([life.start(request()), life.start(request())]);
    expect([first, second].map((r) => r.ok && r.duplicate).sort()).toEqual([false, true]);
    await life.start(request('shoppex', { sku: 'kettle', amount: '45.00' }));
    expect(shoppex.calls.create.map((c) => c.order)).toEqual([
      { sku: 'merino', amount: '58.00' },
      { sku: 'kettle', amount: '45.00' },
    ]);
  });

  it('a lost answer leaves the outcome unknown; it is never created again, even after the worker restarts', async () => {
    shoppex.createAnswers.push(new ServiceError('timeout'));
    const life = lifecycle();
    expect(await life.start(request())).toMatchObject({ ok: true, record: { state: 'outcome_unknown' } });
    await life.recover();
    await life.pollDue();
    expect(await life.start(request())).toMatchObject({ ok: true, duplicate: true });
    expect(shoppex.calls.create).toHaveLength(1);
    expect(notified.map((n) => n.event)).toEqual(['outcome_unknown']);
  });

  it('a worker killed while creating leaves a record the next worker marks unknown, without creating again', async () => {
    const dying = scriptedLinkAdapter();
    dying.adapter.create = () => new Promise(() => {});
    void lifecycle({ adapters: { ...providerAdapters({ create: async () => ({ checkoutId: 'x' }), get: async () => ({ status: 'processing', rawStatus: 'processing', amount: null, currency: null, notes: null }) }), shoppex: dying.adapter } }).start(request());
    await expect.poll(async () => (await records())[0]?.state).toBe('starting');

    // A new worker: the old one's request is gone with it.
    const next = lifecycle();
    await next.recover();
    expect((await records())[0]).toMatchObject({ state: 'outcome_unknown' });
    expect(await next.start(request())).toMatchObject({ ok: true, duplicate: true });
    expect(shoppex.calls.create).toHaveLength(0);
  });

  it('for a service whose create is idempotent, the next worker sends it again once under the same key and follows the link it learns', async () => {
    const dying = scriptedLinkAdapter();
    dying.adapter.create = () => new Promise(() => {});
    dying.adapter.idempotentCreate = true;
    shoppex.adapter.idempotentCreate = true;
    void lifecycle({ adapters: { ...providerAdapters({ create: async () => ({ checkoutId: 'x' }), get: async () => ({ status: 'processing', rawStatus: 'processing', amount: null, currency: null, notes: null }) }), shoppex: dying.adapter } }).start(request());
    await expect.poll(async () => (await records())[0]?.state).toBe('starting');

    const next = lifecycle();
    await next.recover();
    expect(shoppex.calls.create).toEqual([{ order: { sku: 'merino', amount: '58.00' }, intentId: 'rec-1', storedStates: ['starting'] }]);
    expect((await records())[0]).toMatchObject({ id: 'rec-1', state: 'processing', checkoutId: 'ch-1' });
    // Once known, it is a checkout like any other: the same request again is that one.
    expect(await next.start(request())).toMatchObject({ ok: true, duplicate: true });
    expect(shoppex.calls.create).toHaveLength(1);
  });

  it('an order the service cannot read is refused before anything is recorded', async () => {
    expect(await lifecycle().start(request('shoppex', { amount: 5 }))).toMatchObject({ ok: false, code: 'invalid_order' });
    expect(await records()).toHaveLength(0);
  });

  it('a service that is not connected is refused in words', async () => {
    await connectService('shoppex', '');
    expect(await lifecycle().start(request())).toEqual({ ok: false, code: 'no_api_key', message: 'Add your Shoppex API key in Options first.' });
  });
});

describe('following a checkout link', () => {
  async function waiting(service: 'shoppex' | 'diddo' = 'shoppex') {
    const life = lifecycle();
    const result = await life.start(request(service));
    if (!result.ok) throw new Error('not created');
    return { life, id: result.record.id };
  }

  it('polls every 5 s for ten minutes, then every 30 s', async () => {
    const { life, id } = await waiting();
    const startedAt = clock;
    const gaps: { at: number; next: number }[] = [];
    while (clock - startedAt < 15 * MINUTE) {
      clock = (await records())[0]!.nextPollAt!;
      await life.poll(id);
      gaps.push({ at: clock - startedAt, next: (await records())[0]!.nextPollAt! - clock });
    }
    expect(gaps.filter((g) => g.at < 10 * MINUTE).every((g) => g.next === 5_000)).toBe(true);
    expect(gaps.filter((g) => g.at >= 10 * MINUTE).every((g) => g.next === 30_000)).toBe(true);
  });

  it('paid: the state, the amount and one notification naming the service and the product', async () => {
    const { life, id } = await waiting();
    shoppex.statusAnswers.push({ outcome: 'pending', rawStatus: 'WAITING_FOR_CONFIRMATIONS' }, { outcome: 'paid', rawStatus: 'COMPLETED', amount: '58.00', currency: 'USD' });
    await life.poll(id);
    expect((await records())[0]).toMatchObject({ state: 'processing', serviceStatus: 'WAITING_FOR_CONFIRMATIONS' });
    await life.poll(id);
    await life.poll(id);
    const [record] = await records();
    expect(record).toMatchObject({ state: 'paid', amount: '58.00', currency: 'USD' });
    expect(record!.notifications).toEqual([{ event: 'paid', title: 'Checkout paid', message: 'Paid: 58.00 USD — Merino Tee (Shoppex)', at: clock }]);
    expect(JSON.stringify(record!.notifications)).not.toContain('secret-token');
    expect(shoppex.calls.status).toHaveLength(2);
  });

  it.each([
    ['expired', 'Expired'],
    ['cancelled', 'Cancelled'],
    ['voided', 'Voided (cancelled or expired)'],
    ['refunded', 'Refunded'],
  ] as const)('%s ends it and says so', async (outcome, words) => {
    const { life, id } = await waiting();
    shoppex.statusAnswers.push({ outcome, rawStatus: outcome.toUpperCase() });
    await life.poll(id);
    const [record] = await records();
    expect(record!.state).toBe(outcome);
    expect(record!.notifications.map((n) => n.message)).toEqual([`${words} — Merino Tee (Shoppex)`]);
  });

  it('a status it does not know is kept and shown, and polling goes on', async () => {
    const { life, id } = await waiting();
    shoppex.statusAnswers.push({ outcome: 'pending', rawStatus: 'ON_HOLD_REVIEW' });
    await life.poll(id);
    const [record] = await records();
    expect(record).toMatchObject({ state: 'processing', serviceStatus: 'ON_HOLD_REVIEW', nextPollAt: clock + 5_000 });
  });

  it('an answer about another checkout is not believed', async () => {
    const { life, id } = await waiting();
    shoppex.statusAnswers.push({ id: 'ch-other', outcome: 'paid', rawStatus: 'COMPLETED' });
    await life.poll(id);
    expect((await records())[0]).toMatchObject({ state: 'processing', errorStreak: 1 });
  });

  it('still unpaid after 24 hours: no longer followed, with "Check again"', async () => {
    const { life, id } = await waiting();
    clock += 24 * HOUR;
    await life.poll(id);
    expect((await records())[0]).toMatchObject({ state: 'stopped', nextPollAt: null });
    expect(notified.map((n) => n.event)).toEqual(['stopped']);
    await life.recheck(id);
    expect((await records())[0]).toMatchObject({ state: 'processing', nextPollAt: clock, deadlineAt: clock + 24 * HOUR });
  });

  it('a link with an expiry is followed until just after it; a token link is then expired', async () => {
    diddo.createAnswers.push({ expiresAt: clock + 2 * HOUR });
    const { life, id } = await waiting('diddo');
    expect((await records())[0]!.deadlineAt).toBe(clock + 2 * HOUR + EXPIRY_GRACE_MS);
    clock += 2 * HOUR + EXPIRY_GRACE_MS;
    await life.poll(id);
    expect((await records())[0]!.state).toBe('expired');
    expect(notified.map((n) => n.event)).toEqual(['ended']);
  });

  it('a cart paid without an amount in its status reports what it was created for', async () => {
    const { life, id } = await waiting('diddo');
    diddo.statusAnswers.push({ outcome: 'paid', rawStatus: 'SUBMITTED' });
    await life.poll(id);
    expect((await records())[0]).toMatchObject({ state: 'paid', amount: '58.00', currency: 'USD' });
  });

  it('a service disconnected while waiting: the checkout is kept, and the user is told why it is not followed', async () => {
    const { life, id } = await waiting();
    await connectService('shoppex', '');
    await life.poll(id);
    const [record] = await records();
    expect(record).toMatchObject({ state: 'processing', errorStreak: 1 });
    expect(record!.lastError).toContain('Shoppex is not connected');
    expect(shoppex.calls.status).toHaveLength(0);
  });
});
