import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createCheckoutService } from '../../entrypoints/background/checkoutService';
import type { CheckoutRecord } from '../../utils/checkouts/record';
import { readCheckouts, readSomeCheckouts } from '../../utils/checkouts/store';
import { popupCheckoutStorage } from '../../utils/popup/popupMemory';
import { readPopupStart } from '../../utils/popup/popupStart';
import { popupTargetKey, popupTargetOf } from '../../utils/popup/popupTarget';
import { profilesStorage } from '../../utils/profiles/storage';
import { PRODUCT, PROFILE } from './fixtures/purchase';
import { detectorReport } from './support/detectorReport';
import { connectSmartcheckout, providerAdapters } from './support/services';

// fakeBrowser has no scripting: the detector's report is what this stub returns.
const executeScript = vi.fn(async (): Promise<{ result: unknown }[]> => [{ result: detectorReport(PRODUCT) }]);
Object.assign(fakeBrowser, { scripting: { executeScript } });

/** A stored purchase record, complete as the store writes it. */
function record(id: string, overrides: Partial<CheckoutRecord> = {}): CheckoutRecord {
  return {
    id,
    service: 'smartcheckout',
    intent: `intent-${id}`,
    checkoutId: null,
    checkoutUrl: null,
    expiresAt: null,
    quoted: null,
    orderLabel: '',
    state: 'completed',
    serviceStatus: null,
    product: { url: PRODUCT.url, name: PRODUCT.name, image: null, price: PRODUCT.price, currency: PRODUCT.currency },
    variant: null,
    variantLabel: '',
    quantity: 1,
    maxPrice: null,
    maxSpend: [],
    allowance: { daily: null, monthly: null },
    ceiling: null,
    reportedProduct: null,
    confirmedRequest: null,
    drift: null,
    startNote: null,
    receipt: null,
    profileId: PROFILE.id,
    profileLabel: PROFILE.label,
    prompt: '',
    amount: null,
    currency: null,
    notes: null,
    lastError: null,
    createdAt: 1,
    updatedAt: 1,
    pollingSince: null,
    deadlineAt: 2,
    nextPollAt: null,
    polls: 0,
    errorStreak: 0,
    seen: true,
    pendingNotification: null,
    notifications: [],
    ...overrides,
  };
}

const stored = (entries: unknown[]) => fakeBrowser.storage.local.set({ checkouts: entries });

beforeEach(async () => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  await connectSmartcheckout();
  await profilesStorage.set({ profiles: [PROFILE], defaultProfileId: PROFILE.id });
});

describe('the popup target', () => {
  it.each([
    ['?tabId=7', { tabId: 7, link: null }],
    ['?url=https%3A%2F%2Fshop.example%2Fp%2F9&hint=x', { tabId: null, link: 'https://shop.example/p/9' }],
    ['', { tabId: 3, link: null }],
    ['?tabId=-1', { tabId: 3, link: null }],
  ])('%s acts on %j', async (search, target) => {
    expect(await popupTargetOf(search, async () => 3)).toEqual(target);
  });

  it('remembers a tab by its id and a link by its address as checked', () => {
    expect(popupTargetKey({ tabId: 7, link: null }, null)).toBe('tab:7');
    expect(popupTargetKey({ tabId: null, link: 'https://shop.example/p 9' }, { kind: 'link', product: { ...PRODUCT, url: 'https://shop.example/p%209' } })).toBe('url:https://shop.example/p%209');
    expect(popupTargetKey({ tabId: null, link: 'javascript:1' }, { kind: 'unreadable', message: '' })).toBeNull();
    expect(popupTargetKey({ tabId: null, link: null }, null)).toBeNull();
  });
});

describe('some purchases, checked one by one', () => {
  it('are the first readable ones in order, and the one asked for wherever it is; corrupt entries are skipped', async () => {
    await stored([record('a'), { id: 'broken' }, record('b'), record('c'), record('d'), record('e'), record('f'), record('g')]);
    expect((await readSomeCheckouts(3, ['f'])).map((r) => r.id)).toEqual(['a', 'b', 'c', 'f']);
    expect((await readSomeCheckouts(3, ['b'])).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect((await readSomeCheckouts(3, ['broken'])).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('are the same as the head of the whole list', async () => {
    await stored([record('a'), 'nonsense', record('b'), null, record('c')]);
    expect(await readSomeCheckouts(5, [])).toEqual((await readCheckouts()).records);
  });
});

describe("the popup's first read", () => {
  it('for a tab: the checked product, the settings, profiles, the newest purchases and the one shown there before', async () => {
    await stored([record('r1'), record('r2'), record('r3'), record('r4'), record('r5'), record('r6'), record('link-7', { service: 'shoppex' })]);
    await popupCheckoutStorage.set({ 'tab:7': 'link-7' });
    const start = await readPopupStart({ tabId: 7, link: null });
    // A tab the browser does not report as loaded is read when it is (the browser's default).
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/detector.js'], injectImmediately: false });
    expect(start.detection).toEqual({ kind: 'product', product: PRODUCT });
    expect(start.settings.services.smartcheckout.apiKey).toBe('sk_test');
    expect(start.profiles.profiles).toEqual([PROFILE]);
    expect(start.popupCheckout).toEqual({ 'tab:7': 'link-7' });
    expect(start.records.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'link-7']);
  });

  it('reads a page that has finished loading at once', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, status: 'complete' } as never);
    await readPopupStart({ tabId: 7, link: null });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/detector.js'], injectImmediately: true });
  });

  it('checks what the page reports: a report that breaks the schema is unusable, never shown', async () => {
    executeScript.mockResolvedValueOnce([{ result: detectorReport({ ...PRODUCT, url: 'javascript:alert(1)' }) }]);
    expect((await readPopupStart({ tabId: 7, link: null })).detection).toEqual({ kind: 'unreadable', message: 'This page reported product details we cannot use. Nothing was bought.' });
  });

  it('checks what storage holds: a corrupt value is replaced by its default', async () => {
    await fakeBrowser.storage.local.set({ profiles: { profiles: 'not a list' } });
    expect((await readPopupStart({ tabId: 7, link: null })).profiles).toEqual({ profiles: [], defaultProfileId: null });
  });

  it('for a link: its address, checked; no page is read', async () => {
    const start = await readPopupStart({ tabId: null, link: 'https://shop.example/p/9' });
    expect(start.detection).toMatchObject({ kind: 'link', product: { url: 'https://shop.example/p/9', name: null } });
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('without a tab: says so', async () => {
    expect((await readPopupStart({ tabId: null, link: null })).detection).toEqual({ kind: 'unreadable', message: 'No tab to read.' });
  });
});

describe('popup:open in the background', () => {
  const POPUP = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
  const service = () => createCheckoutService({ adapters: providerAdapters({ create: async () => ({ checkoutId: 'co' }), get: async () => ({ status: 'processing', rawStatus: 'processing', amount: null, currency: null, notes: null }) }) });

  it('answers an extension page with the first read, then marks failed purchases seen', async () => {
    await stored([record('failed-1', { state: 'failed', seen: false })]);
    const start = await service().handleMessage({ type: 'popup:open', tabId: 7, link: null }, POPUP);
    expect(start).toMatchObject({ detection: { kind: 'product' }, records: [{ id: 'failed-1', seen: false }] });
    await vi.waitFor(async () => expect((await readCheckouts()).records[0]!.seen).toBe(true));
  });

  it('writes nothing when every purchase was seen already (no view has to read them again)', async () => {
    await stored([record('done-1'), record('failed-2', { state: 'failed' })]);
    const changes = vi.fn();
    fakeBrowser.storage.local.onChanged.addListener(changes);
    await service().handleMessage({ type: 'popup:open', tabId: 7, link: null }, POPUP);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).not.toHaveBeenCalled();
  });

  it('refuses a content script, and reads nothing for it', async () => {
    const reply = await service().handleMessage({ type: 'popup:open', tabId: 7, link: null }, { id: 'test-extension-id', url: 'https://shop.example/p', tab: { id: 7 } } as never);
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('the first read started when the popup page is requested', () => {
  const POPUP = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
  const service = (now: () => number) => createCheckoutService({ now, adapters: providerAdapters({ create: async () => ({ checkoutId: 'co' }), get: async () => ({ status: 'processing', rawStatus: 'processing', amount: null, currency: null, notes: null }) }) });

  it('is handed to the popup that asks for the same tab, and the page is not read twice', async () => {
    const background = service(() => 1_000);
    background.earlyReads.start(7);
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledTimes(1));
    const start = await background.handleMessage({ type: 'popup:open', tabId: 7, link: null }, POPUP);
    expect(start).toMatchObject({ detection: { kind: 'product', product: { name: PRODUCT.name } } });
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('is handed over once: a second popup for the tab reads it again', async () => {
    const background = service(() => 1_000);
    background.earlyReads.start(7);
    await background.handleMessage({ type: 'popup:open', tabId: 7, link: null }, POPUP);
    await background.handleMessage({ type: 'popup:open', tabId: 7, link: null }, POPUP);
    expect(executeScript).toHaveBeenCalledTimes(2);
  });

  it('is not given to a popup for another tab or a link, nor after 3 seconds', async () => {
    let now = 1_000;
    const background = service(() => now);
    background.earlyReads.start(7);
    await background.handleMessage({ type: 'popup:open', tabId: 8, link: null }, POPUP);
    expect(executeScript).toHaveBeenLastCalledWith(expect.objectContaining({ target: { tabId: 8 } }));
    background.earlyReads.start(7);
    const link = await background.handleMessage({ type: 'popup:open', tabId: null, link: 'https://shop.example/p/1' }, POPUP);
    expect(link).toMatchObject({ detection: { kind: 'link' } });
    background.earlyReads.start(7);
    now += 3_001;
    await background.handleMessage({ type: 'popup:open', tabId: 7, link: null }, POPUP);
    expect(executeScript).toHaveBeenCalledTimes(5);
  });

  it('reads again when the early read failed', async () => {
    const background = service(() => 1_000);
    executeScript.mockRejectedValueOnce(new Error('tab was closing'));
    background.earlyReads.start(7);
    const start = await background.handleMessage({ type: 'popup:open', tabId: 7, link: null }, POPUP);
    expect(start).toMatchObject({ detection: { kind: 'product' } });
  });

  it('is never handed to a content script', async () => {
    const background = service(() => 1_000);
    background.earlyReads.start(7);
    const reply = await background.handleMessage({ type: 'popup:open', tabId: 7, link: null }, { id: 'test-extension-id', url: 'https://shop.example/p', tab: { id: 7 } } as never);
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
