import { expect, FRESH_PROFILE, type Sandbox, stopServiceWorker, storedCheckouts, test } from './fixtures';
import { OptionsPage } from './pages/OptionsPage';
import type { PopupPage } from './pages/PopupPage';
import type { Page } from '@playwright/test';

const posts = (sandbox: Sandbox) => sandbox.api.requests.filter((r) => r.method === 'POST');

/** "Add to cart" in the popup of a shop tab; waits for the background's answer. */
async function addToCart(popup: PopupPage) {
  await popup.page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(popup.status).toContainText('Added to the cart');
}

/** Opens the cart from "Cart (N)". */
async function openCart(popup: PopupPage, count: number) {
  await popup.page.getByRole('button', { name: `Cart (${count})` }).click();
  const cart = popup.page.getByRole('region', { name: 'Cart' });
  await expect(cart.getByRole('listitem')).toHaveCount(count);
  return cart;
}

/** The shop page's own scripts keep it busy for `ms`: reading it again waits that long. */
async function keepBusy(shop: Page, ms: number) {
  await shop.evaluate((ms) => setTimeout(() => {
    const end = Date.now() + ms;
    while (Date.now() < end);
  }, 50), ms);
}

test('three products from three tabs in one cart: one confirmation, three checkouts, one order, one notification', async ({ context, sandbox, extensionId, shopPopup, seed }) => {
  await seed();
  const urls = [`${sandbox.shopUrl}/products/merino-tee?variant=4242`, `${sandbox.shopUrl}/products/pour-over-kettle`, `${sandbox.shopUrl}/products/limited-print`];
  let popup!: PopupPage;
  for (const url of urls) {
    if (popup) await popup.page.close();
    popup = (await shopPopup(url)).popup;
    await addToCart(popup);
  }
  const cart = await openCart(popup, 3);
  await expect(cart).toContainText('Total: 29.00 USD, 45.00 GBP, 120.00 EUR');
  // The quantity is a spin button per item; "Remove" and "Empty cart" are there.
  await expect(cart.getByRole('spinbutton', { name: 'Quantity of Merino Crew T-Shirt (Size M, Color Blue)' })).toHaveValue('1');
  await expect(cart.getByRole('button', { name: 'Remove' })).toHaveCount(3);
  await expect(cart.getByRole('button', { name: 'Empty cart' })).toBeVisible();

  await popup.page.getByLabel('Instructions').fill('Gift wrap everything');
  await popup.page.getByRole('button', { name: 'Buy cart via Smartcheckout' }).click();
  const confirmation = popup.page.getByRole('region', { name: 'Confirm order' });
  await expect(confirmation.getByRole('listitem')).toHaveCount(3);
  await expect(confirmation).toContainText('The agent may spend up to 44.00 USD');
  await expect(confirmation).toContainText('Ships to');
  expect(posts(sandbox)).toHaveLength(0);
  // A double click is one order.
  await confirmation.getByRole('button', { name: 'Confirm order' }).dblclick();

  await expect(popup.status).toContainText('Order of 3 items: 2 completed, 1 failed', { timeout: 30_000 });
  expect(posts(sandbox).map((post) => post.body.url).sort()).toEqual([...urls].sort());
  expect(new Set(posts(sandbox).map((post) => post.headers['idempotency-key'])).size).toBe(3);
  expect(sandbox.api.checkouts.size).toBe(3);
  for (const post of posts(sandbox)) expect(post.body.user_data.prompt).toContain('Gift wrap everything');
  // The ordered items left the cart.
  await expect(popup.page.getByText('Your cart is empty.')).toBeVisible();

  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();
  const stored = await storedCheckouts(options.page);
  expect(new Set(stored.map((r) => (r as unknown as { orderId: string }).orderId)).size).toBe(1);
  await expect.poll(async () => (await storedCheckouts(options.page)).flatMap((r) => r.notifications)).toEqual([
    expect.objectContaining({ event: 'order', title: 'Order of 3 items: 2 completed, 1 failed', message: 'Failed: Limited Edition Print.' }),
  ]);
});

test('a cart over the daily limit sends nothing and says which limit and by how much', async ({ sandbox, shopPopup, seed }) => {
  await seed({ safety: { dailyLimit: { amount: '50', currency: 'USD' } } });
  const { popup } = await shopPopup(`${sandbox.shopUrl}/products/merino-tee?variant=4242`);
  // "Add to cart" adds the quantity the purchase form says; adding again raises the line's quantity.
  await popup.page.getByLabel('Quantity').fill('2');
  await addToCart(popup);
  await popup.page.getByLabel('Quantity').fill('1');
  await popup.page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(popup.status).toContainText('now 3 ×');
  const cart = await openCart(popup, 1);
  await cart.getByRole('spinbutton', { name: 'Quantity of Merino Crew T-Shirt (Size M, Color Blue)' }).fill('2');
  await expect(cart).toContainText('Total: 58.00 USD');
  await popup.page.getByRole('button', { name: 'Buy cart via Smartcheckout' }).click();
  await expect(popup.status).toContainText('Nothing was sent for the cart of 1 item. Blocked by your daily spending limit: this purchase (58.00 USD) would bring today’s spending to 58.00 USD, 8.00 USD over the 50 USD limit.');
  await expect(popup.page.getByRole('region', { name: 'Confirm order' })).toHaveCount(0);
  expect(posts(sandbox)).toHaveLength(0);
});

test('the worker stopped between two items of an order: after it starts again every item is sent once', { tag: FRESH_PROFILE }, async ({ context, sandbox, extensionId, shopPopup, seed }) => {
  await seed();
  const urls = [`${sandbox.shopUrl}/products/merino-tee?variant=4241`, `${sandbox.shopUrl}/products/enamel-pin?variant=5101`, `${sandbox.shopUrl}/products/pour-over-kettle`];
  const shops: Page[] = [];
  let popup!: PopupPage;
  for (const url of urls) {
    if (popup) await popup.page.close();
    const opened = await shopPopup(url);
    shops.push(opened.shop);
    popup = opened.popup;
    await addToCart(popup);
  }
  await openCart(popup, 3);
  await popup.page.getByRole('button', { name: 'Buy cart via Smartcheckout' }).click();
  // The second item's page is busy: the order waits to read it again, and the worker is stopped there.
  await keepBusy(shops[1]!, 4000);
  await popup.page.getByRole('region', { name: 'Confirm order' }).getByRole('button', { name: 'Confirm order' }).click();
  await expect.poll(() => posts(sandbox).length).toBe(1);
  await stopServiceWorker(context);
  await popup.page.close();
  expect(posts(sandbox)).toHaveLength(1);

  // Any page of the extension wakes the worker, which takes the order up again.
  const options = new OptionsPage(await context.newPage(), extensionId);
  await options.open();
  await expect.poll(() => posts(sandbox).length, { timeout: 30_000 }).toBe(3);
  await expect.poll(async () => (await storedCheckouts(options.page)).flatMap((r) => r.notifications.map((n) => n.title)), { timeout: 30_000 }).toEqual(['Order of 3 items: 3 completed, 0 failed']);
  expect(posts(sandbox).map((post) => post.body.url).sort()).toEqual([...urls].sort());
  expect(new Set(posts(sandbox).map((post) => post.headers['idempotency-key'])).size).toBe(3);
});

test('a Shoppex cart creates one checkout link with the summed amount and the items in its metadata', async ({ sandbox, shopPopup, seed }) => {
  await seed({ services: ['shoppex'] });
  const tee = `${sandbox.shopUrl}/products/merino-tee?variant=4243`;
  const pin = `${sandbox.shopUrl}/products/enamel-pin?variant=5102`;
  const first = (await shopPopup(tee)).popup;
  await addToCart(first);
  await first.page.close();
  const { popup } = await shopPopup(pin);
  await addToCart(popup);
  const cart = await openCart(popup, 2);
  await cart.getByRole('spinbutton', { name: 'Quantity of Enamel Pin (Color Green)' }).fill('3');
  await expect(cart).toContainText('Total: 34.00 USD');
  await expect(cart).toContainText('The customer pays 34.00 USD for the whole cart.');
  await cart.getByRole('button', { name: 'Create checkout link for cart' }).click();
  await expect(popup.page.getByRole('region', { name: 'Checkout link' })).toBeVisible();

  const created = sandbox.shoppex.requests.filter((r) => r.method === 'POST');
  expect(created).toHaveLength(1);
  expect(created[0]!.body).toMatchObject({
    product: { name: '2 items: Merino Crew T-Shirt (Size L, Color Blue), 3 × Enamel Pin (Color Green)', quantity: 1 },
    amount: 34,
    currency: 'USD',
    metadata: { cart_items: '2', item_1: `1 × Merino Crew T-Shirt (Size L, Color Blue) — ${tee}`, item_2: `3 × Enamel Pin (Color Green) — ${pin}` },
  });
});
