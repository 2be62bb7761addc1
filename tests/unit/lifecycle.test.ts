import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createLifecycle, type LifecycleDeps, DUPLICATE_WINDOW_MS, FAST_PHASE_MS, FIRST_POLL_MS, POLL_DEADLINE_MS, pollDelayAfter } from '../../utils/checkouts/lifecycle';
import type { NotificationEvent } from '../../utils/checkouts/record';
import { readCheckouts } from '../../utils/checkouts/store';
import { profilesStorage } from '../../utils/profiles/storage';
import { DEFAULT_SAFETY, settingsStorage } from '../../utils/settings';
import { SmartcheckoutError } from '../../utils/smartcheckout/errors';
import { type CheckoutProvider, connectSmartcheckout, loadContext, providerAdapters } from './support/services';
import { PROFILE, PRODUCT, startRequest } from './fixtures/purchase';

type GetAnswer = Awaited<ReturnType<CheckoutProvider['get']>>;

/** A scripted checkout service: each call takes the next scripted answer (a value or an error to throw). */
function scriptedProvider() {
  const calls = { create: [] as { url: string; userData: Record<string, unknown>; key: string; storedStates: string[] }[], get: [] as string[] };
  const createAnswers: (string | Error)[] = [];
  const getAnswers: (Partial<GetAnswer> | Error)[] = [];
  const provider: CheckoutProvider = {
    async create(url, userData, key) {
      // What was on record at the moment of the POST: the transition must be persisted first.
      const storedStates = (await readCheckouts()).records.map((r) => r.state);
      calls.create.push({ url, userData, key, storedStates });
      const answer = createAnswers.shift() ?? 'co-1';
      if (answer instanceof Error) throw answer;
      return { checkoutId: answer };
    },
    async get(id) {
      calls.get.push(id);
      const answer = getAnswers.shift() ?? { status: 'processing' };
      if (answer instanceof Error) throw answer;
      return { status: 'processing', rawStatus: answer.status ?? 'processing', amount: null, currency: null, notes: null, ...answer };
    },
  };
  return { provider, calls, createAnswers, getAnswers };
}

let clock: number;
let online: boolean;
let hostAccess: boolean;
let notified: { id: string; event: NotificationEvent }[];
let service: ReturnType<typeof scriptedProvider>;
let ids: number;

function lifecycle(overrides: Partial<LifecycleDeps> = {}) {
  return createLifecycle({
    now: () => clock,
    random: () => 0.5,
    newId: () => `rec-${++ids}`,
    isOnline: () => online,
    hasHostAccess: async () => hostAccess,
    loadContext,
    adapters: providerAdapters(() => service.provider),
    notify: async (record, event) => {
      notified.push({ id: record.id, event });
      return { title: event, message: record.product.name ?? '' };
    },
    onScheduleChange: () => {},
    ...overrides,
  });
}

async function records() {
  return (await readCheckouts()).records;
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = 1_000_000;
  online = true;
  hostAccess = true;
  notified = [];
  ids = 0;
  service = scriptedProvider();
  await connectSmartcheckout();
  await profilesStorage.set({ profiles: [PROFILE], defaultProfileId: PROFILE.id });
});

describe('start', () => {
  it('records the purchase as starting before the POST, then as processing with the checkout id', async () => {
    const result = await lifecycle().start(startRequest());
    expect(result).toMatchObject({ ok: true, duplicate: false, record: { state: 'processing', checkoutId: 'co-1' } });
    expect(service.calls.create).toHaveLength(1);
    expect(service.calls.create[0]!.storedStates).toEqual(['starting']);
    expect(service.calls.create[0]!.key).toBe('rec-1');
    expect(service.calls.create[0]!.url).toBe(PRODUCT.url);
    const [record] = await records();
    expect(record).toMatchObject({ state: 'processing', nextPollAt: clock + FIRST_POLL_MS, deadlineAt: clock + POLL_DEADLINE_MS, variantLabel: 'Size M, Color Blue' });
  });

  it('sends user_data in the contract shape', async () => {
    await lifecycle().start(startRequest({ quantity: 2, instructions: 'Leave at the door.' }));
    expect(service.calls.create[0]!.userData).toEqual({
      email: 'ada@example.com',
      prompt: 'Variant: Size M, Color Blue (SKU TS-BL-M, variant id 4242). Quantity: 2. Leave at the door.',
      quantity: 2,
      variant: { id: '4242', sku: 'TS-BL-M', options: { Size: 'M', Color: 'Blue' } },
      shipping_address: {
        first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+442071234567',
        address1: "12 St James's Square", address2: 'Flat 3', city: 'London', province_code: '',
        postal_code: 'SW1Y 4JH', country_code: 'GB',
      },
    });
  });

  it.each([
    ['no API key', () => connectSmartcheckout({ apiKey: '' }), 'no_api_key'],
    ['no profile', async () => profilesStorage.set({ profiles: [], defaultProfileId: null }), 'no_profile'],
    ['offline', async () => void (online = false), 'offline'],
    ['API host withheld', async () => void (hostAccess = false), 'no_access'],
  ])('%s: refuses without recording or posting', async (_name, setup, code) => {
    await setup();
    expect(await lifecycle().start(startRequest())).toMatchObject({ ok: false, code });
    expect(service.calls.create).toHaveLength(0);
    expect(await records()).toHaveLength(0);
  });

  it.each([
    ['auth', new SmartcheckoutError('auth', { status: 401 }), 'auth', 'API key rejected by Smartcheckout. Check it in Options. Nothing was bought.'],
    [
      'validation',
      new SmartcheckoutError('validation', { status: 422, serviceMessage: 'Shop not supported' }),
      'rejected',
      'Smartcheckout refused the request: “Shop not supported”. Nothing was bought.',
    ],
    ['rate limited', new SmartcheckoutError('rate_limited', { status: 429, retryAfterMs: 30_000 }), 'rejected', 'Smartcheckout is busy (too many requests). Nothing was bought.'],
  ])('%s: a certain refusal forgets the attempt and says why', async (_name, error, code, message) => {
    service.createAnswers.push(error);
    expect(await lifecycle().start(startRequest())).toEqual({ ok: false, code, message });
    expect(await records()).toHaveLength(0);
  });

  it.each([
    ['network', new SmartcheckoutError('network')],
    ['timeout', new SmartcheckoutError('timeout')],
    ['server', new SmartcheckoutError('server', { status: 502 })],
    ['garbled reply', new SmartcheckoutError('unexpected_response')],
  ])('%s: the outcome is unknown, the user is told once, and nothing is posted again', async (_name, error) => {
    service.createAnswers.push(error);
    const life = lifecycle();
    const result = await life.start(startRequest());
    expect(result).toMatchObject({ ok: true, record: { state: 'outcome_unknown', checkoutId: null } });
    expect(notified).toEqual([{ id: 'rec-1', event: 'outcome_unknown' }]);
    await life.pollDue();
    await life.recover();
    expect(service.calls.create).toHaveLength(1);
    expect(service.calls.get).toHaveLength(0);
    expect(notified).toHaveLength(1);
  });

  it('treats the same purchase again within the window as the first one', async () => {
    const life = lifecycle();
    const [first, second] = await Promise.all([life.start(startRequest()), life.start(startRequest())]);
    expect(service.calls.create).toHaveLength(1);
    expect([first, second].map((r) => r.ok && r.duplicate).sort()).toEqual([false, true]);
    clock += DUPLICATE_WINDOW_MS + 1;
    await life.start(startRequest());
    expect(service.calls.create).toHaveLength(2);
  });

  it('a different variant or quantity is a different purchase', async () => {
    const life = lifecycle();
    await life.start(startRequest());
    await life.start(startRequest({ quantity: 3 }));
    await life.start(startRequest({ variant: { id: '4243', sku: 'TS-BL-L', options: { Size: 'L', Color: 'Blue' }, label: null } }));
    expect(service.calls.create).toHaveLength(3);
  });
});

describe('poll', () => {
  async function started() {
    const life = lifecycle();
    const result = await life.start(startRequest());
    if (!result.ok) throw new Error('did not start');
    return { life, id: result.record.id };
  }

  it('polls every 3 s for the first two minutes, then once a minute', async () => {
    const startedAt = clock;
    const { life, id } = await started();
    const polls: { at: number; next: number }[] = [];
    while (clock - startedAt < 5 * 60_000) {
      clock = (await records())[0]!.nextPollAt!;
      await life.poll(id);
      polls.push({ at: clock - startedAt, next: (await records())[0]!.nextPollAt! - clock });
    }
    expect(polls[0]!.at).toBe(FIRST_POLL_MS);
    expect(polls.filter((p) => p.at < FAST_PHASE_MS).every((p) => p.next === 3_000)).toBe(true);
    expect(polls.filter((p) => p.at >= FAST_PHASE_MS).every((p) => p.next === 60_000)).toBe(true);
    // What a 5-minute purchase costs the service (the benchmark measures the same against the sandbox).
    expect(polls.filter((p) => p.at <= 5 * 60_000)).toHaveLength(43);
    // And one still processing at the 30-minute deadline: 67 requests in all (the deadline check sends none).
    while ((await records())[0]!.state === 'processing') {
      clock = (await records())[0]!.nextPollAt!;
      await life.poll(id);
      polls.push({ at: clock - startedAt, next: 0 });
    }
    expect((await records())[0]!.state).toBe('stopped');
    expect((await records())[0]!.polls).toBe(67);
    expect([pollDelayAfter(0), pollDelayAfter(FAST_PHASE_MS - 1), pollDelayAfter(FAST_PHASE_MS)]).toEqual([3_000, 3_000, 60_000]);
  });

  it('completes with amount and currency and notifies exactly once', async () => {
    const { life, id } = await started();
    service.getAnswers.push({ status: 'completed', amount: '62.00', currency: 'USD', notes: '' }, { status: 'completed', amount: '62.00', currency: 'USD' });
    await Promise.all([life.poll(id), life.poll(id)]);
    await life.poll(id);
    expect(service.calls.get).toHaveLength(1);
    const [record] = await records();
    expect(record).toMatchObject({ state: 'completed', amount: '62.00', currency: 'USD', nextPollAt: null, pendingNotification: null });
    expect(record!.notifications).toEqual([{ event: 'completed', title: 'completed', message: 'Merino Tee', at: clock }]);
    expect(notified).toEqual([{ id, event: 'completed' }]);
  });

  it('fails with the service notes', async () => {
    const { life, id } = await started();
    service.getAnswers.push({ status: 'failed', notes: 'Out of stock' });
    await life.poll(id);
    expect((await records())[0]).toMatchObject({ state: 'failed', notes: 'Out of stock' });
    expect(notified).toEqual([{ id, event: 'failed' }]);
  });

  it('keeps an unknown status in progress, remembering what the service said', async () => {
    const { life, id } = await started();
    service.getAnswers.push({ status: 'processing', rawStatus: 'awaiting_agent' });
    await life.poll(id);
    expect((await records())[0]).toMatchObject({ state: 'processing', serviceStatus: 'awaiting_agent' });
    expect(notified).toEqual([]);
  });

  it('stops at a 404 with a clear state', async () => {
    const { life, id } = await started();
    service.getAnswers.push(new SmartcheckoutError('not_found', { status: 404 }));
    await life.poll(id);
    expect((await records())[0]).toMatchObject({ state: 'not_found', nextPollAt: null });
    expect(await life.nextPollAt()).toBeNull();
  });

  it('honours Retry-After on 429', async () => {
    const { life, id } = await started();
    service.getAnswers.push(new SmartcheckoutError('rate_limited', { status: 429, retryAfterMs: 7000 }));
    await life.poll(id);
    expect((await records())[0]!.nextPollAt).toBe(clock + 7000);
  });

  it('backs off exponentially on server, network and garbled answers, and recovers', async () => {
    const { life, id } = await started();
    service.getAnswers.push(
      new SmartcheckoutError('server', { status: 503 }),
      new SmartcheckoutError('timeout'),
      new SmartcheckoutError('unexpected_response'),
      { status: 'completed', amount: '29.00', currency: 'USD' },
    );
    const waits: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await life.poll(id);
      const record = (await records())[0]!;
      waits.push(record.nextPollAt! - clock);
      expect(record.lastError).toBeTruthy();
    }
    // random() = 0.5 → 75 % of 2 s, 4 s, 8 s.
    expect(waits).toEqual([1500, 3000, 6000]);
    await life.poll(id);
    expect((await records())[0]).toMatchObject({ state: 'completed', lastError: null });
  });

  it('stops after the deadline, and "Check again" resumes', async () => {
    const { life, id } = await started();
    clock += POLL_DEADLINE_MS;
    await life.poll(id);
    expect((await records())[0]).toMatchObject({ state: 'stopped', nextPollAt: null });
    expect(service.calls.get).toHaveLength(0);
    await life.recheck(id);
    expect((await records())[0]).toMatchObject({ state: 'processing', nextPollAt: clock, deadlineAt: clock + POLL_DEADLINE_MS });
    service.getAnswers.push({ status: 'completed', amount: '29.00', currency: 'USD' });
    await life.pollDue();
    expect((await records())[0]!.state).toBe('completed');
  });

  it('"Check again" polls fast again: the user is waiting for that answer', async () => {
    const { life, id } = await started();
    clock += POLL_DEADLINE_MS;
    await life.poll(id);
    await life.recheck(id);
    await life.pollDue();
    expect((await records())[0]!.nextPollAt! - clock).toBe(3_000);
  });
});

describe('recover (worker start)', () => {
  it('marks a purchase left starting by a dead worker as outcome unknown, without posting', async () => {
    let release!: () => void;
    const hanging = new Promise<void>((resolve) => (release = resolve));
    const dying = lifecycle({ adapters: providerAdapters({ ...service.provider, create: () => hanging.then(() => ({ checkoutId: 'late' })) }) });
    void dying.start(startRequest());
    await expect.poll(async () => (await records())[0]?.state).toBe('starting');

    // A new worker instance starts: the old one's POST is gone with it.
    await lifecycle().recover();
    expect((await records())[0]).toMatchObject({ state: 'outcome_unknown' });
    expect(notified).toEqual([{ id: 'rec-1', event: 'outcome_unknown' }]);
    release();
  });

  it('shows a notification that was decided but not shown before the worker died', async () => {
    const life = lifecycle({ notify: async () => Promise.reject(new Error('worker killed')) });
    const result = await life.start(startRequest());
    service.getAnswers.push({ status: 'completed', amount: '29.00', currency: 'USD' });
    await life.poll(result.ok ? result.record.id : '').catch(() => {});
    expect((await records())[0]).toMatchObject({ state: 'completed', pendingNotification: 'completed' });

    await lifecycle().recover();
    expect(notified).toEqual([{ id: 'rec-1', event: 'completed' }]);
    expect((await records())[0]).toMatchObject({ pendingNotification: null, notifications: [expect.objectContaining({ event: 'completed' })] });
  });
});

describe('storage', () => {
  it('a corrupt record does not stop the others from being polled, and is kept', async () => {
    const life = lifecycle();
    await life.start(startRequest());
    const stored = (await fakeBrowser.storage.local.get('checkouts')).checkouts as unknown[];
    await fakeBrowser.storage.local.set({ checkouts: [{ id: 'broken', state: 'bogus' }, ...stored] });
    clock += FIRST_POLL_MS;
    service.getAnswers.push({ status: 'completed', amount: '29.00', currency: 'USD' });
    await life.pollDue();
    const list = await readCheckouts();
    expect(list.records[0]!.state).toBe('completed');
    expect(list.unreadable).toEqual([{ id: 'broken', state: 'bogus' }]);
  });
});

describe('resolve', () => {
  it('lets the user close a purchase whose outcome is unknown, and nothing else', async () => {
    service.createAnswers.push(new SmartcheckoutError('timeout'), 'co-2');
    const life = lifecycle();
    await life.start(startRequest());
    await life.start(startRequest({ quantity: 2 }));
    const [processing, unknown] = await records();
    await life.resolve(unknown!.id);
    await life.resolve(processing!.id);
    expect((await records()).map((r) => r.state)).toEqual(['processing', 'resolved']);
  });
});
