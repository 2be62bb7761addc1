import { beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createWatch } from '../../utils/watch/manage';
import { DEFAULT_SAFETY } from '../../utils/settings/settings';
import { readWatches, updateWatches } from '../../utils/watch/store';
import { PRODUCT, PROFILE } from './fixtures/purchase';
import { grantManifestHosts } from './support/permissions';

const contextMenus = { removeAll: vi.fn(async () => {}), create: vi.fn(), update: vi.fn(async () => {}), onClicked: { addListener: vi.fn() } };
Object.assign(fakeBrowser, { contextMenus });

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
  grantManifestHosts();
});

async function startBackground() {
  const background = (await import('../../entrypoints/background/index')).default;
  background.main();
}

async function seedWatch(nextCheckAt: number) {
  const created = createWatch({ watches: [], sites: {} }, { product: PRODUCT, target: { amount: '25.00', currency: 'USD' }, quantity: 1, profileId: PROFILE.id, instructions: '', mode: 'notify', until: Date.now() + 86_400_000 }, { profile: PROFILE, safety: DEFAULT_SAFETY, now: Date.now(), id: 'w1' });
  if (!created.ok) throw new Error(created.message);
  await updateWatches(() => ({ state: { watches: [{ ...created.watch, nextCheckAt }], sites: {} }, result: null }));
}

it('an idle browser with no watch: the worker starts, fetches no page and sets no watch alarm', async () => {
  const fetched = vi.spyOn(globalThis, 'fetch');
  const alarm = vi.spyOn(fakeBrowser.alarms, 'create');
  await startBackground();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(alarm.mock.calls.filter((args: unknown[]) => args[0] === 'price-watch')).toEqual([]);
  expect(await fakeBrowser.alarms.get('price-watch')).toBeFalsy();
  expect(fetched).not.toHaveBeenCalled();
});

it('a watch due later: the worker sets the alarm for it and fetches nothing now', async () => {
  const fetched = vi.spyOn(globalThis, 'fetch');
  const due = Date.now() + 3_600_000;
  await seedWatch(due);
  await startBackground();
  await vi.waitFor(async () => expect((await fakeBrowser.alarms.get('price-watch'))?.scheduledTime).toBe(due));
  expect(fetched).not.toHaveBeenCalled();
});

it('"Buy now" on a watch’s notification opens the product page, then the usual confirmation for that tab', async () => {
  await seedWatch(Date.now() + 3_600_000);
  const windowsCreate = vi.spyOn(fakeBrowser.windows, 'create');
  await startBackground();
  await fakeBrowser.notifications.onButtonClicked.trigger('watch:w1:at_target', 0);
  const [tab] = await vi.waitFor(async () => {
    const tabs = await fakeBrowser.tabs.query({ url: PRODUCT.url });
    expect(tabs).toHaveLength(1);
    return tabs;
  });
  await fakeBrowser.tabs.onUpdated.trigger(tab!.id!, { status: 'complete' }, { ...tab!, status: 'complete' });
  await vi.waitFor(() => expect(windowsCreate).toHaveBeenCalledWith(expect.objectContaining({ url: `chrome-extension://test-extension-id/popup.html?tabId=${tab!.id}&service=smartcheckout`, type: 'popup' })));
});

it('at a worker start, a watch claimed "bought" whose purchase was never recorded watches again; one whose purchase exists stays bought', async () => {
  await seedWatch(Date.now() + 3_600_000);
  const claim = { status: 'bought' as const, purchaseId: 'lost-1', lastReadAt: Date.now() - 60_000 };
  await updateWatches((state) => ({ state: { ...state, watches: [{ ...state.watches[0]!, ...claim }, { ...state.watches[0]!, ...claim, id: 'w2', purchaseId: 'kept-1' }] }, result: null }));
  await fakeBrowser.storage.local.set({ checkouts: [{ id: 'kept-1', broken: true }] });
  await startBackground();
  await vi.waitFor(async () => {
    const { watches } = await readWatches();
    expect(watches.map((w) => [w.id, w.status, w.purchaseId])).toEqual([['w1', 'watching', null], ['w2', 'bought', 'kept-1']]);
  });
});
