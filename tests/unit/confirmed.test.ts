import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PurchaseList } from '../../components/PurchaseList';
import { fakeBrowser } from 'wxt/testing';
import { CONFIRMATION_TTL_MS, createLifecycle, type LifecycleDeps, type StartRequest } from '../../utils/checkouts/lifecycle';
import { completionAlert } from '../../utils/checkouts/alert';
import { offerOf } from '../../utils/checkouts/reread';
import type { NotificationEvent } from '../../utils/checkouts/record';
import { readCheckouts } from '../../utils/checkouts/store';
import { buildPrompt, purchaseDetails } from '../../utils/services/smartcheckout/userData';
import { describeNotification } from '../../utils/background/notifications';
import { SmartcheckoutError } from '../../utils/services/smartcheckout/errors';
import type { Detection } from '../../utils/product/detectInTab';
import { profilesStorage } from '../../utils/profiles/storage';
import { DEFAULT_SAFETY, type Safety } from '../../utils/settings/settings';
import { PROFILE, PRODUCT, startRequest } from './fixtures/purchase';
import { type CheckoutProvider, connectSmartcheckout, loadContext, providerAdapters } from './support/services';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const TAB = 7;

let clock: number;
let ids: number;
let posts: { url: string; userData: Record<string, unknown>; key: string }[];
let answers: Awaited<ReturnType<CheckoutProvider['get']>>[];
/** An error the next create throws. */
let refusal: Error | null;
let notified: { id: string; event: NotificationEvent }[];
/** What reading the shop tab again answers, and when (a page busy with its own scripts answers late). */
let tab: { detection: Detection; answered: Promise<void> };

const provider: CheckoutProvider = {
  async create(url, userData, key) {
    posts.push({ url, userData, key });
    if (refusal) throw refusal;
    return { checkoutId: `co-${posts.length}` };
  },
  async get() {
    return answers.shift() ?? { status: 'processing', rawStatus: 'processing', amount: null, currency: null, notes: null };
  },
};

function lifecycle(overrides: Partial<LifecycleDeps> = {}) {
  return createLifecycle({
    now: () => clock,
    random: () => 0.5,
    newId: () => `rec-${++ids}`,
    isOnline: () => true,
    hasHostAccess: async () => true,
    loadContext,
    adapters: providerAdapters(provider),
    notify: async (record, event) => {
      notified.push({ id: record.id, event });
      return describeNotification(record, event);
    },
    onScheduleChange: () => {},
    readTab: async () => {
      await tab.answered;
      return tab.detection;
    },
    ...overrides,
  });
}

async function setSafety(safety: Partial<Safety>) {
  await connectSmartcheckout({ safety: { ...DEFAULT_SAFETY, ...safety } });
}

/** A start as the popup sends it once the user confirmed: with the prompt they saw and the shop tab to read again. */
function confirmedRequest(overrides: Partial<StartRequest> = {}, maxSpend = [usd('44.00')]): StartRequest {
  const request = { ...startRequest({ attemptId: `attempt-${++ids}` }), tabId: TAB, seen: offerOf(PRODUCT), ...overrides };
  return { ...request, confirmedPrompt: buildPrompt(purchaseDetails(request, PROFILE, maxSpend)) };
}

/** Lets the background's own work (reading the page, sending) run to its end. */
async function settle() {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

const records = async () => (await readCheckouts()).records;

beforeEach(async () => {
  fakeBrowser.reset();
  clock = 1_000_000;
  ids = 0;
  posts = [];
  answers = [];
  refusal = null;
  notified = [];
  tab = { detection: { kind: 'product', product: PRODUCT }, answered: Promise.resolve() };
  await setSafety({});
  await profilesStorage.set({ profiles: [PROFILE], defaultProfileId: PROFILE.id });
});

// What the background still does after a test's last step ends within that test.
afterEach(settle);

describe('a confirmed purchase belongs to the background', () => {
  it('is recorded at once; the page is read again and the purchase sent by the background, however long the page takes', async () => {
    let answer!: () => void;
    tab = { detection: { kind: 'product', product: PRODUCT }, answered: new Promise((resolve) => (answer = resolve)) };
    const life = lifecycle();
    const started = life.start(confirmedRequest());
    await settle();
    // On record, holding its ceiling, while the page is still being read: a popup closed now loses nothing.
    expect(await records()).toEqual([expect.objectContaining({ state: 'confirmed', ceiling: usd('44.00') })]);
    expect(posts).toHaveLength(0);
    answer();
    expect(await started).toMatchObject({ ok: true, record: { state: 'processing' } });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.userData.max_price).toEqual(usd('44.00'));
    expect(await records()).toEqual([expect.objectContaining({ state: 'processing', confirmedRequest: null, startNote: null })]);
  });

  it('a price that moved on the page sends nothing: a notification says what changed, and the hold is released', async () => {
    await setSafety({ dailyLimit: usd('50') });
    tab = { detection: { kind: 'product', product: { ...PRODUCT, price: '35.00' } }, answered: Promise.resolve() };
    const life = lifecycle();
    await life.start(confirmedRequest());
    await settle();
    expect(posts).toHaveLength(0);
    const [record] = await records();
    expect(record).toMatchObject({ state: 'not_sent', drift: { before: { price: '29.00' }, after: { price: '35.00' } } });
    expect(notified.map((n) => n.event)).toEqual(['not_sent']);
    expect(describeNotification(record!, 'not_sent').message).toBe(
      'Merino Tee — you confirmed 29.00 USD, Size M, Color Blue, the page now says 35.00 USD, Size M, Color Blue. Nothing was sent: open it to decide again.',
    );
    // Nothing was sent, so nothing is held: the whole limit is there for the next purchase (29.00 + 15.00 ≤ 50).
    tab = { detection: { kind: 'product', product: PRODUCT }, answered: Promise.resolve() };
    expect(await life.start(confirmedRequest())).toMatchObject({ ok: true, record: { ceiling: usd('44.00') } });
  });

  it('refused by the service with no popup open: kept as not sent, and a notification says why', async () => {
    refusal = new SmartcheckoutError('validation', { status: 422, serviceMessage: 'Shop not supported' });
    // A popup still open hears why; a closed one is told by the notification, and the history keeps it.
    expect(await lifecycle().start(confirmedRequest())).toMatchObject({ ok: false, code: 'rejected', message: expect.stringContaining('Shop not supported') });
    await settle();
    expect(posts).toHaveLength(1);
    const [record] = await records();
    expect(record).toMatchObject({ state: 'not_sent', lastError: expect.stringContaining('Shop not supported') });
    expect(notified.map((n) => n.event)).toEqual(['not_sent']);
    expect(describeNotification(record!, 'not_sent').message).toMatch(/^Merino Tee — nothing was sent: .*Shop not supported/);
  });

  it('a stored offer with a price no snapshot could have makes the record unreadable (listed, held), never a view that fails', async () => {
    tab = { detection: { kind: 'product', product: { ...PRODUCT, price: '35.00' } }, answered: Promise.resolve() };
    await lifecycle().start(confirmedRequest());
    const stored = (await fakeBrowser.storage.local.get('checkouts')).checkouts as { drift: { before: { price: string } } }[];
    stored[0]!.drift.before.price = '1,299';
    await fakeBrowser.storage.local.set({ checkouts: stored });
    const list = await readCheckouts();
    expect(list.records).toHaveLength(0);
    expect(list.unreadable).toHaveLength(1);
    expect(() => renderToStaticMarkup(createElement(PurchaseList, { records: list.records, unreadable: list.unreadable }))).not.toThrow();
  });

  it('a page that cannot be read again (tab closed or elsewhere) sends what was confirmed, and says so in the history', async () => {
    for (const detection of [{ kind: 'unreadable', message: 'gone' }, { kind: 'product', product: { ...PRODUCT, url: 'https://shop.example/cart', price: '1.00' } }] as Detection[]) {
      tab = { detection, answered: Promise.resolve() };
      await lifecycle().start(confirmedRequest({ product: { ...PRODUCT, url: `${PRODUCT.url}&n=${ids}` } }));
      await settle();
    }
    expect(posts).toHaveLength(2);
    expect((await records()).map((r) => r.startNote)).toEqual([expect.stringMatching(/could not be read again/), expect.stringMatching(/could not be read again/)]);
  });

  it('a worker stopped before sending: the next worker reads the page and sends it once', async () => {
    tab = { detection: { kind: 'product', product: PRODUCT }, answered: new Promise(() => {}) };
    void lifecycle().start(confirmedRequest());
    await settle();
    // That worker is gone (its page read never answered); a new one starts. Storage, like the browser's, kept the
    // variant's options in another order than the shop's.
    const stored = (await fakeBrowser.storage.local.get('checkouts')).checkouts as { confirmedRequest: { product: { variant: { options: Record<string, string> } } } }[];
    const options = stored[0]!.confirmedRequest.product.variant.options;
    stored[0]!.confirmedRequest.product.variant.options = Object.fromEntries(Object.entries(options).reverse());
    await fakeBrowser.storage.local.set({ checkouts: stored });
    tab = { detection: { kind: 'product', product: PRODUCT }, answered: Promise.resolve() };
    const next = lifecycle();
    await next.recover();
    await next.recover();
    await settle();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.key).toBe('attempt-1');
    expect(posts[0]!.userData.prompt).toBe((await records())[0]!.prompt);
    expect(posts[0]!.userData.prompt).toContain('variant "Size M, Color Blue"');
    expect((await records())[0]!.state).toBe('processing');
    expect(await next.nextPollAt()).not.toBeNull();
  });

  it('a purchase left starting by a stopped worker keeps an alarm, and the next run says its outcome is unknown (never re-posted)', async () => {
    const hung: CheckoutProvider = { ...provider, create: () => new Promise(() => {}) };
    void lifecycle({ adapters: providerAdapters(hung) }).start(confirmedRequest());
    await settle();
    expect((await records())[0]!.state).toBe('starting');
    const next = lifecycle();
    expect(await next.nextPollAt()).toBe(clock + 10_000);
    clock += 10_000;
    await next.pollDue();
    expect(await records()).toEqual([expect.objectContaining({ state: 'outcome_unknown' })]);
    expect(posts).toHaveLength(0);
  });

  it('a confirmation left unsent for too long (the browser was closed) is asked again, never sent', async () => {
    tab = { detection: { kind: 'product', product: PRODUCT }, answered: new Promise(() => {}) };
    void lifecycle().start(confirmedRequest());
    await settle();
    clock += CONFIRMATION_TTL_MS + 1;
    tab = { detection: { kind: 'product', product: PRODUCT }, answered: Promise.resolve() };
    await lifecycle().recover();
    await settle();
    expect(posts).toHaveLength(0);
    expect(await records()).toEqual([expect.objectContaining({ state: 'not_sent', pendingNotification: null })]);
    expect(notified.map((n) => n.event)).toEqual(['not_sent']);
  });
});

describe('holds', () => {
  it('three 1.00 USD purchases started together under a 100 USD daily limit are all sent, with ceilings adding up to at most 100', async () => {
    await setSafety({ dailyLimit: usd('100'), confirmEachPurchase: false });
    const life = lifecycle();
    const urls = ['a', 'b', 'c'].map((p) => `https://shop.example/products/${p}`);
    const results = await Promise.all(urls.map((url) => life.start(startRequest({ product: { url, price: '1.00' } }))));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const ceilings = posts.map((p) => p.userData.max_price as { amount: string });
    expect(ceilings).toEqual([usd('16.00'), usd('16.00'), usd('16.00')]);
    expect(ceilings.reduce((sum, c) => sum + Number(c.amount), 0)).toBeLessThanOrEqual(100);
  });

  it('a stored record that cannot be read still holds its ceiling against the limits', async () => {
    await setSafety({ dailyLimit: usd('100'), confirmEachPurchase: false });
    // Unreadable (its state is unknown to this version), with a readable ceiling and date.
    await fakeBrowser.storage.local.set({ checkouts: [{ id: 'odd', service: 'smartcheckout', state: 'paused_by_service', createdAt: clock - 1000, ceiling: usd('80.00') }] });
    const blocked = await lifecycle().start(startRequest());
    expect(blocked).toMatchObject({ ok: false, code: 'over_limit' });
    expect(posts).toHaveLength(0);
    const fits = await lifecycle().start(startRequest({ product: { price: '10.00' } }));
    expect(fits).toMatchObject({ ok: true, record: { ceiling: usd('20.00') } });
  });

  it('the user may set the ceiling of one purchase within the cap and what the limits leave', async () => {
    await setSafety({ dailyLimit: usd('100') });
    const life = lifecycle();
    const lower = await life.start(confirmedRequest({ ceiling: usd('35.00') }, [usd('35.00')]));
    expect(lower).toMatchObject({ ok: true, record: { ceiling: usd('35.00'), maxSpend: [usd('35.00')] } });
    // 100 − 35 held leaves 65: more than that is refused before anything is recorded (another product: the same
    // one again within a minute would be the same purchase).
    const other = { ...PRODUCT, url: 'https://shop.example/products/other' };
    const higher = await life.start(confirmedRequest({ product: other, seen: offerOf(other), ceiling: usd('66.00') }, [usd('66.00')]));
    expect(higher).toMatchObject({ ok: false, code: 'over_limit', message: expect.stringMatching(/at most 65.00 USD/) });
    await settle();
    expect(posts.map((p) => p.userData.max_price)).toEqual([usd('35.00')]);
  });
});

describe('a completion that differs from what was approved is an alert', () => {
  it.each([
    ['above its ceiling', { amount: '44.01', currency: 'USD' }, 'Alert: purchase completed above what you allowed'],
    ['in another currency', { amount: '30.00', currency: 'EUR' }, 'Alert: purchase charged in another currency'],
  ])('%s', async (_name, charge, title) => {
    await setSafety({ confirmEachPurchase: false });
    const life = lifecycle();
    const started = await life.start(startRequest());
    answers.push({ status: 'completed', rawStatus: 'completed', notes: null, ...charge });
    await life.poll(started.ok ? started.record.id : '');
    const [record] = await records();
    expect(notified.map((n) => n.event)).toEqual(['over_cap']);
    expect(describeNotification(record!, 'over_cap').title).toBe(title);
  });

  it('another variant of the approved page is another product too; the page without a variant is not', () => {
    const completed = (url: string) => ({
      amount: '29.00', currency: 'USD', maxSpend: [usd('44.00')], maxPrice: null, ceiling: usd('44.00'),
      product: { url: PRODUCT.url, name: PRODUCT.name, image: null, price: '29.00', currency: 'USD' },
      reportedProduct: { url, name: null },
    });
    expect(completionAlert(completed('https://shop.example/products/merino-tee?variant=4243'))).toMatchObject({ kind: 'product' });
    expect(completionAlert(completed('https://shop.example/products/merino-tee'))).toBeNull();
  });

  it('another product than the page approved, when the service names one', async () => {
    await setSafety({ confirmEachPurchase: false });
    const reported = { url: 'https://shop.example/products/other-thing', name: 'Other thing' };
    const adapters = providerAdapters(provider);
    const status = adapters.smartcheckout.status;
    const life = lifecycle({ adapters: { ...adapters, smartcheckout: { ...adapters.smartcheckout, status: async (c, id) => ({ ...(await status(c, id)), product: reported }) } } });
    const started = await life.start(startRequest());
    answers.push({ status: 'completed', rawStatus: 'completed', amount: '29.00', currency: 'USD', notes: null });
    await life.poll(started.ok ? started.record.id : '');
    const [record] = await records();
    expect(record).toMatchObject({ state: 'completed', reportedProduct: reported });
    expect(describeNotification(record!, 'over_cap')).toEqual({
      title: 'Alert: the service reports another product',
      message: 'Merino Tee — the service reports buying https://shop.example/products/other-thing, not the page you approved.',
    });
  });
});

describe('a purchase under a price watch’s mandate', () => {
  const mandate = (overrides = {}) => ({ watchId: 'w1', ceiling: usd('40.00'), signedAt: 1, until: clock + 60_000, ...overrides });

  it('is confirmed by the mandate: sent with its ceiling as max_price, and the receipt names the mandate', async () => {
    const life = lifecycle();
    const result = await life.start({ ...startRequest({ attemptId: `attempt-${++ids}` }), mandate: mandate() });
    expect(result).toMatchObject({ ok: true });
    expect(posts).toHaveLength(1);
    expect(posts[0]!.userData.max_price).toEqual(usd('40.00'));
    expect((await records())[0]!.receipt?.mandate).toEqual(mandate());
  });

  it('never buys once the mandate expired, nor beyond what the limits leave', async () => {
    // Even with confirmation off: the mandate's end is what stops it.
    await setSafety({ confirmEachPurchase: false });
    const life = lifecycle();
    expect(await life.start({ ...startRequest({ attemptId: `attempt-${++ids}` }), mandate: mandate({ until: clock }) })).toMatchObject({ ok: false, message: 'The watch has ended.' });
    await setSafety({ dailyLimit: usd('35') });
    expect(await life.start({ ...startRequest({ attemptId: `attempt-${++ids}` }), mandate: mandate() })).toMatchObject({ ok: false, code: 'over_limit' });
    expect(posts).toHaveLength(0);
  });
});
