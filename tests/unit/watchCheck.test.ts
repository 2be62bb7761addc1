import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import { DEFAULT_SAFETY } from '../../utils/settings/settings';
import { checkWatches, type WatchDeps } from '../../utils/watch/check';
import { createWatch } from '../../utils/watch/manage';
import { STORE_TIMING } from '../../utils/watch/schedule';
import type { Watch } from '../../utils/watch/schema';
import { readWatches, updateWatches } from '../../utils/watch/store';
import { PRODUCT, PROFILE } from './fixtures/purchase';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const DAY = 86_400_000;

async function seed(mode: 'buy' | 'notify', until = NOW + 14 * DAY): Promise<Watch> {
  const created = createWatch({ watches: [], sites: {} }, { product: PRODUCT, target: { amount: '25.00', currency: 'USD' }, quantity: 1, profileId: PROFILE.id, instructions: '', mode, until }, { profile: PROFILE, safety: DEFAULT_SAFETY, now: NOW, id: 'w1' });
  if (!created.ok) throw new Error(created.message);
  await updateWatches(() => ({ state: { watches: [created.watch], sites: {} }, result: null }));
  return created.watch;
}

function deps(page: Partial<ProductSnapshot> | null, overrides: Partial<WatchDeps> = {}) {
  let clock = NOW;
  const calls = { fetch: 0, buy: [] as { purchaseId: string; product: ProductSnapshot }[], notify: [] as { event: string; detail: string }[] };
  const d: WatchDeps = {
    now: () => clock,
    newId: () => `p${calls.buy.length + 1}`,
    timing: STORE_TIMING,
    fetchPage: async () => {
      calls.fetch += 1;
      return { status: 200, retryAfter: null, html: '<html></html>' };
    },
    readPage: async () => (page ? { ...PRODUCT, ...page } : null),
    buy: async (_watch, product, purchaseId) => {
      calls.buy.push({ purchaseId, product });
      return { ok: true };
    },
    notify: async (_watch, event, detail) => calls.notify.push({ event, detail }),
    ...overrides,
  };
  return { d, calls, advance: (ms: number) => (clock += ms) };
}

describe('checking a watch', () => {
  beforeEach(() => fakeBrowser.reset());

  it('buys once when the price drops to the target, writes "bought" with the purchase id, and notifies', async () => {
    await seed('buy');
    const { d, calls, advance } = deps({ price: '24.00' });
    await checkWatches(d);
    expect(calls.buy.map((b) => b.purchaseId)).toEqual(['p1']);
    expect(calls.notify.map((n) => n.event)).toEqual(['bought']);
    const [stored] = (await readWatches()).watches;
    expect(stored).toMatchObject({ status: 'bought', purchaseId: 'p1', lastPrice: { amount: '24.00', currency: 'USD' } });
    advance(7 * 3_600_000);
    expect(await checkWatches(d)).toBeNull();
    expect(calls.buy).toHaveLength(1);
  });

  it('does not buy another variant or in another currency: it says what differed', async () => {
    await seed('buy');
    const { d, calls } = deps({ price: '20.00', variant: { ...PRODUCT.variant!, id: '4243', sku: 'TS-BL-L' } });
    await checkWatches(d);
    expect(calls.buy).toEqual([]);
    expect(calls.notify).toEqual([{ event: 'differs', detail: expect.stringContaining('Another variant') }]);
    expect((await readWatches()).watches[0]).toMatchObject({ status: 'watching', purchaseId: null });

    await seed('buy');
    const euro = deps({ price: '20.00', currency: 'EUR' });
    await checkWatches(euro.d);
    expect(euro.calls.buy).toEqual([]);
    expect(euro.calls.notify[0]?.detail).toContain('Another currency');
  });

  it('notifies once at the target when set to "Notify me", and buys nothing', async () => {
    await seed('notify');
    const { d, calls, advance } = deps({ price: '25.00' });
    await checkWatches(d);
    advance(7 * 3_600_000);
    await checkWatches(d);
    expect(calls.notify.map((n) => n.event)).toEqual(['at_target']);
    expect(calls.buy).toEqual([]);
  });

  it('an expired watch makes no request and buys nothing; it ends "expired"', async () => {
    await seed('buy', NOW + 1000);
    const { d, calls, advance } = deps({ price: '1.00' });
    advance(2000);
    expect(await checkWatches(d)).toBeNull();
    expect(calls.fetch).toBe(0);
    expect(calls.buy).toEqual([]);
    expect((await readWatches()).watches[0]?.status).toBe('expired');
  });

  it.each([['no product', null], ['no price', { price: null }]] as const)('a page that cannot be read (%s) says so once and buys nothing', async (_, page) => {
    await seed('buy');
    const { d, calls, advance } = deps(page);
    await checkWatches(d);
    advance(7 * 3_600_000);
    await checkWatches(d);
    expect(calls.fetch).toBe(2);
    expect(calls.buy).toEqual([]);
    expect(calls.notify.map((n) => n.event)).toEqual(['cannot_read']);
    expect((await readWatches()).watches[0]?.status).toBe('cannot_read');
  });

  it('a page whose price only its scripts state is read once more in a background tab; a page not fetched is not', async () => {
    await seed('buy');
    const tabs: string[] = [];
    const { d, calls } = deps(null, {
      readInTab: async (url) => {
        tabs.push(url);
        return { ...PRODUCT, price: '24.00' };
      },
    });
    await checkWatches(d);
    expect(tabs).toEqual([PRODUCT.url]);
    expect(calls.buy).toHaveLength(1);

    await seed('buy');
    const down = deps(null, { fetchPage: async () => ({ status: 500, retryAfter: null, html: null }), readInTab: async (url) => (tabs.push(url), PRODUCT) });
    await checkWatches(down.d);
    expect(tabs).toHaveLength(1);
    expect(down.calls.notify.map((n) => n.event)).toEqual(['cannot_read']);
  });

  it('a limit that refuses the purchase gives the claim back and says why', async () => {
    await seed('buy');
    const { d, calls } = deps({ price: '24.00' }, { buy: async () => ({ ok: false, message: 'Over your daily limit.' }) });
    await checkWatches(d);
    expect(calls.notify).toEqual([{ event: 'not_bought', detail: 'Over your daily limit.' }]);
    expect((await readWatches()).watches[0]).toMatchObject({ status: 'watching', purchaseId: null, lastNote: 'Over your daily limit.' });
  });

  it('honours 429 Retry-After before asking the site again', async () => {
    await seed('buy');
    const { d, calls } = deps({ price: '24.00' }, {
      fetchPage: async () => {
        calls.fetch += 1;
        return { status: 429, retryAfter: '36000', html: null };
      },
    });
    const next = await checkWatches(d);
    // Ten hours: later than the usual next check in six.
    expect(next).toBe(NOW + 36_000_000);
    expect((await readWatches()).sites['https://shop.example']).toEqual({ lastRequestAt: NOW, blockedUntil: NOW + 36_000_000 });
    expect(calls.buy).toEqual([]);
  });

  it('"Check now" skips the wait between requests to a site, but never its Retry-After', async () => {
    await seed('notify');
    await updateWatches((state) => ({ state: { ...state, sites: { 'https://shop.example': { lastRequestAt: NOW - 60_000, blockedUntil: 0 } } }, result: null }));
    const { d, calls } = deps({ price: '29.00' });
    await checkWatches(d);
    expect(calls.fetch).toBe(0);
    await checkWatches(d, 'w1');
    expect(calls.fetch).toBe(1);
    await updateWatches((state) => ({ state: { ...state, sites: { 'https://shop.example': { lastRequestAt: NOW - 60_000, blockedUntil: NOW + 60_000 } } }, result: null }));
    await checkWatches(d, 'w1');
    expect(calls.fetch).toBe(1);
  });
});
