// `npm run store:images`: the store screenshots (1280 × 800) and promo tile (440 × 280), in English and German, from
// real runs: the built extension in Chromium, configured through its own pages, buying from the sandbox's demo shop
// and with the built-in demo. Also refreshes the README's screenshots (tests/demo/screenshot-*.png) from the English
// run. `--skip-build` uses the existing build; `--lang en` makes one language only.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/index.mjs';
import { chromiumArgs, findChromium } from '../support/chromium.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { 'skip-build': { type: 'boolean', default: false }, lang: { type: 'string', multiple: true } } });
const LANGS = { en: 'en-US', de: 'de' };
const langs = values.lang?.length ? values.lang : Object.keys(LANGS);
const SIZE = { width: 1280, height: 800 };
const POPUP_WIDTH = 380;

const step = (text) => console.log(`• ${text}`);

if (!values['skip-build']) {
  step('Building the extension (wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    process.exit(build.status ?? 1);
  }
}
const extensionPath = join(root, '.output/chrome-mv3');

/** The extension's words in `lang`, as its pages show them (placeholders filled in order). */
function messages(lang) {
  const table = JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8'));
  return (key, ...subs) => {
    const entry = table[key];
    if (!entry) throw new Error(`No message ${key}`);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_m, name) => subs[Number(entry.placeholders[name.toLowerCase()].content.slice(1)) - 1] ?? '');
  };
}

const PROFILE = { fieldFirstName: 'Ada', fieldLastName: 'Lovelace', fieldEmail: 'ada@example.com', fieldPhone: '+44 20 7123 4567', fieldAddress1: "12 St James's Square", fieldAddress2: 'Flat 3', fieldCity: 'London', fieldPostalCode: 'SW1Y 4JH' };

async function storedCheckouts(worker) {
  return worker.evaluate(async () => (await chrome.storage.local.get('checkouts')).checkouts ?? []);
}

async function waitFor(check, what, timeout = 30_000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Clicks the toolbar button on `page`'s tab, as a person does; returns the tab id. */
async function clickAction(context, worker, extensionId, page) {
  await page.bringToFront();
  const cdp = await context.browser().newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: targetInfos.find((t) => t.url === page.url()).targetId });
  await cdp.detach();
  return worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
}

/** A popup screenshot, as tall as its content (the browser caps a real popup at 600 px). */
async function popupShot(popup) {
  await popup.evaluate(() => document.activeElement?.blur());
  const height = Math.min(600, Math.ceil(await popup.evaluate(() => document.querySelector('main').getBoundingClientRect().height)));
  await popup.setViewportSize({ width: POPUP_WIDTH, height });
  await popup.evaluate(() => window.scrollTo(0, 0));
  return popup.screenshot();
}

const dataUrl = (png) => `data:image/png;base64,${png.toString('base64')}`;

/** A page screenshot with the popup open over it under the toolbar, and optionally a notification, as a person sees them. */
async function compose(browserPage, background, popup, notification, path) {
  await browserPage.setViewportSize(SIZE);
  await browserPage.setContent(`<!doctype html><html><body style="margin:0;width:1280px;height:800px;position:relative;overflow:hidden;font:14px system-ui,sans-serif">
    <img src="${dataUrl(background)}" style="position:absolute;inset:0;width:1280px;height:800px;filter:brightness(0.92)">
    <img src="${dataUrl(popup)}" style="position:absolute;top:8px;right:24px;width:${POPUP_WIDTH}px;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35);border:1px solid #c7c9cd">
    ${
      notification
        ? `<div style="position:absolute;right:24px;bottom:24px;width:360px;background:#fff;color:#1d1d1f;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.35);padding:12px 14px;display:flex;gap:12px">
             <img src="${dataUrl(readFileSync(join(root, 'public/icon/48.png')))}" width="40" height="40">
             <div><div style="font-weight:700;margin-bottom:2px">${escapeHtml(notification.title)}</div><div>${escapeHtml(notification.message)}</div></div></div>`
        : ''
    }</body></html>`);
  writeFileSync(path, await browserPage.screenshot());
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** The 440 × 280 promo tile: the icon, the name, the tagline, and the popup after a purchase. */
async function promoTile(page, m, popup, path) {
  await page.setViewportSize({ width: 440, height: 280 });
  await page.setContent(`<!doctype html><html><body style="margin:0;width:440px;height:280px;overflow:hidden;position:relative;background:linear-gradient(135deg,#1d4ed8,#0b1b3a);color:#fff;font:15px system-ui,sans-serif">
    <div style="position:absolute;left:22px;top:26px;width:200px">
      <img src="${dataUrl(readFileSync(join(root, 'public/icon/128.png')))}" width="56" height="56" style="border-radius:12px;background:#fff">
      <div style="font-size:22px;font-weight:800;margin-top:12px">${escapeHtml(m('extName'))}</div>
      <div style="margin-top:8px;line-height:1.35">${escapeHtml(m('promoTagline'))}</div>
    </div>
    <img src="${dataUrl(popup)}" style="position:absolute;left:236px;top:22px;width:190px;border-radius:8px;box-shadow:0 6px 20px rgba(0,0,0,.45)">
  </body></html>`);
  writeFileSync(path, await page.screenshot());
}

async function run(lang, sandbox) {
  const m = messages(lang);
  const dir = mkdtempSync(join(tmpdir(), 'smartcheckout-images-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    viewport: SIZE,
    colorScheme: 'light',
    args: [...chromiumArgs(extensionPath), `--lang=${LANGS[lang]}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const out = (name) => join(root, 'store', `${name}.${lang}.png`);

    step(`[${lang}] The welcome page, as a first install opens it`);
    const welcome = context.pages().find((p) => p.url().endsWith('/welcome.html')) ?? (await context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html') }));
    await welcome.getByRole('heading', { level: 1 }).waitFor();
    await welcome.getByRole('button', { name: m('demoSwitchOn') }).click();
    await welcome.getByText(m('demoIsOn')).waitFor();
    await welcome.evaluate(() => document.fonts.ready);
    writeFileSync(out('screenshot-4-welcome'), await welcome.screenshot());

    step(`[${lang}] Options: Smartcheckout connected to the sandbox, a profile saved`);
    const options = welcome;
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const group = options.getByRole('group', { name: 'Smartcheckout', exact: true });
    await group.getByLabel(m('connectionApiKey')).fill(sandbox.apiKey);
    await group.getByLabel(m('connectionBaseUrl')).fill(sandbox.apiUrl);
    await group.getByRole('button', { name: m('connectionSave'), exact: true }).click();
    await group.getByText(m('connectionSaved')).waitFor();
    await options.getByLabel(m('servicesDefault')).selectOption('smartcheckout');
    for (const [label, value] of Object.entries(PROFILE)) await options.getByLabel(m(label), { exact: true }).fill(value);
    await options.getByLabel(m('fieldCountry'), { exact: true }).selectOption('GB');
    await options.getByRole('button', { name: m('profileSave') }).click();
    await options.getByText(m('profileSaved', m('profileDefaultLabel'))).waitFor();

    step(`[${lang}] A purchase from the sandbox's demo shop`);
    const shop = await context.newPage();
    await shop.goto(`${sandbox.shopUrl}/products/merino-tee`);
    await shop.getByLabel('Size').selectOption('M');
    await shop.getByLabel('Color').selectOption('Blue');
    const tabId = await clickAction(context, worker, extensionId, shop);
    const popup = await context.newPage();
    await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('region', { name: m('productCardLabel') }).waitFor();
    await popup.getByLabel(m('popupServiceLabel')).selectOption('smartcheckout');
    await popup.getByLabel(m('popupInstructions')).fill(lang === 'de' ? 'Bitte als Geschenk verpacken.' : 'Gift wrap, please.');
    await popup.waitForTimeout(300);
    const ready = await popupShot(popup);
    await popup.getByRole('button', { name: m('popupBuy') }).click();
    await popup.getByRole('region', { name: m('confirmTitle') }).getByRole('button', { name: m('confirmButton') }).click();
    const [record] = await waitFor(async () => {
      const records = await storedCheckouts(worker);
      return records[0]?.state === 'completed' && records[0].notifications.length ? records : null;
    }, 'the purchase to complete');
    await popup.waitForTimeout(500);
    const done = await popupShot(popup);
    const background = await shop.screenshot();
    await compose(popup, background, ready, null, out('screenshot-1-popup'));
    await compose(popup, background, done, record.notifications.at(-1), out('screenshot-2-completed'));
    if (lang === 'en') writeFileSync(join(root, 'tests/demo/screenshot-popup.png'), done);

    step(`[${lang}] The options page with the purchase in its history`);
    await options.bringToFront();
    await options.reload();
    await options.getByRole('heading', { level: 1 }).waitFor();
    await options.waitForTimeout(300);
    writeFileSync(out('screenshot-3-options'), await options.screenshot());
    if (lang === 'en') writeFileSync(join(root, 'tests/demo/screenshot-options.png'), await options.screenshot());

    step(`[${lang}] A DEMO purchase on the demo product page`);
    const demo = await context.newPage();
    await demo.goto(`chrome-extension://${extensionId}/demo.html`);
    await demo.getByLabel(m('demoSize')).selectOption('M');
    const demoPopup = await context.newPage();
    await demoPopup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
    await demoPopup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await clickAction(context, worker, extensionId, demo)}`);
    await demoPopup.getByRole('button', { name: m('popupBuyDemo') }).click();
    await demoPopup.getByRole('region', { name: m('confirmTitle') }).getByRole('button', { name: m('confirmButton') }).click();
    const [demoRecord] = await waitFor(async () => {
      const records = await storedCheckouts(worker);
      return records[0]?.service === 'demo' && records[0].state === 'completed' && records[0].notifications.length ? records : null;
    }, 'the demo purchase to complete');
    await demoPopup.waitForTimeout(500);
    const demoDone = await popupShot(demoPopup);
    await compose(demoPopup, await demo.screenshot(), demoDone, demoRecord.notifications.at(-1), out('screenshot-5-demo'));

    step(`[${lang}] The promo tile`);
    await promoTile(demoPopup, m, done, out('promo-tile'));
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sandbox = await startSandbox({ completionDelayMs: 2000 });
try {
  for (const lang of langs) await run(lang, sandbox);
  step(`Written: store/screenshot-{1-popup,2-completed,3-options,4-welcome,5-demo}.{${langs.join(',')}}.png, store/promo-tile.{${langs.join(',')}}.png${langs.includes('en') ? ', tests/demo/screenshot-{popup,options}.png' : ''}`);
} finally {
  await sandbox.close();
}
