import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { startSandbox } from '../sandbox/index.mjs';
import { launchFirefoxWithExtension, openExtensionPage } from '../support/firefox.mjs';

// Real Firefox, driven over WebDriver BiDi (Playwright's Firefox cannot load extensions). The build is
// `.output/firefox-mv3-e2e`: the store build plus read access to the local demo shop (see wxt.config.ts).
const EXTENSION_PATH = resolve(import.meta.dirname, '../../.output/firefox-mv3-e2e');

test.describe.configure({ mode: 'serial' });

let firefox: Browser;
let sandbox: Awaited<ReturnType<typeof startSandbox>>;

test.beforeAll(async () => {
  sandbox = await startSandbox({ completionDelayMs: 1500 });
  firefox = await launchFirefoxWithExtension(EXTENSION_PATH);
});

test.afterAll(async () => {
  await firefox?.close();
  await sandbox?.close();
});

/** The control whose accessible name is `name`, as a person finds it by its label. */
async function control(page: Page, name: string) {
  const found = await page.waitForFunction(
    (label) => [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)?.control ?? false,
    { timeout: 15_000 },
    name,
  );
  return found.asElement() as ElementHandle<HTMLInputElement | HTMLSelectElement>;
}
/** The control labelled `name` inside the options group (fieldset) named `group`. */
async function controlIn(page: Page, group: string, name: string) {
  const found = await page.waitForFunction(
    (legend, label) => {
      const fieldset = [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.trim() === legend);
      return [...(fieldset?.querySelectorAll('label') ?? [])].find((l) => l.textContent?.trim() === label)?.control ?? false;
    },
    { timeout: 15_000 },
    group,
    name,
  );
  return found.asElement() as ElementHandle<HTMLInputElement>;
}
const button = (page: Page, name: string) => page.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, { timeout: 15_000 });
/** Waits until the page shows `text`; on failure, says what it showed instead. */
async function showsText(page: Page, text: string) {
  try {
    await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout: 20_000 }, text);
  } catch {
    throw new Error(`Expected the page to show "${text}"; it shows:\n${await page.evaluate(() => document.body.innerText)}`);
  }
}
const stored = (page: Page) => page.evaluate(async () => (await chrome.storage.local.get('checkouts')).checkouts as { state: string; amount: string; currency: string; notifications: { event: string }[] }[]);

/** Replaces what the field holds by typing, as a person does. */
async function fill(page: Page, name: string, value: string) {
  const field = await control(page, name);
  await field.evaluate((el) => (el as HTMLInputElement).select());
  await field.type(value);
}

test('Firefox: configure, detect the selected variant on a shop page, buy through the sandbox, and see it complete', async () => {
  const options = await openExtensionPage(firefox, 'options.html');
  await fill(options, 'API key', sandbox.apiKey);
  await fill(options, 'API base URL', sandbox.apiUrl);
  await (await button(options, 'Save'))!.click();
  await showsText(options, 'Settings saved.');

  for (const [name, value] of [['First name', 'Ada'], ['Last name', 'Lovelace'], ['Email', 'ada@example.com'], ['Phone', '+44 20 7123 4567'], ['Address line 1', "12 St James's Square"], ['City', 'London'], ['Postal code', 'SW1Y 4JH']]) {
    await fill(options, name!, value!);
  }
  await (await control(options, 'Country')).select('GB');
  await (await button(options, 'Save profile'))!.click();
  await showsText(options, 'Profile “Home” saved.');

  const shop = await firefox.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/merino-tee`);
  await (await control(shop, 'Size')).select('L');
  const tabId = await options.evaluate(async (url) => (await chrome.tabs.query({})).find((t: { url?: string }) => t.url?.startsWith(url))?.id, `${sandbox.shopUrl}/products/merino-tee`);
  expect(tabId).toEqual(expect.any(Number));

  const popup = await openExtensionPage(firefox, `popup.html?tabId=${tabId}`);
  await showsText(popup, 'Merino Crew T-Shirt');
  await showsText(popup, 'Size L');
  await (await button(popup, 'Buy via Smartcheckout'))!.click();
  await (await button(popup, 'Confirm purchase'))!.click();
  await showsText(popup, 'Completed: 31.00 USD');

  // Exactly one purchase, completed, notified once (headless Firefox closes notifications at once: read the record).
  await expect.poll(() => stored(popup).then((records) => records.map((r) => [r.state, r.amount, r.currency, r.notifications.map((n) => n.event)]))).toEqual([
    ['completed', '31.00', 'USD', ['completed']],
  ]);
  const posts = sandbox.api.requests.filter((r: { method: string }) => r.method === 'POST');
  expect(posts).toHaveLength(1);
  const post = posts[0]!;
  expect(post.headers.authorization).toBe(`Bearer ${sandbox.apiKey}`);
  expect(post.body.url).toMatch(/\/products\/merino-tee\?variant=\d+$/);
  expect(post.body.user_data.shipping_address).toMatchObject({ first_name: 'Ada', country_code: 'GB', postal_code: 'SW1Y 4JH' });
  expect(post.body.user_data.prompt).toContain('Size L');
});

test('Firefox: a price watch reads its page in the background page (no cookies, the same detector) and buys under its mandate', async () => {
  const options = await openExtensionPage(firefox, 'options.html');
  const url = `${sandbox.shopUrl}/products/merino-tee?variant=4242`;
  const postsBefore = sandbox.api.requests.filter((r) => r.method === 'POST').length;
  const check = (id: string) => options.evaluate(async (watchId) => (await chrome.runtime.sendMessage({ type: 'watch:check-now', id: watchId })) as { ok: boolean; watch: { status: string; lastPrice: { amount: string } | null } }, id);
  await options.evaluate(async (pageUrl) => {
    const now = Date.now();
    const profileId = (await chrome.storage.local.get('profiles')).profiles.defaultProfileId;
    const product = { url: pageUrl, name: 'Merino Crew T-Shirt', image: null, price: '29.00', currency: 'USD', availability: 'InStock', sku: 'MT-BL-M', mpn: null, gtin: null, brand: 'Northwind', variant: { id: '4242', sku: 'MT-BL-M', options: { Size: 'M', Color: 'Blue' }, label: null }, sources: ['json-ld'], checkoutLinks: { creemProducts: [], diddoCarts: [] } };
    const watch = { id: 'w-firefox', product, target: { amount: '25.00', currency: 'USD' }, quantity: 1, profileId, instructions: '', mode: 'buy', mandate: { ceiling: { amount: '40.00', currency: 'USD' }, profileLabel: 'Home', signedAt: now, until: now + 86_400_000 }, until: now + 86_400_000, status: 'watching', createdAt: now, nextCheckAt: now + 86_400_000, lastPrice: null, lastReadAt: null, lastNote: null, history: [], purchaseId: null, notifiedPrice: null };
    await chrome.storage.local.set({ watches: { watches: [watch], sites: {} } });
  }, url);
  expect((await check('w-firefox')).watch).toMatchObject({ status: 'watching', lastPrice: { amount: '29.00' } });
  sandbox.shop.setPrice('merino-tee', '24.00');
  try {
    expect((await check('w-firefox')).watch).toMatchObject({ status: 'bought', lastPrice: { amount: '24.00' } });
  } finally {
    sandbox.shop.setPrice('merino-tee', null);
  }
  const posts = sandbox.api.requests.filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(postsBefore + 1);
  expect(posts.at(-1)!.body.user_data.max_price).toEqual({ amount: '40.00', currency: 'USD' });
  expect(sandbox.shop.requests.filter((r) => r.path.includes('variant=4242')).every((r) => !r.cookies)).toBe(true);
});

test('Firefox: a withheld API host is shown in Options with "Grant access", and the popup explains it instead of buying', async () => {
  const options = await openExtensionPage(firefox, 'options.html');
  await fill(options, 'API base URL', 'https://api.smartcheckout.dev');
  await (await button(options, 'Save'))!.click();
  await showsText(options, 'Access to api.smartcheckout.dev: granted.');

  // The user withdraws the extension's access to the API host (Firefox's add-on manager allows it).
  expect(await options.evaluate(() => chrome.permissions.remove({ origins: ['https://api.smartcheckout.dev/*'] }))).toBe(true);
  await showsText(options, 'Smartcheckout has no access to api.smartcheckout.dev yet');

  const postsBefore = sandbox.api.requests.length;
  const popup = await openExtensionPage(firefox, `popup.html?url=${encodeURIComponent(`${sandbox.shopUrl}/products/pour-over-kettle`)}`);
  await fill(popup, 'Instructions', 'The white one.');
  await (await button(popup, 'Buy via Smartcheckout'))!.click();
  await (await button(popup, 'Confirm purchase'))!.click();
  await showsText(popup, 'Smartcheckout has no access to api.smartcheckout.dev: open Options and choose Grant access. Nothing was bought.');
  expect(sandbox.api.requests.length).toBe(postsBefore);

  await (await button(options, 'Grant access'))!.click();
  await showsText(options, 'Access to api.smartcheckout.dev: granted.');
});

test('Firefox: a Shoppex checkout link is created for the page, paid in the sandbox, and reported', async () => {
  const options = await openExtensionPage(firefox, 'options.html');
  for (const [name, value] of [['API key', sandbox.shoppex.apiKey], ['API base URL', sandbox.shoppex.baseUrl]] as const) {
    const field = await controlIn(options, 'Shoppex', name);
    await field.evaluate((el) => el.select());
    await field.type(value);
  }
  await options.evaluate(() => {
    const fieldset = [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === 'Shoppex')!;
    [...fieldset.querySelectorAll('button')].find((b) => b.textContent === 'Save')!.click();
  });
  await showsText(options, 'Settings saved.');

  const shop = await firefox.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/pour-over-kettle`);
  const tabId = await options.evaluate(async (url) => (await chrome.tabs.query({})).find((t: { url?: string }) => t.url?.startsWith(url))?.id, `${sandbox.shopUrl}/products/pour-over-kettle`);
  const popup = await openExtensionPage(firefox, `popup.html?tabId=${tabId}`);
  await (await control(popup, 'Checkout service')).select('shoppex');
  await showsText(popup, 'The customer pays: 45.00 GBP');
  await (await button(popup, 'Create checkout link'))!.click();
  await showsText(popup, 'Waiting for payment');

  const [id] = [...sandbox.shoppex.sessions.keys()];
  sandbox.shoppex.pay(id!);
  await showsText(popup, 'Paid: 45.00 GBP');
  await expect.poll(() => stored(popup).then((records) => records.filter((r) => r.state === 'paid').map((r) => r.notifications.map((n) => n.event)))).toEqual([['paid']]);
});
