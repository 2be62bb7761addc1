import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SAFETY } from '../../utils/settings/settings';
import { createMandate, defaultTarget, isExpired, mandateCeiling, mayBuy } from '../../utils/watch/mandate';
import { matchWatch } from '../../utils/watch/match';
import { createWatch, LOST_CLAIM_MS, releaseLostClaims, setPaused, siteToRelease } from '../../utils/watch/manage';
import { dueWatches, nextCheckAt, retryAfterMs, STORE_TIMING } from '../../utils/watch/schedule';
import { MAX_WATCHES, type Watch, type WatchState } from '../../utils/watch/schema';
import { readWatches, updateWatches, watchStorage } from '../../utils/watch/store';
import { PRODUCT, PROFILE } from './fixtures/purchase';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const usd = (amount: string) => ({ amount, currency: 'USD' });

function watch(overrides: Partial<Watch> = {}): Watch {
  const created = createWatch({ watches: [], sites: {} }, { product: PRODUCT, target: usd('25.00'), quantity: 1, profileId: PROFILE.id, instructions: '', mode: 'buy', until: NOW + 14 * DAY }, { profile: PROFILE, safety: DEFAULT_SAFETY, now: NOW, id: 'w1' });
  if (!created.ok) throw new Error(created.message);
  return { ...created.watch, ...overrides };
}

describe('the mandate', () => {
  it('may spend the target total plus the shipping and tax allowance (30 %, at least 15 in the limits’ currency)', () => {
    expect(mandateCeiling(usd('25.00'), 1, DEFAULT_SAFETY)).toEqual(usd('40.00'));
    expect(mandateCeiling(usd('100.00'), 2, DEFAULT_SAFETY)).toEqual(usd('260.00'));
    // Not the limits' currency: the percentage only.
    expect(mandateCeiling({ amount: '25.00', currency: 'EUR' }, 1, DEFAULT_SAFETY)).toEqual({ amount: '32.50', currency: 'EUR' });
  });

  it('names the profile, the ceiling and its end; a watch set to notify signs none', () => {
    const mandate = createMandate({ target: usd('25.00'), quantity: 1, until: NOW + DAY, profileLabel: 'Home', safety: DEFAULT_SAFETY, now: NOW });
    expect(mandate).toEqual({ ceiling: usd('40.00'), profileLabel: 'Home', signedAt: NOW, until: NOW + DAY });
    expect(watch().mandate).toEqual({ ceiling: usd('40.00'), profileLabel: 'Home', signedAt: NOW, until: NOW + 14 * DAY });
    expect(watch({ mode: 'notify', mandate: null }).mandate).toBeNull();
  });

  it('never buys once expired, and buys only once', () => {
    const w = watch();
    expect(mayBuy(w, NOW)).toBe(true);
    expect(isExpired(w, NOW + 14 * DAY)).toBe(true);
    expect(mayBuy(w, NOW + 14 * DAY)).toBe(false);
    expect(mayBuy({ ...w, purchaseId: 'p1' }, NOW)).toBe(false);
    expect(mayBuy({ ...w, status: 'bought' }, NOW)).toBe(false);
    expect(mayBuy({ ...w, mode: 'notify', mandate: null }, NOW)).toBe(false);
  });

  it('defaults the target to 10 % below today’s price, rounded down to the cent', () => {
    expect(defaultTarget('29.00')).toBe('26.10');
    expect(defaultTarget('9.99')).toBe('8.99');
    expect(defaultTarget(null)).toBeNull();
  });

  it('refuses a target in another currency, an end in the past or beyond 90 days, and a 51st watch', () => {
    const input = { product: PRODUCT, target: usd('25.00'), quantity: 1, profileId: PROFILE.id, instructions: '', mode: 'notify' as const, until: NOW + DAY };
    const context = { profile: PROFILE, safety: DEFAULT_SAFETY, now: NOW, id: 'x' };
    const empty: WatchState = { watches: [], sites: {} };
    expect(createWatch(empty, { ...input, target: { amount: '25.00', currency: 'EUR' } }, context).ok).toBe(false);
    expect(createWatch(empty, { ...input, until: NOW - 1 }, context).ok).toBe(false);
    expect(createWatch(empty, { ...input, until: NOW + 91 * DAY }, context).ok).toBe(false);
    const full: WatchState = { watches: Array.from({ length: MAX_WATCHES }, (_, i) => watch({ id: `w${i}` })), sites: {} };
    expect(createWatch(full, input, context).ok).toBe(false);
    expect(createWatch(empty, input, context).ok).toBe(true);
  });
});

describe('matching the page read now', () => {
  const w = watch();
  const kinds = (product: typeof PRODUCT) => matchWatch(w, product, NOW + HOUR).differences.map((d) => d.kind);

  it('matches the same product and variant at or below the target', () => {
    expect(matchWatch(w, { ...PRODUCT, price: '25.00' }, NOW + HOUR)).toEqual({ price: '25.00', atTarget: true, differences: [] });
    expect(matchWatch(w, { ...PRODUCT, price: '25.01' }, NOW + HOUR).atTarget).toBe(false);
  });

  it('names each difference', () => {
    expect(kinds({ ...PRODUCT, name: 'Wool Socks' })).toEqual(['product']);
    expect(kinds({ ...PRODUCT, url: 'https://shop.example/products/socks?variant=4242' })).toEqual(['product']);
    expect(kinds({ ...PRODUCT, variant: { ...PRODUCT.variant!, id: '4243' } })).toEqual(['variant']);
    expect(kinds({ ...PRODUCT, variant: null })).toEqual(['variant']);
    expect(kinds({ ...PRODUCT, currency: 'EUR' })).toEqual(['currency']);
    expect(kinds({ ...PRODUCT, availability: 'OutOfStock' })).toEqual(['stock']);
    expect(kinds({ ...PRODUCT, price: null })).toEqual(['no_price']);
    expect(matchWatch(w, PRODUCT, NOW + 14 * DAY).differences.map((d) => d.kind)).toEqual(['expired']);
  });

  it('takes the SKU when the watched variant has no id', () => {
    const bySku = watch({ product: { ...PRODUCT, variant: { ...PRODUCT.variant!, id: null } } });
    expect(matchWatch(bySku, { ...PRODUCT, variant: { ...PRODUCT.variant!, id: 'other' } }, NOW).differences).toEqual([]);
    expect(matchWatch(bySku, { ...PRODUCT, variant: { ...PRODUCT.variant!, sku: 'TS-GR-M' } }, NOW).differences.map((d) => d.kind)).toEqual(['variant']);
  });
});

describe('a claim whose purchase was never recorded (the extension stopped in between)', () => {
  const claimed = watch({ status: 'bought', purchaseId: 'buy-1', notifiedPrice: '24.00', lastReadAt: NOW - 60_000 });

  it('watches again, saying so: nothing was bought', () => {
    expect(releaseLostClaims([claimed], new Set(), NOW, 'not sent')).toEqual([{ ...claimed, status: 'watching', purchaseId: null, notifiedPrice: null, lastNote: 'not sent' }]);
  });

  it('stays bought when any trace of the purchase exists, or the claim is old (its record may have been cleared)', () => {
    expect(releaseLostClaims([claimed], new Set(['buy-1']), NOW, 'not sent')).toBeNull();
    expect(releaseLostClaims([{ ...claimed, lastReadAt: NOW - LOST_CLAIM_MS }], new Set(), NOW, 'not sent')).toBeNull();
    expect(releaseLostClaims([watch(), watch({ status: 'paused' })], new Set(), NOW, 'not sent')).toBeNull();
  });
});

describe('giving back a shop site\'s access when a watch is deleted', () => {
  const at = (url: string) => watch({ product: { ...PRODUCT, url } });

  it('gives back the site the watch asked for (scheme and host), once no other watch reads it', () => {
    expect(siteToRelease(at('https://shop.example/p/1'), [at('https://other.example/p')], [])).toBe('https://shop.example/*');
  });

  it('keeps it while another watch reads that site, or a checkout service lives there', () => {
    expect(siteToRelease(at('https://shop.example/p/1'), [at('https://shop.example:8443/p/2')], [])).toBeNull();
    expect(siteToRelease(at('https://shop.example/p/1'), [], ['https://shop.example/api/v1'])).toBeNull();
    expect(siteToRelease(at('https://shop.example/p/1'), [at('http://shop.example/p/1')], [])).toBe('https://shop.example/*');
  });
});

describe('scheduling', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });

  const other = (id: string, url: string, nextCheckAt = NOW) => watch({ id, nextCheckAt, product: { ...PRODUCT, url } });

  it('checks what is due, one watch per shop site, and nothing paused, ended or expired', () => {
    const state: WatchState = {
      watches: [other('a', 'https://one.example/p'), other('b', 'https://one.example/q'), other('c', 'https://two.example/p'), other('d', 'https://three.example/p', NOW + HOUR), { ...other('e', 'https://four.example/p'), status: 'paused' }, { ...other('f', 'https://five.example/p'), status: 'bought' }, { ...other('g', 'https://six.example/p'), until: NOW }],
      sites: {},
    };
    expect(dueWatches(state, Date.now(), STORE_TIMING).map((w) => w.id)).toEqual(['a', 'c']);
    vi.advanceTimersByTime(HOUR);
    expect(dueWatches(state, Date.now(), STORE_TIMING).map((w) => w.id)).toEqual(['a', 'c', 'd']);
  });

  it('asks a site at most once per 30 minutes', () => {
    const state: WatchState = { watches: [other('a', 'https://one.example/p')], sites: { 'https://one.example': { lastRequestAt: NOW - 10 * 60_000, blockedUntil: 0 } } };
    expect(dueWatches(state, Date.now(), STORE_TIMING)).toEqual([]);
    expect(nextCheckAt(state, Date.now(), STORE_TIMING)).toBe(NOW + 20 * 60_000);
    vi.advanceTimersByTime(20 * 60_000);
    expect(dueWatches(state, Date.now(), STORE_TIMING).map((w) => w.id)).toEqual(['a']);
  });

  it('honours Retry-After, in seconds or as a date, at most a day', () => {
    expect(retryAfterMs('120', NOW, HOUR)).toBe(120_000);
    expect(retryAfterMs(new Date(NOW + 2 * HOUR).toUTCString(), NOW, HOUR)).toBe(2 * HOUR);
    expect(retryAfterMs('999999', NOW, HOUR)).toBe(DAY);
    expect(retryAfterMs(null, NOW, HOUR)).toBe(HOUR);
    const state: WatchState = { watches: [other('a', 'https://one.example/p')], sites: { 'https://one.example': { lastRequestAt: NOW - HOUR, blockedUntil: NOW + 2 * HOUR } } };
    expect(dueWatches(state, Date.now(), STORE_TIMING)).toEqual([]);
    expect(nextCheckAt(state, Date.now(), STORE_TIMING)).toBe(NOW + 2 * HOUR);
  });

  it('wants no alarm when no watch is active, nor for a page that is not http(s)', () => {
    expect(nextCheckAt({ watches: [], sites: {} }, NOW, STORE_TIMING)).toBeNull();
    expect(nextCheckAt({ watches: [watch({ product: { ...PRODUCT, url: 'chrome-extension://abc/demo.html' } })], sites: {} }, NOW, STORE_TIMING)).toBeNull();
    const ended: WatchState = { watches: [watch({ status: 'paused' }), watch({ status: 'bought' }), watch({ status: 'expired' })], sites: {} };
    expect(nextCheckAt(ended, NOW, STORE_TIMING)).toBeNull();
    expect(nextCheckAt({ watches: [setPaused(watch({ status: 'paused' }), false, NOW + HOUR)], sites: {} }, NOW + HOUR, STORE_TIMING)).toBe(NOW + HOUR);
  });

  it('checks every 6 hours and at most one request per site per 30 minutes in store builds', () => {
    expect(STORE_TIMING).toEqual({ intervalMs: 6 * HOUR, siteSpacingMs: 30 * 60_000 });
  });
});

describe('the watch store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps at most 50 watches', async () => {
    const many = Array.from({ length: MAX_WATCHES + 1 }, (_, i) => watch({ id: `w${i}` }));
    await expect(updateWatches(() => ({ state: { watches: many, sites: {} }, result: null }))).rejects.toThrow();
    await updateWatches(() => ({ state: { watches: many.slice(0, MAX_WATCHES), sites: {} }, result: null }));
    expect((await readWatches()).watches).toHaveLength(MAX_WATCHES);
  });

  it('reports a corrupt value and keeps a copy of it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const corrupt = { watches: [{ id: 'w1', target: 'cheap' }], sites: {} };
    await fakeBrowser.storage.local.set({ watches: corrupt });
    expect(await watchStorage.get()).toEqual({ watches: [], sites: {} });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"local:watches"'));
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get('watches:corrupt'))['watches:corrupt']).toEqual(corrupt));
  });
});

describe('store builds', () => {
  it('never have the end-to-end build’s watch timing or its access to the local shop', async () => {
    const { default: config } = await import('../../wxt.config');
    const vite = (config as { vite: (env: { mode: string }) => { define: Record<string, string> } }).vite({ mode: 'production' });
    expect(vite.define['import.meta.env.WATCH_TEST_TIMING']).toBe('false');
    for (const browser of ['chrome', 'firefox']) {
      const manifest = (config as { manifest: (env: { browser: string; manifestVersion: number }) => { host_permissions: string[] } }).manifest({ browser, manifestVersion: 3 });
      expect(manifest.host_permissions.join(' ')).not.toContain('127.0.0.1');
    }
  });
});
