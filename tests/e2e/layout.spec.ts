import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';

/** Elements wider than the viewport, which would make the page scroll sideways. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1) && getComputedStyle(el).position !== 'fixed';
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)} > ${width})`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10) };
  });
}

// 400 px wide, and a 1280 × 800 window at 200 % zoom, which lays the page out in 640 × 400 CSS pixels.
for (const [name, viewport] of [
  ['400 px wide', { width: 400, height: 800 }],
  ['200 % zoom', { width: 640, height: 400 }],
] as const) {
  test(`Options at ${name}: no sideways scrolling, the section nav stays in view`, async ({ context, sandbox, extensionId }) => {
    const options = new OptionsPage(await context.newPage(), extensionId);
    await options.configure(sandbox.apiKey, sandbox.apiUrl);
    await options.connect('Diddo', { apiKey: sandbox.diddo.apiKey, baseUrl: sandbox.diddo.baseUrl, checkoutUrl: sandbox.diddo.checkoutBase });
    await options.page.getByRole('button', { name: 'Try the demo' }).click();
    // An error beside its field, at its longest.
    await options.page.getByLabel('Daily spending limit', { exact: true }).fill('12,34,56');
    await expect(options.page.getByText('Amount must be a number like 60 or 60.00')).toBeVisible();
    await options.page.setViewportSize(viewport);
    await options.page.waitForTimeout(200);
    const measured = await overflow(options.page);
    expect(measured.wide, 'elements wider than the page').toEqual([]);
    expect(measured.scrollWidth).toBeLessThanOrEqual(measured.width);

    const nav = options.page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: 'Purchases' }).click();
    await expect(options.page.getByRole('heading', { name: 'Purchases', level: 2 })).toBeInViewport();
    const box = await nav.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height / 2);
    await expect(nav).toBeInViewport();
  });
}

test('the welcome and privacy pages at 400 px wide: no sideways scrolling', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 800 });
  for (const path of ['welcome.html', 'privacy.html', 'demo.html']) {
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const measured = await overflow(page);
    expect(measured.wide, path).toEqual([]);
    expect(measured.scrollWidth, path).toBeLessThanOrEqual(measured.width);
  }
});

test('the popup: the product card stays where it first appears while the rest of the popup loads', async ({ context, sandbox, extensionId, clickAction, seed }) => {
  await seed();
  const shop = await context.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/merino-tee?variant=4242`);
  const tabId = await clickAction(shop);

  const popup = new PopupPage(await context.newPage(), extensionId);
  // The size of the toolbar popup at its tallest.
  await popup.page.setViewportSize({ width: 380, height: 600 });
  // The card's box the moment it is first in the page, and whether the purchase form had come yet.
  await popup.page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const card = document.querySelector('section[aria-label="Product"]');
      if (!card) return;
      observer.disconnect();
      const { x, y, width, height } = card.getBoundingClientRect();
      const form = [...document.querySelectorAll('button')].some((b) => b.textContent === 'Buy via Smartcheckout');
      (globalThis as { firstCard?: unknown }).firstCard = { box: { x, y, width, height }, form };
    }).observe(document, { childList: true, subtree: true });
  });
  await popup.open(tabId);
  await expect(popup.productCard).toContainText('Merino Crew T-Shirt');
  // What loads after the card: the purchase form with the profile picker, and every stored value checked again.
  await expect(popup.page.getByRole('button', { name: 'Buy via Smartcheckout' })).toBeVisible();
  await expect(popup.page.getByLabel('Shipping profile')).toHaveValue(/.+/);
  const first = (await popup.page.evaluate(() => (globalThis as { firstCard?: unknown }).firstCard)) as { box: { x: number; y: number; width: number; height: number }; form: boolean };
  expect(first.form, 'the form came after the card').toBe(false);
  expect(await popup.productCard.boundingBox()).toEqual(first.box);
});
