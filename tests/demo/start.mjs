// `npm start`: builds the extension, starts the sandbox (every checkout service) and the demo shop, and opens
// Chromium with the extension configured for the sandbox (no API key of your own needed).
// `--service shoppex|creem|diddo` connects that checkout-link service instead of Smartcheckout.
// `--watch` shows a price watch end to end: "Buy automatically" at 25.00, the demo shop's price drops, the extension
// buys and notifies. It runs the end-to-end build (.output/chrome-mv3-e2e), which already holds access to the local
// demo shop and checks every few seconds instead of every 6 hours.
// With --headless, or when there is no display, it runs the checkout by itself, saves screenshots
// to demo-output/ and prints how it ended.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/index.mjs';
import { chromiumArgs, findChromium } from '../support/chromium.mjs';
import { configureForSandbox, SERVICES } from '../support/configure.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    'api-port': { type: 'string', default: '8787' },
    'shop-port': { type: 'string', default: '8788' },
    service: { type: 'string', default: 'smartcheckout' },
    watch: { type: 'boolean', default: false },
  },
});
const service = values.service;
if (!SERVICES.includes(service)) {
  console.error(`Unknown service "${service}": choose one of ${SERVICES.join(', ')}.`);
  process.exit(2);
}
const linkService = service !== 'smartcheckout';
const headless = values.headless || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const outputDir = join(root, 'demo-output');

function step(text) {
  console.log(`• ${text}`);
}

if (!values['skip-build']) {
  step('Building the extension (wxt build)…');
  const env = values.watch ? { ...process.env, SMARTCHECKOUT_BUILD: 'e2e' } : process.env;
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, encoding: 'utf8', env });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    process.exit(build.status ?? 1);
  }
}
const extensionPath = join(root, values.watch ? '.output/chrome-mv3-e2e' : '.output/chrome-mv3');

async function startOnFreePorts() {
  try {
    return await startSandbox({ apiPort: Number(values['api-port']), shopPort: Number(values['shop-port']), completionDelayMs: 4000 });
  } catch {
    return startSandbox({ completionDelayMs: 4000 });
  }
}
const sandbox = await startOnFreePorts();
step(`Sandbox API on ${sandbox.apiUrl} (key ${sandbox.apiKey}); demo shop on ${sandbox.shopUrl}/`);

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'smartcheckout-demo-')), {
  executablePath: findChromium(),
  headless,
  viewport: headless ? { width: 1100, height: 760 } : null,
  // Headless, the demo drives the English labels itself; with a window, the browser keeps your language.
  args: headless ? [...chromiumArgs(extensionPath), '--lang=en-US'] : chromiumArgs(extensionPath),
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

// Configure the extension the way a person does: through its options page.
step(`Configuring the extension for the sandbox's ${service} in its options page…`);
const options = context.pages()[0] ?? (await context.newPage());
await configureForSandbox(options, extensionId, sandbox, service);

const shop = await context.newPage();
await shop.goto(service === 'diddo' ? `${sandbox.shopUrl}/diddo` : `${sandbox.shopUrl}/products/merino-tee`);

if (values.watch && !headless) {
  step('Chromium is open. On the demo shop tab (Size M, Color Blue: 29.00 USD), click the Smartcheckout toolbar button,\n  then "Watch price": Target price 25.00, "Buy automatically at or below the target price", "Save watch".');
  await waitForWatch();
  step('Watch saved. Dropping the demo shop\'s price to 24.00 in 10 s; the next check buys and notifies. Close the browser to stop.');
  setTimeout(() => sandbox.shop.setPrice('merino-tee', '24.00'), 10_000);
  await new Promise((resolveClosed) => context.on('close', resolveClosed));
  await sandbox.close();
  process.exit(0);
}

if (!headless) {
  step(
    linkService
      ? `Chromium is open. On the demo shop tab, click the Smartcheckout toolbar button (pin it from the puzzle-piece menu),\n  then "Create checkout link", "Open checkout" and "Pay" on the sandbox's page. Close the browser to stop.`
      : 'Chromium is open. On the demo shop tab, pick a size and colour, then click the Smartcheckout toolbar button\n  (pin it from the puzzle-piece menu) and "Buy via Smartcheckout". Close the browser to stop.',
  );
  await new Promise((resolveClosed) => context.on('close', resolveClosed));
  await sandbox.close();
  process.exit(0);
}

// Headless: do what the user would, and report.
mkdirSync(outputDir, { recursive: true });
if (service !== 'diddo') {
  step('Choosing Size M, Color Blue on the product page and clicking the toolbar button…');
  await shop.getByLabel('Size').selectOption('M');
  await shop.getByLabel('Color').selectOption('Blue');
}
await shop.screenshot({ path: join(outputDir, '1-shop.png') });
const cdp = await context.browser().newBrowserCDPSession();
const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
const tab = targetInfos.find((t) => t.url === shop.url());
await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, shop.url());

const popup = await context.newPage();
await popup.setViewportSize({ width: 380, height: 640 });
await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
if (linkService) await finishLink(popup);
if (values.watch) await finishWatch(popup);
await popup.getByRole('region', { name: 'Product' }).waitFor();
await popup.getByLabel('Instructions').fill('Gift wrap, please.');
await popup.screenshot({ path: join(outputDir, '2-popup.png') });
step('Clicking "Buy via Smartcheckout", then "Confirm purchase"…');
await popup.getByRole('button', { name: 'Buy via Smartcheckout' }).click();
await popup.getByRole('region', { name: 'Confirm purchase' }).screenshot({ path: join(outputDir, '3-confirm.png') });
await popup.getByRole('button', { name: 'Confirm purchase' }).click();
const status = popup.getByRole('status');
try {
  await status.filter({ hasText: /Completed|Failed|Outcome unknown/ }).waitFor({ timeout: 60_000 });
} catch {
  console.error(`The purchase did not finish in time. Status: ${await status.textContent()}`);
}
await popup.screenshot({ path: join(outputDir, '4-popup-completed.png') });
const outcome = (await status.textContent())?.trim();
await options.reload();
await options.locator('#purchases').scrollIntoViewIfNeeded();
await options.screenshot({ path: join(outputDir, '5-options.png'), fullPage: true });
const request = sandbox.api.requests.find((r) => r.method === 'POST');
step(`Outcome: ${outcome}`);
if (request) step(`The sandbox received POST /v0/checkout for ${request.body.url}\n  prompt: ${request.body.user_data.prompt}`);
step(`Screenshots saved in ${outputDir}`);
await context.close();
await sandbox.close();
process.exit(outcome?.includes('Completed') ? 0 : 1);

/** A checkout link, as its seller would: create it, open it as the customer, pay, and see it reported. */
async function finishLink(popup) {
  const create = popup.getByRole('button', { name: 'Create checkout link' });
  await popup.waitForFunction(() => document.querySelector('button.buy')?.disabled === false, null, { timeout: 20_000 });
  await popup.screenshot({ path: join(outputDir, '2-popup.png') });
  step('Clicking "Create checkout link"…');
  await create.click();
  const status = popup.getByRole('status');
  await status.filter({ hasText: 'Waiting for payment' }).waitFor({ timeout: 20_000 });
  await popup.getByRole('button', { name: 'Show QR code' }).click();
  await popup.screenshot({ path: join(outputDir, '3-link.png') });
  step('Opening the checkout as the customer and paying in the sandbox…');
  const opened = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Open checkout' }).click();
  const checkout = await opened;
  await checkout.getByRole('button', { name: 'Pay', exact: true }).click();
  try {
    await status.filter({ hasText: /Paid|Expired|Cancelled|Voided/ }).waitFor({ timeout: 30_000 });
  } catch {
    console.error(`The payment was not reported in time. Status: ${await status.textContent()}`);
  }
  await popup.screenshot({ path: join(outputDir, '4-popup-paid.png') });
  const outcome = (await status.textContent())?.trim();
  const notified = await worker.evaluate(async () => ((await chrome.storage.local.get('checkouts')).checkouts ?? [])[0]?.notifications?.at(-1)?.message ?? null);
  step(`Outcome: ${outcome}`);
  if (notified) step(`Notification: ${notified}`);
  step(`Screenshots saved in ${outputDir}`);
  await context.close();
  await sandbox.close();
  process.exit(outcome?.includes('Paid') ? 0 : 1);
}

/** Resolves once a price watch is stored. */
async function waitForWatch() {
  for (;;) {
    const count = await worker.evaluate(async () => (await chrome.storage.local.get('watches')).watches?.watches?.length ?? 0).catch(() => 0);
    if (count > 0) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** A price watch, as a person sets it: "Buy automatically" at 25.00; then the shop's price drops and it buys. */
async function finishWatch(popup) {
  await popup.getByRole('region', { name: 'Product' }).waitFor();
  step('Clicking "Watch price": Target price 25.00, "Buy automatically at or below the target price"…');
  await popup.getByRole('button', { name: 'Watch price' }).click();
  await popup.getByRole('textbox', { name: 'Target price' }).fill('25.00');
  await popup.getByRole('radio', { name: 'Buy automatically at or below the target price' }).check();
  step(`Mandate: ${(await popup.getByRole('note').textContent())?.trim()}`);
  await popup.screenshot({ path: join(outputDir, '2-watch.png'), fullPage: true });
  await popup.getByRole('button', { name: 'Save watch' }).click();
  await waitForWatch();
  step("Watch saved. Dropping the demo shop's price from 29.00 to 24.00…");
  sandbox.shop.setPrice('merino-tee', '24.00');
  const deadline = Date.now() + 60_000;
  while (!sandbox.api.requests.some((r) => r.method === 'POST') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
  const request = sandbox.api.requests.find((r) => r.method === 'POST');
  await new Promise((r) => setTimeout(r, 1000));
  const notified = await worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
  const status = await worker.evaluate(async () => (await chrome.storage.local.get('watches')).watches?.watches?.[0]?.status ?? null);
  await options.goto(`chrome-extension://${extensionId}/options.html#price-watches`);
  await options.screenshot({ path: join(outputDir, '3-options-watches.png'), fullPage: true });
  if (request) step(`Bought: the sandbox received POST /v0/checkout for ${request.body.url} with max_price ${JSON.stringify(request.body.user_data.max_price)}`);
  step(`Outcome: watch ${status}; notifications: ${notified.join(', ') || 'none'}`);
  step(`Screenshots saved in ${outputDir}`);
  await context.close();
  await sandbox.close();
  process.exit(request && status === 'bought' ? 0 : 1);
}
