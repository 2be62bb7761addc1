import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';

/** Purchase records as stored, read from an extension page (this does not wake the service worker). */
async function storedCheckouts(extensionPage: Page) {
  return extensionPage.evaluate(async () => ((await chrome.storage.local.get('checkouts')).checkouts ?? []) as { state: string; checkoutId: string; notifications: { event: string }[] }[]);
}

test('a purchase completes and notifies once even though the service worker was stopped while polling', async ({ context, sandbox, extensionId, clickAction }) => {
  test.setTimeout(120_000);
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.configure(sandbox.apiKey, sandbox.apiUrl);
  const shop = await context.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/pour-over-kettle?sc_delay=6000`);
  const tabId = await clickAction(shop);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open(tabId);
  await popup.buy();
  await expect(popup.status).toContainText('In progress');
  await popup.page.close();

  const checkout = [...sandbox.api.checkouts.values()].find((c) => c.url.includes('sc_delay=6000'))!;
  await expect.poll(() => checkout.gets).toBeGreaterThan(0);

  // Stop the worker, as Chrome does to an idle extension: its in-worker timer dies with it.
  const cdp = await context.newCDPSession(options.page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const getsWhenStopped = checkout.gets;
  await options.page.waitForTimeout(5000);
  expect(checkout.gets, 'no polling while the worker is stopped').toBe(getsWhenStopped);

  // The alarm wakes a new worker, which resumes polling from storage.
  await expect.poll(async () => (await storedCheckouts(options.page))[0]?.state, { timeout: 60_000 }).toBe('completed');
  const [record] = await storedCheckouts(options.page);
  expect(record!.notifications.map((n) => n.event)).toEqual(['completed']);
  expect(sandbox.api.requests.filter((r) => r.method === 'POST' && r.body?.url?.includes('sc_delay=6000'))).toHaveLength(1);
});
