import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { grantManifestHosts } from './support/permissions';

const onMenuClicked = { addListener: vi.fn() };
const contextMenus = { removeAll: vi.fn(async () => {}), create: vi.fn(), update: vi.fn(async () => {}), onClicked: onMenuClicked };
Object.assign(fakeBrowser, { contextMenus });

beforeEach(() => {
  fakeBrowser.reset();
  vi.clearAllMocks();
  vi.resetModules();
  grantManifestHosts();
});

async function startBackground() {
  const background = (await import('../../entrypoints/background/index')).default;
  background.main();
}

it('creates the context menu on install, not at start-up', async () => {
  await startBackground();
  expect(contextMenus.create).not.toHaveBeenCalled();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
  // "Buy via Smartcheckout", "Add to cart", and "Create checkout link" (hidden until a checkout-link service is connected).
  await vi.waitFor(() => expect(contextMenus.create).toHaveBeenCalledTimes(3));
  expect(contextMenus.create).toHaveBeenCalledWith(expect.objectContaining({ id: 'add-to-cart', contexts: ['page', 'link'] }));
  expect(contextMenus.create).toHaveBeenCalledWith(expect.objectContaining({ id: 'create-checkout-link', visible: false }));
  expect(onMenuClicked.addListener).toHaveBeenCalledOnce();
});

it('a notification click opens that purchase in the history', async () => {
  const tabsCreate = vi.spyOn(fakeBrowser.tabs, 'create');
  await startBackground();
  await fakeBrowser.notifications.onClicked.trigger('checkout:rec-42:completed');
  await vi.waitFor(() => expect(tabsCreate).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/options.html#purchase-rec-42' }));
});

it('"Check again" on a notification resumes polling; "View purchase" opens it', async () => {
  const tabsCreate = vi.spyOn(fakeBrowser.tabs, 'create');
  const stopped = {
    id: 'rec-7', intent: 'i', checkoutId: 'co-7', state: 'stopped', serviceStatus: 'processing',
    product: { url: 'https://shop.example/p', name: 'Mug', image: null, price: '9.00', currency: 'USD' },
    variant: null, variantLabel: '', quantity: 1, maxPrice: null, profileId: 'p', profileLabel: 'Home', prompt: '',
    amount: null, currency: null, notes: null, lastError: null, createdAt: 1, updatedAt: 1, deadlineAt: 1,
    nextPollAt: null, polls: 3, errorStreak: 0, pendingNotification: null, notifications: [], seen: true,
  };
  await fakeBrowser.storage.local.set({ checkouts: [stopped] });
  await startBackground();
  await fakeBrowser.notifications.onButtonClicked.trigger('checkout:rec-7:stopped', 0);
  await vi.waitFor(() => expect(tabsCreate).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/options.html#purchase-rec-7' }));
  tabsCreate.mockClear();
  await fakeBrowser.notifications.onButtonClicked.trigger('checkout:rec-7:stopped', 1);
  await vi.waitFor(async () => expect(((await fakeBrowser.storage.local.get('checkouts')).checkouts as unknown[])[0]).toMatchObject({ id: 'rec-7', state: 'processing' }));
  expect(tabsCreate).not.toHaveBeenCalled();
});

it('a copy of corrupt settings an older version kept loses its API key when the worker starts', async () => {
  await fakeBrowser.storage.local.set({ 'settings:corrupt': { services: { smartcheckout: { apiKey: 'sk_live_old', apiBaseUrl: 'https://proxy.example/sc' } } } });
  await startBackground();
  await vi.waitFor(async () =>
    expect((await fakeBrowser.storage.local.get('settings:corrupt'))['settings:corrupt']).toEqual({ services: { smartcheckout: { apiKey: '[removed]', apiBaseUrl: 'https://proxy.example/sc' } } }),
  );
});
