import { expect, test } from './fixtures';
import { ADA, OptionsPage, type ProfileInput } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';

const OFFICE: ProfileInput = {
  label: 'Office',
  firstName: 'Grace',
  lastName: 'Hopper',
  email: 'grace@example.com',
  phone: '(202) 555-0143',
  address1: '1 Navy Yard',
  city: 'Washington',
  province: 'DC',
  postalCode: '20374',
  country: 'United States',
};

test('two profiles: the second made default is preselected, and the sandbox receives its address', async ({ context, sandbox, extensionId, clickAction }) => {
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.configure(sandbox.apiKey, sandbox.apiUrl, ADA);
  await options.page.getByRole('button', { name: 'Add profile' }).click();
  await options.saveProfile(OFFICE);
  await expect(options.page.getByText('Profile “Office” saved.')).toBeVisible();
  await options.page.getByRole('button', { name: 'Make Office the default' }).click();
  await expect(options.page.getByRole('list', { name: 'Saved profiles' }).getByRole('listitem').filter({ hasText: 'Office' })).toContainText('Default');

  const shop = await context.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/pour-over-kettle`);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open(await clickAction(shop));
  await expect(popup.page.getByLabel('Shipping profile')).toHaveText(/Office — Grace Hopper/);
  await popup.buy({ confirm: false });
  await expect(popup.confirmation).toContainText('Ceramic Pour-Over Kettle — SKU KET-08 — Qty 1 — 45.00 GBP');
  await expect(popup.confirmation).toContainText('Ships to: Office — Grace Hopper, 1 Navy Yard, Washington DC 20374, US');
  await popup.confirmation.getByRole('button', { name: 'Confirm purchase' }).click();
  await expect(popup.status).toContainText('Completed: 45.00 GBP');

  const post = sandbox.api.requests.find((r) => r.method === 'POST')!;
  expect(post.body.user_data.email).toBe('grace@example.com');
  expect(post.body.user_data.shipping_address).toEqual({
    first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com', phone: '+12025550143',
    address1: '1 Navy Yard', address2: '', city: 'Washington', province_code: 'DC', postal_code: '20374', country_code: 'US',
  });
});

test('a purchase over the price cap is blocked before any request, with the limit and the excess in words', async ({ context, sandbox, extensionId, clickAction }) => {
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.configure(sandbox.apiKey, sandbox.apiUrl);
  await options.page.getByLabel('Maximum price per purchase', { exact: true }).fill('60');
  await options.page.getByLabel('Maximum price per purchase currency').fill('USD');
  await expect(options.page.getByText('Safety settings saved.')).toBeVisible();

  const shop = await context.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/merino-tee?variant=4243`);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open(await clickAction(shop));
  await popup.buy({ quantity: 2, confirm: false });
  await expect(popup.status).toContainText('Blocked by your maximum price per purchase: 62.00 USD is 2.00 USD over the 60 USD cap.');
  await expect(popup.confirmation).toHaveCount(0);
  expect(sandbox.api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

  // Within the cap it goes through, and the cap travels to the agent.
  await popup.buy({ quantity: 1 });
  await expect(popup.status).toContainText('Completed: 31.00 USD');
  const post = sandbox.api.requests.find((r) => r.method === 'POST')!;
  expect(post.body.user_data.max_price).toEqual({ amount: '60', currency: 'USD' });
  expect(post.body.user_data.prompt).toContain('Do not pay more than 60 USD.');
});

test('with confirmation off, "Buy via Smartcheckout" buys at once', async ({ context, sandbox, extensionId, clickAction }) => {
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.configure(sandbox.apiKey, sandbox.apiUrl);
  await options.page.getByLabel('Ask me to confirm each purchase').uncheck();
  await expect(options.page.getByText('Safety settings saved.')).toBeVisible();
  const shop = await context.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/pour-over-kettle`);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open(await clickAction(shop));
  await popup.buy({ confirm: false });
  await expect(popup.status).toContainText('Completed: 45.00 GBP');
});

test('importing a malformed profiles file is refused with the reason and changes nothing', async ({ context, sandbox, extensionId }) => {
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.configure(sandbox.apiKey, sandbox.apiUrl);
  const before = await options.page.evaluate(async () => (await chrome.storage.local.get('profiles')).profiles);

  await options.page.getByLabel('Import profiles').setInputFiles({
    name: 'profiles.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ profiles: [{ label: 'Evil', firstName: 'X', email: 'not-an-email' }] })),
  });
  await expect(options.page.getByText(/Import refused: Profile 1 \(“Evil”\) is invalid: .* Nothing was imported\./)).toBeVisible();
  await options.page.getByLabel('Import profiles').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"profiles": [') });
  await expect(options.page.getByText('Import refused: The file is not valid JSON.')).toBeVisible();
  expect(await options.page.evaluate(async () => (await chrome.storage.local.get('profiles')).profiles)).toEqual(before);
  await expect(options.page.getByRole('list', { name: 'Saved profiles' }).getByRole('listitem')).toHaveCount(1);

  // A good export round-trips.
  const download = options.page.waitForEvent('download');
  await options.page.getByRole('button', { name: 'Export profiles' }).click();
  const file = await (await download).path();
  await options.page.getByLabel('Import profiles').setInputFiles(file);
  await expect(options.page.getByText('Imported 1 profile.')).toBeVisible();
  await expect(options.page.getByRole('list', { name: 'Saved profiles' }).getByRole('listitem')).toHaveCount(2);
});

test('profile fields show errors in words; delete has undo', async ({ context, sandbox, extensionId }) => {
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.configure(sandbox.apiKey, sandbox.apiUrl);
  await options.page.getByRole('button', { name: 'Add profile' }).click();
  await options.saveProfile({ ...OFFICE, province: '', postalCode: 'ABC', email: 'grace@' });
  await expect(options.page.getByText('Email must be a valid address, like ada@example.com')).toBeVisible();
  await expect(options.page.getByText('Postal code must look like 94103, 94103-1234')).toBeVisible();
  await expect(options.page.getByText('Choose a state / province')).toBeVisible();
  await expect(options.page.getByLabel('Email')).toBeFocused();

  await options.page.getByRole('button', { name: 'Delete Home' }).click();
  await expect(options.page.getByText('Deleted “Home”.')).toBeVisible();
  await expect(options.page.getByRole('list', { name: 'Saved profiles' })).toHaveCount(0);
  await options.page.getByRole('button', { name: 'Undo' }).click();
  await expect(options.page.getByRole('list', { name: 'Saved profiles' }).getByRole('listitem')).toHaveCount(1);
  await expect(options.page.getByRole('list', { name: 'Saved profiles' })).toContainText('Default');
});

test('"Test connection" tells a working key from a rejected one', async ({ context, sandbox, extensionId }) => {
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();
  const smartcheckout = options.service('Smartcheckout');
  await smartcheckout.getByLabel('API key').fill(sandbox.apiKey);
  await smartcheckout.getByLabel('API base URL').fill(sandbox.apiUrl);
  await smartcheckout.getByRole('button', { name: 'Test connection' }).click();
  await expect(smartcheckout.getByText('Connection works: the API key was accepted.')).toBeVisible();
  await smartcheckout.getByLabel('API key').fill('sk_wrong');
  await smartcheckout.getByRole('button', { name: 'Test connection' }).click();
  await expect(smartcheckout.getByText('API key rejected (HTTP 401).')).toBeVisible();
  expect(sandbox.api.requests.every((r) => r.method === 'GET' || r.method === 'OPTIONS')).toBe(true);
});

test('history: filter, copy the checkout id, export CSV, clear finished after confirming', async ({ context, sandbox, extensionId, clickAction }) => {
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.configure(sandbox.apiKey, sandbox.apiUrl);
  await options.page.getByLabel('Ask me to confirm each purchase').uncheck();
  for (const slug of ['pour-over-kettle', 'limited-print']) {
    const shop = await context.newPage();
    await shop.goto(`${sandbox.shopUrl}/products/${slug}`);
    const popup = new PopupPage(await context.newPage(), extensionId);
    await popup.open(await clickAction(shop));
    await popup.buy({ confirm: false });
    await expect(popup.status).toContainText(/Completed|Failed/);
  }
  await options.page.reload();
  const history = options.page.locator('#purchases');
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await options.page.getByLabel('Show').selectOption({ label: 'Failed' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem')).toContainText('Limited Edition Print');
  await options.page.getByLabel('Show').selectOption({ label: 'All purchases' });

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await history.getByRole('listitem').filter({ hasText: 'Kettle' }).getByRole('button', { name: 'Copy checkout ID' }).click();
  await expect(options.page.getByText('Checkout ID copied.')).toBeVisible();
  const kettle = [...sandbox.api.checkouts.values()].find((c) => c.url.includes('kettle'))!;
  expect(await options.page.evaluate(() => navigator.clipboard.readText())).toBe(kettle.id);

  const download = options.page.waitForEvent('download');
  await options.page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    let text = '';
    for await (const chunk of stream) text += chunk;
    return text;
  });
  expect(csv.split('\r\n')[0]).toBe('created_at,product,url,variant,quantity,profile,status,amount,currency,notes,checkout_id,service');
  expect(csv).toContain(`"Ceramic Pour-Over Kettle","${sandbox.shopUrl}/products/pour-over-kettle","SKU KET-08","1","Home","Completed: 45.00 GBP","45.00","GBP","","${kettle.id}","Smartcheckout"`);

  await options.page.getByRole('button', { name: 'Clear finished purchases' }).click();
  const dialog = options.page.getByRole('alertdialog', { name: 'Clear finished purchases' });
  await expect(dialog).toContainText('Clear 2 finished purchases from this history?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await options.page.getByRole('button', { name: 'Clear finished purchases' }).click();
  await options.page.getByRole('alertdialog').getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(options.page.getByText('Cleared 2 finished purchases.')).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(0);
});
