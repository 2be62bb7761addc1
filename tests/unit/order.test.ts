import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createLifecycle, type LifecycleDeps, type OrderRequest } from '../../utils/checkouts/lifecycle';
import { describeOrder, orderNotification } from '../../utils/checkouts/orderEnd';
import { planOrder } from '../../utils/checkouts/orderLimits';
import type { CheckoutRecord, NotificationEvent } from '../../utils/checkouts/record';
import { clearFinished, readCheckouts } from '../../utils/checkouts/store';
import { checkoutsToCsv } from '../../utils/checkouts/csv';
import { PurchaseList } from '../../components/PurchaseList';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describeNotification } from '../../utils/background/notifications';
import type { Detection } from '../../utils/product/detectInTab';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import { profilesStorage } from '../../utils/profiles/storage';
import { DEFAULT_SAFETY, type Safety } from '../../utils/settings/settings';
import { PROFILE, PRODUCT } from './fixtures/purchase';
import { type CheckoutProvider, connectSmartcheckout, loadContext, providerAdapters } from './support/services';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const product = (slug: string, price: string, currency = 'USD'): ProductSnapshot => ({ ...PRODUCT, url: `https://shop.example/products/${slug}`, name: slug, price, currency, variant: null, sku: null });
const TEE = product('tee', '29.00');
const TOTE = product('tote', '29.00');
const PRINT = product('print', '29.00');

let clock: number;
let ids: number;
let posts: { url: string; key: string; maxPrice: unknown }[];
/** The status each checkout reports when polled, by product URL. */
let outcomes: Record<string, 'completed' | 'failed'>;
let notified: { id: string; event: NotificationEvent }[];
let orderNotices: { id: string; title: string; message: string }[];
/** Reading a tab again: answers at once unless a test holds it. */
let tabRead: () => Promise<Detection>;

const provider: CheckoutProvider = {
  async create(url, userData, key) {
    posts.push({ url, key, maxPrice: userData.max_price });
    return { checkoutId: `co-${url}` };
  },
  async get(id) {
    const status = outcomes[id.slice(3)] ?? 'processing';
    return { status, rawStatus: status, amount: status === 'completed' ? '29.00' : null, currency: status === 'completed' ? 'USD' : null, notes: status === 'failed' ? 'Sold out' : null };
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
    notifyOrder: async (record, items) => {
      const shown = orderNotification(items);
      orderNotices.push({ id: record.id, ...shown });
      return shown;
    },
    onScheduleChange: () => {},
    readTab: () => tabRead(),
    ...overrides,
  });
}

function order(items: ProductSnapshot[], ceilings: (string | null)[], attemptId = 'order-1'): OrderRequest {
  return {
    service: 'smartcheckout',
    profileId: PROFILE.id,
    instructions: 'Gift wrap, please',
    attemptId,
    items: items.map((p, index) => ({ product: p, quantity: 1, tabId: index + 10 })),
    confirmedCeilings: ceilings.map((c) => (c === null ? null : usd(c))),
  };
}

async function setSafety(safety: Partial<Safety>) {
  await connectSmartcheckout({ safety: { ...DEFAULT_SAFETY, ...safety } });
}

async function settle() {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

const records = async () => (await readCheckouts()).records;

beforeEach(async () => {
  fakeBrowser.reset();
  clock = 1_000_000;
  ids = 0;
  posts = [];
  outcomes = {};
  notified = [];
  orderNotices = [];
  tabRead = async () => ({ kind: 'unreadable', message: '' });
  await setSafety({});
  await profilesStorage.set({ profiles: [PROFILE], defaultProfileId: PROFILE.id });
});
afterEach(settle);

describe('an order’s limits', () => {
  it('refuses the whole cart when its total does not fit the daily limit, naming the limit and by how much', () => {
    const safety = { ...DEFAULT_SAFETY, dailyLimit: usd('80') };
    const lines = [TEE, TOTE, PRINT].map((p) => ({ name: p.name!, price: p.price, currency: p.currency, quantity: 1 }));
    // Each item alone fits 80 USD: only the cart as a whole does not.
    expect(planOrder(lines.slice(0, 1), safety, [], clock).blocked).toBeNull();
    expect(planOrder(lines, safety, [], clock)).toEqual({
      blocked: 'Nothing was sent for the cart of 3 items. Blocked by your daily spending limit: this purchase (87.00 USD) would bring today’s spending to 87.00 USD, 7.00 USD over the 80 USD limit.',
    });
  });

  it('holds each item’s ceiling in turn, leaving room for the items after it: together they never exceed the limit', () => {
    const safety = { ...DEFAULT_SAFETY, dailyLimit: usd('100') };
    const lines = [TEE, TOTE, PRINT].map((p) => ({ name: p.name!, price: p.price, currency: p.currency, quantity: 1 }));
    const plan = planOrder(lines, safety, [], clock);
    expect(plan.blocked).toBeNull();
    const ceilings = plan.blocked === null ? plan.lines.map((line) => line.ceiling) : [];
    // 29 + 15 allowance = 44 each alone; 100 leaves 42 for the first (58 kept for the others), then 29 and 29.
    expect(ceilings).toEqual([usd('42.00'), usd('29.00'), usd('29.00')]);
  });

  it('applies the price cap per item, and says which item', () => {
    const safety = { ...DEFAULT_SAFETY, maxPrice: usd('30') };
    const lines = [
      { name: 'tee', price: '29.00', currency: 'USD', quantity: 1 },
      { name: 'tote', price: '29.00', currency: 'USD', quantity: 2 },
    ];
    expect(planOrder(lines, safety, [], clock).blocked).toBe('Nothing was sent: “tote”: Blocked by your maximum price per purchase: 58.00 USD is 28.00 USD over the 30 USD cap.');
  });

  it('writes nothing and sends nothing when the cart does not fit', async () => {
    await setSafety({ dailyLimit: usd('80') });
    const result = await lifecycle().recordOrder(order([TEE, TOTE, PRINT], [null, null, null]));
    expect(result).toMatchObject({ ok: false, code: 'over_limit', message: expect.stringContaining('7.00 USD over the 80 USD limit') });
    expect(await records()).toEqual([]);
    expect(posts).toEqual([]);
  });
});

describe('an order', () => {
  it('is written whole as confirmed items before anything is sent, then sends one checkout per item, each with its own key', async () => {
    const life = lifecycle();
    const recorded = await life.recordOrder(order([TEE, TOTE, PRINT], ['44.00', '44.00', '44.00']));
    expect(recorded).toMatchObject({ ok: true, duplicate: false });
    expect(posts).toEqual([]);
    expect((await records()).map((r) => [r.state, r.orderId, r.orderIndex, r.orderSize, r.ceiling?.amount])).toEqual([
      ['confirmed', 'order-1', 0, 3, '44.00'],
      ['confirmed', 'order-1', 1, 3, '44.00'],
      ['confirmed', 'order-1', 2, 3, '44.00'],
    ]);
    const sent = await life.sendOrder('order-1');
    expect(sent.map((r) => r.state)).toEqual(['processing', 'processing', 'processing']);
    expect(posts.map((p) => p.url)).toEqual([TEE.url, TOTE.url, PRINT.url]);
    expect(new Set(posts.map((p) => p.key)).size).toBe(3);
    expect(posts.map((p) => p.maxPrice)).toEqual([usd('44.00'), usd('44.00'), usd('44.00')]);
  });

  it('refuses an order whose ceilings are no longer what the user confirmed', async () => {
    await setSafety({ dailyLimit: usd('100') });
    const result = await lifecycle().recordOrder(order([TEE, TOTE, PRINT], ['44.00', '44.00', '44.00']));
    expect(result).toMatchObject({ ok: false, code: 'confirmation_changed' });
    expect(await records()).toEqual([]);
  });

  it('sent twice with the same id (a double click) is one order', async () => {
    const life = lifecycle();
    const [first, second] = await Promise.all([life.recordOrder(order([TEE, TOTE], ['44.00', '44.00'])), life.recordOrder(order([TEE, TOTE], ['44.00', '44.00']))]);
    expect([first, second].map((r) => r.ok && r.duplicate)).toEqual([false, true]);
    expect(await records()).toHaveLength(2);
  });

  it('ends with one notification for the whole order, naming what failed; no item has one of its own', async () => {
    outcomes = { [TEE.url]: 'completed', [TOTE.url]: 'completed', [PRINT.url]: 'failed' };
    const life = lifecycle();
    await life.recordOrder(order([TEE, TOTE, PRINT], ['44.00', '44.00', '44.00']));
    await life.sendOrder('order-1');
    expect(describeOrder(await records())).toBe('Order of 3 items: 0 completed, 0 failed, 3 under way');
    for (const record of await records()) await life.poll(record.id);
    await settle();
    expect(notified).toEqual([]);
    expect(orderNotices).toEqual([{ id: expect.any(String), title: 'Order of 3 items: 2 completed, 1 failed', message: 'Failed: print.' }]);
    // Shown once: a worker starting again shows nothing more.
    await lifecycle().recover();
    await settle();
    expect(orderNotices).toHaveLength(1);
    expect((await records()).flatMap((r) => r.notifications.map((n) => n.event))).toEqual(['order']);
  });

  it('an order notification decided but not shown before the worker stopped is shown at the next start, once', async () => {
    outcomes = { [TEE.url]: 'completed' };
    const life = lifecycle({ notifyOrder: () => new Promise(() => {}) });
    await life.recordOrder(order([TEE], ['44.00']));
    await life.sendOrder('order-1');
    void life.poll((await records())[0]!.id);
    await settle();
    expect((await records())[0]!.pendingNotification).toBe('order');
    await lifecycle().recover();
    await settle();
    expect(orderNotices).toEqual([expect.objectContaining({ title: 'Order of 1 item: 1 completed, 0 failed' })]);
  });

  it('a worker stopped between items resumes the order at its next start: every item sent once', async () => {
    const life = lifecycle();
    await life.recordOrder(order([TEE, TOTE, PRINT], ['44.00', '44.00', '44.00']));
    // The first item is sent; reading the second item's tab never answers: the worker stops there.
    let reads = 0;
    tabRead = () => (++reads === 2 ? new Promise(() => {}) : Promise.resolve({ kind: 'unreadable', message: '' }));
    void life.sendOrder('order-1');
    await settle();
    expect(posts.map((p) => p.url)).toEqual([TEE.url]);
    expect((await records()).map((r) => r.state)).toEqual(['processing', 'confirmed', 'confirmed']);

    tabRead = async () => ({ kind: 'unreadable', message: '' });
    await lifecycle().recover();
    await settle();
    expect(posts.map((p) => p.url).sort()).toEqual([PRINT.url, TEE.url, TOTE.url].sort());
    expect((await records()).map((r) => r.state)).toEqual(['processing', 'processing', 'processing']);
    // And once more: nothing is sent again.
    await lifecycle().recover();
    await settle();
    expect(posts).toHaveLength(3);
  });
});

describe('an order’s status in words', () => {
  it('counts completed, failed (or not sent) and not known', () => {
    const item = (state: CheckoutRecord['state']) => ({ state, orderSize: 3, product: { name: state, url: 'https://x.example/' } }) as CheckoutRecord;
    expect(describeOrder([item('completed'), item('not_sent'), item('outcome_unknown')])).toBe('Order of 3 items: 1 completed, 1 failed, 1 not known');
    expect(orderNotification([item('completed'), item('not_sent'), item('outcome_unknown')]).message).toBe('Failed: not_sent. Outcome not known (see the history): outcome_unknown.');
  });
});

describe('an order in the history', () => {
  async function endedOrder() {
    outcomes = { [TEE.url]: 'completed', [TOTE.url]: 'failed' };
    const life = lifecycle();
    await life.recordOrder(order([TEE, TOTE, PRINT], ['44.00', '44.00', '44.00']));
    await life.sendOrder('order-1');
    for (const record of (await records()).slice(0, 2)) await life.poll(record.id);
    await settle();
    return life;
  }

  it('is one entry with its items, its status in words', async () => {
    await endedOrder();
    const html = renderToStaticMarkup(createElement(PurchaseList, { records: await records() }));
    expect(html.match(/class="purchase purchase--order"/g)).toHaveLength(1);
    expect(html).toContain('Order of 3 items: 1 completed, 1 failed, 1 under way');
    expect(html.indexOf('tee')).toBeLessThan(html.indexOf('tote'));
  });

  it('has its id in the CSV', async () => {
    await endedOrder();
    const [header, ...rows] = checkoutsToCsv(await records()).trim().split('\r\n');
    expect(header!.split(',').at(-1)).toBe('order_id');
    for (const row of rows) expect(row.endsWith(',"order-1"')).toBe(true);
  });

  it('"Clear finished purchases" removes an order only once all its items are finished, and counts it as one entry', async () => {
    const life = await endedOrder();
    expect(await clearFinished(clock)).toBe(0);
    expect(await records()).toHaveLength(3);
    outcomes[PRINT.url] = 'completed';
    await life.poll((await records())[2]!.id);
    await settle();
    expect(await clearFinished(clock)).toBe(1);
    expect(await records()).toEqual([]);
  });
});
