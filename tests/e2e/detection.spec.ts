import { expect, test } from './fixtures';
import { PopupPage } from './pages/PopupPage';

test('the popup follows the variant the shopper selects on the page', async ({ context, sandbox, extensionId, clickAction, seed }) => {
  await seed();
  const shop = await context.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/merino-tee?utm_campaign=spring`);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open(await clickAction(shop));
  await expect(popup.productCard).toContainText('Size S, Color Blue');
  await expect(popup.productCard).toContainText('29.00 USD');

  await shop.bringToFront();
  await shop.getByLabel('Size').selectOption('L');
  await shop.getByLabel('Color').selectOption('Grey');
  await popup.page.bringToFront();
  await expect(popup.productCard).toContainText('Size L, Color Grey');
  await expect(popup.productCard).toContainText('31.00 USD');
  await expect(popup.productCard).toContainText('merino-tee?variant=4246');

  await popup.buy();
  await expect(popup.status).toContainText('Completed: 31.00 USD');
  const post = sandbox.api.requests.find((r) => r.method === 'POST')!;
  expect(post.body.url).toBe(`${sandbox.shopUrl}/products/merino-tee?variant=4246`);
  expect(post.body.user_data.variant).toEqual({ id: '4246', sku: 'MT-GR-L', options: { Size: 'L', Color: 'Grey' } });
});

test('a change on the page while confirming shows before and after and asks again; nothing is bought meanwhile', async ({ context, sandbox, extensionId, clickAction, seed }) => {
  await seed();
  const shop = await context.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/merino-tee`);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open(await clickAction(shop));
  await expect(popup.productCard).toContainText('Size S, Color Blue');
  await popup.buy({ confirm: false });
  await expect(popup.confirmation).toContainText('Size S, Color Blue');

  await shop.bringToFront();
  await shop.getByLabel('Size').selectOption('L');
  await popup.page.bringToFront();
  await expect(popup.confirmation).toContainText('The product changed on the page since you looked. Nothing was sent');
  await expect(popup.confirmation.getByRole('row', { name: /^Price/ })).toHaveText(/Price\s*29.00 USD\s*31.00 USD/);
  await expect(popup.confirmation.getByRole('row', { name: /^Variant/ })).toHaveText(/Variant\s*Size S, Color Blue\s*Size L, Color Blue/);
  await expect(popup.confirmation).toContainText('Merino Crew T-Shirt — Size L, Color Blue — Qty 1 — 31.00 USD');
  expect(sandbox.api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
});

test('a page without a product says so and still buys from its URL with instructions', async ({ context, sandbox, extensionId, clickAction, seed }) => {
  await seed();
  const shop = await context.newPage();
  await shop.goto(`${sandbox.shopUrl}/no-product`);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open(await clickAction(shop));
  await expect(popup.page.getByText('No product detected on this page')).toBeVisible();
  await popup.page.getByRole('button', { name: 'Buy via Smartcheckout' }).click();
  await expect(popup.status).toContainText('describe what to buy in Instructions');
  await popup.buy({ instructions: 'The blue gift card, 25 USD.' });
  await expect(popup.status).toContainText(/In progress|Completed/);
  const post = sandbox.api.requests.find((r) => r.method === 'POST')!;
  expect(post.body.url).toBe(`${sandbox.shopUrl}/no-product`);
  expect(post.body.user_data.prompt).toBe("Quantity: 1.\nBuyer's instructions:\nThe blue gift card, 25 USD.");
});

test('the user can correct detected details before buying; an edited variant replaces the detected variant id and SKU', async ({ context, sandbox, extensionId, clickAction, seed }) => {
  await seed();
  const shop = await context.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/merino-tee?variant=4242`);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open(await clickAction(shop));
  await expect(popup.productCard).toContainText('Size M, Color Blue');
  await popup.page.getByRole('button', { name: 'Edit details' }).click();
  const editor = popup.page.getByRole('form', { name: 'Edit product details' });
  await editor.getByLabel('Color').fill('Navy');
  // The variant was named by a query parameter only, which goes: nothing to warn about.
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await editor.getByLabel('Currency').fill('usd');
  await editor.getByRole('button', { name: 'Use these details' }).click();
  await expect(popup.productCard).toContainText('Size M, Color Navy');
  await popup.buy();
  await expect(popup.status).toContainText(/In progress|Completed/);
  const post = sandbox.api.requests.find((r) => r.method === 'POST')!;
  // Only what the user wrote describes the variant: nothing still points at the detected one (4242, MT-BL-M).
  expect(post.body.user_data.variant).toEqual({ id: null, sku: null, options: { Size: 'M', Color: 'Navy' } });
  expect(post.body.url).toBe(`${sandbox.shopUrl}/products/merino-tee`);
  expect(post.body.user_data.prompt).toContain('variant "Size M, Color Navy"');
  expect(JSON.stringify(post.body)).not.toMatch(/4242|MT-BL-M/);
});

test('an address that names the variant in its path: editing the variant warns that the agent may still see that one', async ({ context, sandbox, extensionId, clickAction, seed }) => {
  await seed();
  const shop = await context.newPage();
  await shop.goto(`${sandbox.shopUrl}/products/merino-tee/variants/4242`);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open(await clickAction(shop));
  await expect(popup.productCard).toContainText('Size M, Color Blue');
  await popup.page.getByRole('button', { name: 'Edit details' }).click();
  const editor = popup.page.getByRole('form', { name: 'Edit product details' });
  // Only a change of variant makes the address's own variant a problem.
  await editor.getByLabel('Currency').fill('usd');
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await editor.getByLabel('Color').fill('Navy');
  await expect(editor.getByRole('alert')).toHaveText('The product’s address names a variant itself (“variants/4242”): the agent may still see that one rather than the variant you describe here.');
});
