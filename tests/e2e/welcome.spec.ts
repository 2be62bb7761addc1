import { expect, test, welcomePage } from './fixtures';
import { ADA, fillProfile } from './pages/OptionsPage';
import { PopupPage } from './pages/PopupPage';
import { WelcomePage } from './pages/WelcomePage';

test.use({ keepWelcome: true });

/** The purchase records as the background stored them. */
async function storedCheckouts(page: import('@playwright/test').Page) {
  return page.evaluate(async () => ((await chrome.storage.local.get('checkouts')).checkouts ?? []) as { service: string; state: string; notifications: { title: string; message: string }[] }[]);
}

test('a person following only the welcome page completes a demo purchase, marked DEMO everywhere', async ({ context, extensionId, clickAction }) => {
  test.setTimeout(120_000);
  const welcome = new WelcomePage(await welcomePage(context));
  const { page } = welcome;
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Smartcheckout' })).toBeVisible();
  await expect(page.getByText('Keyboard shortcut: Alt+Shift+K')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Privacy policy' })).toBeVisible();

  // 1. Try the demo.
  await welcome.step('1. Try the demo or connect a service').getByRole('button', { name: 'Try the demo' }).click();
  await expect(welcome.step('1. Try the demo or connect a service').getByText('The demo is on.')).toBeVisible();
  // 2. Add your first address profile.
  await fillProfile(page, ADA);
  await expect(welcome.step('2. Add your first address profile').getByText('Saved: Home.')).toBeVisible();
  // 3. Open the demo product page, pick a size and colour, click the toolbar button.
  const demo = await welcome.openDemoPage();
  await expect(demo.getByText('DEMO', { exact: true })).toBeVisible();
  await demo.getByLabel('Size').selectOption('M');
  await demo.getByLabel('Color').selectOption('Blue');
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open(await clickAction(demo));
  await expect(popup.productCard).toContainText('Merino Crew T-Shirt');
  await expect(popup.productCard).toContainText('29.00');
  await expect(popup.page.getByText(/This purchase is simulated inside the extension/)).toBeVisible();
  await popup.page.getByRole('button', { name: 'Buy (DEMO)' }).click();
  await popup.confirmation.getByRole('button', { name: 'Confirm purchase' }).click();
  await expect(popup.status).toContainText('Completed: 29.00 USD', { timeout: 20_000 });

  // The notification and the history say DEMO; the welcome page does not open again.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#purchases`);
  const [record] = await storedCheckouts(options);
  expect(record).toMatchObject({ service: 'demo', state: 'completed' });
  expect(record!.notifications.at(-1)).toMatchObject({ title: 'DEMO · Purchase completed', message: expect.stringContaining('(DEMO: nothing was bought)') });
  const entry = options.locator('#purchases').getByRole('listitem').first();
  await expect(entry).toContainText('DEMO');
  await expect(entry).toContainText('Completed: 29.00 USD');
  expect(await options.evaluate(async () => (await chrome.storage.local.get('welcome')).welcome)).toMatchObject({ finishedAt: expect.any(Number) });
});

test('the demo page\'s failing product fails in the demo, and the demo switches off in one click', async ({ context, extensionId, clickAction }) => {
  test.setTimeout(120_000);
  const welcome = new WelcomePage(await welcomePage(context));
  await welcome.step('1. Try the demo or connect a service').getByRole('button', { name: 'Try the demo' }).click();
  await fillProfile(welcome.page, ADA);
  const demo = await welcome.openDemoPage();
  await demo.getByRole('link', { name: 'See a demo purchase that fails' }).click();
  await expect(demo.getByRole('heading', { name: 'Limited Edition Print' })).toBeVisible();
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open(await clickAction(demo));
  await expect(popup.productCard).toContainText('Limited Edition Print');
  await popup.page.getByRole('button', { name: 'Buy (DEMO)' }).click();
  await popup.confirmation.getByRole('button', { name: 'Confirm purchase' }).click();
  await expect(popup.status).toContainText('this product always fails in the demo', { timeout: 20_000 });

  await welcome.page.bringToFront();
  await welcome.step('1. Try the demo or connect a service').getByRole('button', { name: 'Switch the demo off' }).click();
  await popup.page.reload();
  await expect(popup.page.getByText('This is the demo product page: switch the demo on to buy here.')).toBeVisible();
  await expect(popup.page.getByRole('button', { name: 'Buy (DEMO)' })).toBeDisabled();
  await popup.page.getByRole('button', { name: 'Switch the demo on' }).click();
  await expect(popup.page.getByRole('button', { name: 'Buy (DEMO)' })).toBeEnabled();
});

test('the welcome page, once dismissed, stays closed; Options links to it', async ({ context, extensionId }) => {
  const welcome = await welcomePage(context);
  await welcome.getByRole('button', { name: "Done, don't show this again" }).click();
  await expect(welcome.getByText('This page will not open by itself again.')).toBeVisible();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('link', { name: 'Getting started' }).click();
  await expect(options).toHaveURL(/\/welcome\.html$/);
  await expect(options.getByRole('link', { name: 'Privacy policy' })).toBeVisible();
});
