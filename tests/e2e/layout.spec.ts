import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';

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
