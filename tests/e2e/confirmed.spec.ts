import { expect, type Sandbox, storedCheckouts, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import type { Page } from '@playwright/test';

const posts = (sandbox: Sandbox) => sandbox.api.requests.filter((r) => r.method === 'POST');

/** The shop page's own scripts keep it busy for `ms` (then, optionally, the shopper picks another size). */
async function keepBusy(shop: Page, ms: number, thenSize: string | null = null) {
  await shop.evaluate(
    ({ ms, thenSize }) =>
      setTimeout(() => {
        const end = Date.now() + ms;
        while (Date.now() < end);
        if (!thenSize) return;
        const select = document.querySelector<HTMLSelectElement>('#option-size')!;
        select.value = thenSize;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, 50),
    { ms, thenSize },
  );
}

test('the popup closed right after "Confirm purchase" on a shop page busy for 3 s still buys once, and the history shows it', async ({ context, sandbox, extensionId, shopPopup, seed }) => {
  await seed();
  const { shop, popup } = await shopPopup(`${sandbox.shopUrl}/products/merino-tee?variant=4242`);
  await popup.buy({ confirm: false });
  await expect(popup.confirmation).toBeVisible();
  await keepBusy(shop, 3000);
  await popup.confirmButton.click();
  // "Starting…" from the click, not after the page was read again.
  await expect(popup.status).toContainText('Starting');
  await popup.page.close();

  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();
  await expect(options.page.locator('#purchases')).toContainText('Completed: 29.00 USD', { timeout: 30_000 });
  expect(posts(sandbox)).toHaveLength(1);
  expect(posts(sandbox)[0]!.body.user_data.max_price).toEqual({ amount: '44.00', currency: 'USD' });
  await expect.poll(async () => (await storedCheckouts(options.page))[0]?.notifications.map((n) => n.event)).toEqual(['completed']);
});

test('the page changed after "Confirm purchase" with the popup gone: nothing is sent, and a notification says what changed', async ({ context, sandbox, extensionId, shopPopup, seed }) => {
  await seed();
  const { shop, popup } = await shopPopup(`${sandbox.shopUrl}/products/merino-tee?variant=4241`);
  await popup.buy({ confirm: false });
  await expect(popup.confirmation).toBeVisible();
  // The popup stops following the page (as when out of sight), so the change reaches only the background's read.
  await popup.page.evaluate(() => Object.defineProperty(document, 'visibilityState', { get: () => 'hidden', configurable: true }));
  await popup.page.waitForTimeout(1000);
  await keepBusy(shop, 2500, 'L');
  await popup.confirmButton.click();
  await expect(popup.status).toContainText('Starting');
  await popup.page.close();

  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();
  await expect(options.page.locator('#purchases')).toContainText('Nothing was sent: you confirmed 29.00 USD, Size S, Color Blue, the page then said 31.00 USD, Size L, Color Blue.', { timeout: 30_000 });
  await expect
    .poll(async () => (await storedCheckouts(options.page))[0]?.notifications)
    .toEqual([
      expect.objectContaining({
        event: 'not_sent',
        title: 'Not bought: the page changed before sending',
        message: 'Merino Crew T-Shirt — you confirmed 29.00 USD, Size S, Color Blue, the page now says 31.00 USD, Size L, Color Blue. Nothing was sent: open it to decide again.',
      }),
    ]);
  expect(posts(sandbox)).toHaveLength(0);
});

test('three 1.00 USD purchases at once under a 100 USD daily limit are all sent, with ceilings that add up to at most 100', async ({ sandbox, shopPopup, seed }) => {
  await seed({ safety: { confirmEachPurchase: false, dailyLimit: { amount: '100', currency: 'USD' } } });
  const popups = [];
  for (const variant of ['5101', '5102', '5103']) popups.push((await shopPopup(`${sandbox.shopUrl}/products/enamel-pin?variant=${variant}`)).popup);
  await Promise.all(popups.map((popup) => popup.buyButton.click()));
  for (const popup of popups) await expect(popup.status).toContainText(/In progress|Completed/);
  await expect.poll(() => posts(sandbox).length).toBe(3);
  const ceilings = posts(sandbox).map((post) => post.body.user_data.max_price);
  expect(ceilings).toEqual([0, 1, 2].map(() => ({ amount: '16.00', currency: 'USD' })));
  expect(ceilings.reduce((sum, ceiling) => sum + Number(ceiling.amount), 0)).toBeLessThanOrEqual(100);
});

test('the ceiling can be changed for one purchase in the confirmation, within what the limits leave', async ({ sandbox, shopPopup, seed }) => {
  await seed({ safety: { dailyLimit: { amount: '60', currency: 'USD' } } });
  const { popup } = await shopPopup(`${sandbox.shopUrl}/products/merino-tee?variant=4242`);
  await popup.buy({ confirm: false });
  const ceiling = popup.confirmation.getByLabel('Most the agent may spend (USD)');
  await expect(ceiling).toHaveValue('44.00');
  await ceiling.fill('61');
  await expect(popup.confirmation).toContainText('The most the agent may spend can be at most 60.00 USD: your price cap and spending limits leave no more.');
  await expect(popup.confirmButton).toBeDisabled();
  await ceiling.fill('35');
  await expect(popup.confirmation).toContainText('The agent may spend up to 35.00 USD in total.');
  await expect(popup.promptShown).toContainText('Do not pay more than 35.00 USD in total.');
  await popup.confirmButton.click();
  await expect(popup.status).toContainText(/In progress|Completed/);
  expect(posts(sandbox)[0]!.body.user_data.max_price).toEqual({ amount: '35.00', currency: 'USD' });
});
