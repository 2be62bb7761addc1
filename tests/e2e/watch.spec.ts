import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from '@playwright/test';
import { expect, type Sandbox, test as base } from './fixtures';
import { launchSharedBrowser } from './sharedBrowser';

// Price watches run in the end-to-end build (`SMARTCHECKOUT_BUILD=e2e wxt build` → .output/chrome-mv3-e2e): it
// already holds access to the local demo shop (automation cannot click a permission prompt) and checks every 3 s
// instead of every 6 hours. Only this spec uses it; every other Chromium spec tests the store build.
const E2E_EXTENSION_PATH = resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');

const test = base.extend<object, { sharedBrowser: () => Promise<Awaited<ReturnType<typeof launchSharedBrowser>>> }>({
  sharedBrowser: [
    async ({}, use) => {
      const profileDir = mkdtempSync(join(tmpdir(), 'smartcheckout-watch-e2e-'));
      let started: ReturnType<typeof launchSharedBrowser> | undefined;
      await use(() => (started ??= launchSharedBrowser(profileDir, E2E_EXTENSION_PATH)));
      if (started) await (await started).context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

const PAGE = (sandbox: Sandbox) => `${sandbox.shopUrl}/products/merino-tee?variant=4242`;
const posts = (sandbox: Sandbox) => sandbox.api.requests.filter((r) => r.method === 'POST');

interface StoredWatch {
  id: string;
  status: string;
  purchaseId: string | null;
  lastPrice: { amount: string; currency: string } | null;
  lastNote: string | null;
  history: unknown[];
}
const watches = (worker: Worker): Promise<StoredWatch[]> => worker.evaluate(async () => ((await chrome.storage.local.get('watches')).watches?.watches ?? []) as never);
const notifications = (worker: Worker): Promise<string[]> => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));

/** A watch as the popup writes it, seeded directly, then the watch alarm fired as the browser fires it. */
async function seedWatch(worker: Worker, sandbox: Sandbox, overrides: Record<string, unknown>) {
  await worker.evaluate(
    async ({ url, overrides }) => {
      const now = Date.now();
      const product = { url, name: 'Merino Crew T-Shirt', image: null, price: '29.00', currency: 'USD', availability: 'InStock', sku: 'MT-BL-M', mpn: null, gtin: null, brand: 'Northwind', variant: { id: '4242', sku: 'MT-BL-M', options: { Size: 'M', Color: 'Blue' }, label: null }, sources: ['json-ld'], checkoutLinks: { creemProducts: [], diddoCarts: [] } };
      const watch = { id: 'w-seeded', product, target: { amount: '25.00', currency: 'USD' }, quantity: 1, profileId: 'p-home', instructions: '', mode: 'buy', mandate: { ceiling: { amount: '40.00', currency: 'USD' }, profileLabel: 'Home', signedAt: now, until: now + 86_400_000 }, until: now + 86_400_000, status: 'watching', createdAt: now, nextCheckAt: now, lastPrice: null, lastReadAt: null, lastNote: null, history: [], purchaseId: null, notifiedPrice: null, ...overrides };
      await chrome.storage.local.set({ watches: { watches: [watch], sites: {} } });
      await chrome.alarms.create('price-watch', { when: now });
    },
    { url: PAGE(sandbox), overrides },
  );
}

test('a watch set in the popup buys once, under its mandate, when the price drops to the target', async ({ sandbox, seed, shopPopup, serviceWorker }) => {
  await seed();
  const { popup } = await shopPopup(PAGE(sandbox));
  await popup.page.getByRole('button', { name: 'Watch price' }).click();
  await expect(popup.page.getByRole('textbox', { name: 'Target price' })).toHaveValue('26.10');
  await popup.page.getByRole('textbox', { name: 'Target price' }).fill('25.00');
  await popup.page.getByLabel('Buy automatically at or below the target price').check();
  // The mandate in plain words before saving: one purchase, at most the target plus the allowance (25.00 + 15.00).
  await expect(popup.page.getByRole('note')).toContainText('one purchase only');
  await expect(popup.page.getByRole('note')).toContainText('40.00 USD');
  await popup.page.getByRole('button', { name: 'Save watch' }).click();
  await expect(popup.status).toContainText('25.00 USD');

  const worker = await serviceWorker();
  // The first check reads 29.00: above the target, nothing bought.
  await expect.poll(async () => (await watches(worker))[0]?.lastPrice?.amount, { timeout: 10_000 }).toBe('29.00');
  expect(posts(sandbox)).toHaveLength(0);
  // Pages are read without cookies.
  expect(sandbox.shop.requests.every((r) => !r.cookies)).toBe(true);

  sandbox.shop.setPrice('merino-tee', '24.00');
  await expect.poll(() => posts(sandbox).length, { timeout: 15_000 }).toBe(1);
  expect(posts(sandbox)[0]!.body.user_data.max_price).toEqual({ amount: '40.00', currency: 'USD' });
  const [bought] = await watches(worker);
  expect(bought).toMatchObject({ status: 'bought' });
  await expect.poll(() => notifications(worker)).toContain(`watch:${bought!.id}:bought`);
  // Ended: later checks neither read the page again nor buy a second time.
  const asked = sandbox.shop.requests.length;
  await popup.page.waitForTimeout(4000);
  expect(posts(sandbox)).toHaveLength(1);
  expect(sandbox.shop.requests.length).toBe(asked);
});

test('a page in another currency notifies what differed and does not buy', async ({ sandbox, seed, serviceWorker }) => {
  await seed();
  sandbox.shop.setPrice('merino-tee', '20.00', 'EUR');
  const worker = await serviceWorker();
  await seedWatch(worker, sandbox, {});
  await expect.poll(async () => (await watches(worker))[0]?.lastNote ?? '', { timeout: 10_000 }).toContain('Another currency');
  await expect.poll(() => notifications(worker)).toContain('watch:w-seeded:differs');
  expect((await watches(worker))[0]).toMatchObject({ status: 'watching', purchaseId: null });
  expect(posts(sandbox)).toHaveLength(0);
});

test('a page that now shows another variant notifies what differed and does not buy', async ({ sandbox, seed, serviceWorker }) => {
  await seed();
  sandbox.shop.setPrice('merino-tee', '20.00');
  const worker = await serviceWorker();
  // The shop renumbered its variants: the watched one (4299) is no longer what the page selects.
  await seedWatch(worker, sandbox, { product: { url: PAGE(sandbox), name: 'Merino Crew T-Shirt', image: null, price: '29.00', currency: 'USD', availability: 'InStock', sku: 'MT-BL-M', mpn: null, gtin: null, brand: 'Northwind', variant: { id: '4299', sku: 'MT-BL-M', options: { Size: 'M', Color: 'Blue' }, label: null }, sources: ['json-ld'], checkoutLinks: { creemProducts: [], diddoCarts: [] } } });
  await expect.poll(async () => (await watches(worker))[0]?.lastNote ?? '', { timeout: 10_000 }).toContain('Another variant');
  await expect.poll(() => notifications(worker)).toContain('watch:w-seeded:differs');
  expect(posts(sandbox)).toHaveLength(0);
});

test('an expired watch does nothing: no request, no purchase, no alarm', async ({ sandbox, seed, serviceWorker }) => {
  await seed();
  sandbox.shop.setPrice('merino-tee', '1.00');
  const worker = await serviceWorker();
  await seedWatch(worker, sandbox, { until: Date.now() - 1000 });
  await expect.poll(async () => (await watches(worker))[0]?.status, { timeout: 10_000 }).toBe('expired');
  expect(sandbox.shop.requests).toHaveLength(0);
  expect(posts(sandbox)).toHaveLength(0);
  await expect.poll(() => worker.evaluate(async () => (await chrome.alarms.get('price-watch')) ?? null)).toBeNull();
});

test('an idle browser with no watch makes no request and sets no alarm', async ({ sandbox, seed, serviceWorker }) => {
  await seed();
  const worker = await serviceWorker();
  await worker.evaluate(() => new Promise((resolve) => setTimeout(resolve, 3500)));
  expect(await worker.evaluate(async () => (await chrome.alarms.getAll()).map((a: { name: string }) => a.name))).not.toContain('price-watch');
  expect(sandbox.shop.requests).toHaveLength(0);
});
