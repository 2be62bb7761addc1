import type { Worker } from '@playwright/test';
import { expect, FRESH_PROFILE, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import { GRETE } from './seed';

interface StoredCheckout {
  id: string;
  service: string;
  state: string;
  amount: string | null;
  currency: string | null;
  checkoutUrl: string | null;
  quoted?: unknown;
  notifications: { event: string; title: string; message: string }[];
}

const stored = (worker: Worker) => worker.evaluate(async () => ((await chrome.storage.local.get('checkouts')).checkouts ?? []) as StoredCheckout[]);

test('Shoppex: connect in Options, create a link for the page, the customer pays, notification and history follow', async ({ context, sandbox, extensionId, popupFor, serviceWorker }) => {
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();
  await options.connect('Shoppex', { apiKey: sandbox.shoppex.apiKey, baseUrl: sandbox.shoppex.baseUrl });
  await options.service('Shoppex').getByRole('button', { name: 'Test connection' }).click();
  await expect(options.service('Shoppex')).toContainText('Connection works');
  await options.saveProfile({ label: 'Grete', firstName: 'Grete', lastName: 'Meyer', email: 'grete@example.org', address1: '1 Main St', city: 'Springfield', province: 'IL', postalCode: '62701', country: 'United States' });

  const popup = await popupFor(`${sandbox.shopUrl}/products/merino-tee`);
  await expect(popup.productCard).toContainText('Merino Crew T-Shirt');
  // The only connected service: no choice to make.
  await expect(popup.page.getByLabel('Checkout service')).toHaveCount(0);
  await expect(popup.page.getByLabel('Amount')).toHaveValue('29.00');
  await popup.page.getByLabel('Quantity').fill('2');
  await expect(popup.page.getByLabel('Amount')).toHaveValue('58.00');
  await expect(popup.page.getByText('The customer pays: 58.00 USD')).toBeVisible();
  await popup.createLink();

  const posts = sandbox.shoppex.requests.filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(1);
  expect(posts[0]!.headers.authorization).toBe(`Bearer ${sandbox.shoppex.apiKey}`);
  expect(posts[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  expect(posts[0]!.body).toMatchObject({ amount: 58, currency: 'USD', customer_email: 'grete@example.org', product: { quantity: 2 } });

  // The popup can be closed and opened again: it shows the same link.
  const url = popup.page.url();
  await popup.page.goto('about:blank');
  await popup.page.goto(url);
  await expect(popup.handoff).toBeVisible();
  await expect(popup.status).toContainText('Waiting for payment');

  const checkout = await popup.openCheckout();
  await checkout.getByRole('button', { name: 'Pay' }).click();
  await expect(popup.status).toContainText('Paid: 58.00 USD', { timeout: 20_000 });

  await expect.poll(async () => (await stored(await serviceWorker()))[0]!.notifications.length).toBe(1);
  const [record] = await stored(await serviceWorker());
  expect(record).toMatchObject({ service: 'shoppex', state: 'paid', amount: '58.00', currency: 'USD' });
  expect(record!.notifications.map((n) => n.message)).toEqual([expect.stringMatching(/^Paid: 58\.00 USD — Merino Crew T-Shirt.* \(Shoppex\)$/)]);

  await options.page.reload();
  const history = options.page.locator('#purchases');
  await expect(history.getByRole('listitem')).toContainText(['Shoppex']);
  await expect(history.getByRole('listitem')).toContainText(['Paid: 58.00 USD']);
});

test('Creem: the store product is preselected by name, the link is created once for a double click, expiry is reported', async ({ context, sandbox, extensionId, popupFor, serviceWorker }) => {
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();
  // A test key: the group says which mode it is in, and the base URL the user types wins over the default.
  const creem = options.service('Creem');
  await creem.getByLabel('API key').fill(sandbox.creem.apiKey);
  await expect(creem.getByLabel('API base URL')).toHaveValue('https://test-api.creem.io');
  await expect(creem).toContainText('Test mode');
  await options.connect('Creem', { apiKey: sandbox.creem.apiKey, baseUrl: sandbox.creem.baseUrl });
  await options.saveProfile({ label: 'Grete', firstName: 'Grete', lastName: 'Meyer', email: 'grete@example.org', address1: '1 Main St', city: 'Springfield', province: 'IL', postalCode: '62701', country: 'United States' });

  const popup = await popupFor(`${sandbox.shopUrl}/products/merino-tee`);
  await expect(popup.page.getByText('Creem test mode')).toBeVisible();
  const picker = popup.page.getByLabel('Creem product');
  await expect(picker.locator('option:checked')).toHaveText(/Merino Crew T-Shirt — 29\.00 USD/);
  await expect(popup.page.getByText('The customer pays: 29.00 USD')).toBeVisible();
  await popup.page.getByRole('button', { name: 'Create checkout link' }).dblclick();
  await expect(popup.handoff).toBeVisible();
  expect(sandbox.creem.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  expect(sandbox.creem.requests.find((r) => r.method === 'POST')!.headers['x-api-key']).toBe(sandbox.creem.apiKey);

  const [record] = await stored(await serviceWorker());
  expect(record).toMatchObject({ service: 'creem', state: 'processing' });
  sandbox.creem.expire([...sandbox.creem.checkouts.keys()][0]!);
  await expect(popup.status).toContainText('Expired', { timeout: 20_000 });
  await expect.poll(async () => (await stored(await serviceWorker()))[0]!.notifications.map((n) => n.event)).toEqual(['ended']);
});

test('Diddo: the cart on the page, shipping for the profile, a link whose token stays out of the query, paid', async ({ context, sandbox, extensionId, popupFor, serviceWorker }) => {
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();
  await expect(options.service('Diddo')).toContainText('publishes no API address');
  await options.connect('Diddo', { apiKey: sandbox.diddo.apiKey, baseUrl: sandbox.diddo.baseUrl, checkoutUrl: sandbox.diddo.checkoutBase });
  await options.saveProfile({ label: 'Grete', firstName: 'Grete', lastName: 'Meyer', email: 'grete@example.org', phone: '+1 217 555 0134', address1: '1 Main St', city: 'Springfield', province: 'IL', postalCode: '62701', country: 'United States' });

  const popup = await popupFor(`${sandbox.shopUrl}/diddo`);
  await expect(popup.page.getByText(`Diddo cart found on this page: ${sandbox.diddo.singleStoreCartId}`)).toBeVisible();
  const shipping = popup.page.getByLabel('Shipping method');
  await expect(shipping).toBeVisible();
  await expect(popup.page.getByText(/Total with shipping: \d+\.\d\d USD/)).toBeVisible();
  await popup.createLink();

  const link = (await stored(await serviceWorker()))[0]!.checkoutUrl!;
  const url = new URL(link);
  expect(url.searchParams.has('auth_token')).toBe(false);
  expect(url.hash).toMatch(/^#auth_token=/);
  await expect(popup.handoff).not.toContainText(url.hash.slice(1));

  const checkout = await popup.openCheckout();
  await expect(checkout.getByText('grete@example.org')).toBeVisible();
  await checkout.getByRole('button', { name: 'Pay' }).click();
  await expect(popup.status).toContainText('Paid', { timeout: 20_000 });
  await expect.poll(async () => (await stored(await serviceWorker()))[0]!.notifications.map((n) => n.event)).toEqual(['paid']);
  const [record] = await stored(await serviceWorker());
  expect(JSON.stringify(record!.notifications)).not.toContain(url.hash.slice(1));
  // No request ever carried the token in a query string.
  expect([...sandbox.diddo.requests, ...sandbox.diddo.pageRequests].some((r) => r.url.includes(url.hash.slice('#auth_token='.length)))).toBe(false);
});

test('the link as a QR code, made in the browser, downloadable as PNG and SVG; "Copy link" copies it', async ({ context, sandbox, popupFor, seed }) => {
  await seed({ services: ['shoppex'], profiles: [GRETE] });
  const popup = await popupFor(`${sandbox.shopUrl}/products/pour-over-kettle`);
  await popup.createLink();
  // Anything but the status polls: the QR code must be made without asking anyone.
  const asked = () => [...sandbox.shoppex.requests.filter((r) => !r.path.startsWith('/payments/')), ...sandbox.shoppex.pageRequests].length;
  const requestsBefore = asked();

  await popup.handoff.getByRole('button', { name: 'Show QR code' }).click();
  const qr = popup.handoff.getByRole('img', { name: 'QR code of the checkout link' });
  await expect(qr).toBeVisible();
  const svg = popup.page.waitForEvent('download');
  await popup.handoff.getByRole('button', { name: 'Download SVG' }).click();
  expect((await svg).suggestedFilename()).toMatch(/^checkout-.+\.svg$/);
  const png = popup.page.waitForEvent('download');
  await popup.handoff.getByRole('button', { name: 'Download PNG' }).click();
  expect((await png).suggestedFilename()).toMatch(/^checkout-.+\.png$/);

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.handoff.getByRole('button', { name: 'Copy link' }).click();
  await expect(popup.status).toContainText('Link copied.');
  const [id] = [...sandbox.shoppex.sessions.keys()];
  expect(await popup.page.evaluate(() => navigator.clipboard.readText())).toBe(`${sandbox.apiUrl}/shoppex/checkout/invoice/${id}`);
  expect(asked()).toBe(requestsBefore);
});

test('Shoppex answers that write the currency in lower case ("usd") and amounts as text: the link is followed to Paid', async ({ context, sandbox, extensionId, popupFor, seed, serviceWorker }) => {
  await seed({ services: ['shoppex'], profiles: [GRETE] });
  const popup = await popupFor(`${sandbox.shopUrl}/products/merino-tee?sc_scenario=lower_currency,amount_text`);
  await expect(popup.page.getByText('The customer pays: 29.00 USD')).toBeVisible();
  await popup.createLink();
  await expect(popup.status).toContainText('Waiting for payment');
  const [id] = [...sandbox.shoppex.sessions.keys()];

  const checkout = await popup.openCheckout();
  await checkout.getByRole('button', { name: 'Pay' }).click();
  await expect(popup.status).toContainText('Paid: 29.00 USD', { timeout: 20_000 });
  await expect.poll(async () => (await stored(await serviceWorker()))[0]?.notifications.length).toBe(1);
  const [record] = await stored(await serviceWorker());
  expect(record).toMatchObject({ service: 'shoppex', state: 'paid', amount: '29.00', currency: 'USD', quoted: { amount: '29.00', currency: 'USD' } });
  expect(record!.notifications.map((n) => n.message)).toEqual([expect.stringMatching(/^Paid: 29\.00 USD — Merino Crew T-Shirt.* \(Shoppex\)$/)]);
  expect(sandbox.shoppex.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  expect(sandbox.shoppex.sessions.get(id!)).toBeTruthy();

  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();
  const history = options.page.locator('#purchases');
  await expect(history.getByRole('listitem')).toContainText(['Paid: 29.00 USD']);
  await expect(history).not.toContainText('Could not be read');
});

test('a stored record that cannot be read is listed as such in the popup and the history, "Clear finished purchases" keeps it, "Remove record" removes it', { tag: FRESH_PROFILE }, async ({ context, sandbox, extensionId, popupFor, seed, serviceWorker }) => {
  await seed({ services: ['shoppex'], profiles: [GRETE] });
  const broken = { id: 'intent-broken', service: 'shoppex', state: 'paid', createdAt: Date.now() - 60_000, quoted: 'twenty-nine', product: { url: 'https://shop.example/p', name: 'Linen Apron' } };
  const popup = await popupFor(`${sandbox.shopUrl}/products/merino-tee`);
  await popup.createLink();
  const checkout = await popup.openCheckout();
  await checkout.getByRole('button', { name: 'Pay' }).click();
  await expect(popup.status).toContainText('Paid: 29.00 USD', { timeout: 20_000 });
  await expect.poll(async () => (await stored(await serviceWorker()))[0]?.notifications.length).toBe(1);
  // An entry no version of the extension could read (its state says paid, its record is not one).
  await (await serviceWorker()).evaluate(async (entry) => {
    const { checkouts } = await chrome.storage.local.get('checkouts');
    await chrome.storage.local.set({ checkouts: [...(checkouts as unknown[]), { ...entry, createdAt: 'then', notifications: 'none' }] });
  }, broken);

  await expect(popup.recentPurchases.getByRole('listitem').filter({ hasText: 'Linen Apron' })).toContainText('Could not be read, kept as is');
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();
  const history = options.page.locator('#purchases');
  const unreadable = history.getByRole('listitem').filter({ hasText: 'Could not be read, kept as is' });
  await expect(unreadable).toContainText('Linen Apron');
  await expect(unreadable).toContainText('intent-broken');
  await expect(unreadable.getByRole('link')).toHaveCount(0);

  await history.getByRole('button', { name: 'Clear finished purchases' }).click();
  await options.page.getByRole('alertdialog').getByRole('button', { name: 'Clear' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(unreadable).toBeVisible();
  expect(await stored(await serviceWorker())).toEqual([expect.objectContaining({ id: 'intent-broken', quoted: 'twenty-nine' })]);

  // Only the user removes it, after saying so twice.
  await unreadable.getByRole('button', { name: 'Remove record' }).click();
  await unreadable.getByRole('alertdialog').getByRole('button', { name: 'Remove for good' }).click();
  await expect(options.page.getByRole('status').filter({ hasText: 'The record was removed.' })).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(0);
  expect(await stored(await serviceWorker())).toEqual([]);
});
