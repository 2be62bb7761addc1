// `npm run bench [-- --corpus DIR] [--out FILE]`: the performance figures of the production Chrome build, each
// printed beside its target with PASS or MISS. Comparisons are measured side by side in the same run.
//   1. bundle size (gzip) per entrypoint, and whether anything runs on pages the user never acts on;
//   2. detection latency (injection + extraction) beside a bare querySelectorAll('*') walk of the same page;
//   3. completion → notification latency of 20 purchases, beside the alarms-only schedule (one poll per 30 s);
//   4. GET requests for a purchase that takes 5 minutes, and requests, alarms and worker starts while idle;
//   5. time from opening the popup to the product card being shown;
//   6. checkout links (Shoppex): payment → notification of 10 links paid between 5 s and 120 s, and the requests
//      a link costs per hour while it waits.
// It takes about 8 minutes (the 5-minute purchase runs alongside the 20 others); `--skip-purchases` about one.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/index.mjs';
import { chromiumArgs, findChromium } from '../support/chromium.mjs';
import { configureForSandbox } from '../support/configure.mjs';
import { buildBlankPopup } from './blank/build.mjs';
import { entrypointSizes, gzipped, popupBreakdown, popupChunks } from './bundle.mjs';
import { alarmsOnlyDelay, median, percentile, seededRandom } from './stats.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    out: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    // Sections 1, 2 and 5 only (about a minute): the purchases and the idle minute take about 7.
    'skip-purchases': { type: 'boolean', default: false },
  },
});
const extensionPath = join(root, '.output/chrome-mv3');
const rows = [];
const log = (text) => console.log(`• ${text}`);

/** One figure beside its target; `pass` decides PASS or MISS. */
function report(section, figure, value, unit, target, pass, note = '') {
  rows.push({ section, figure, value: Number.isFinite(value) ? Math.round(value * 100) / 100 : value, unit, target, result: pass ? 'PASS' : 'MISS', note });
}

if (!values['skip-build']) {
  log('Building the production Chrome extension (with source maps beside it, for the bundle breakdown)…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, SMARTCHECKOUT_SOURCEMAP: 'hidden' } });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    process.exit(1);
  }
}

// 1. Bundle size.
const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8'));
const sizes = entrypointSizes(extensionPath);
report('bundle', 'content script (gzip)', sizes.content / 1024, 'KB', '≤ 12 KB', sizes.content <= 12 * 1024);
report('bundle', 'background (gzip)', sizes.background / 1024, 'KB', '≤ 30 KB', sizes.background <= 30 * 1024);
report('bundle', 'popup JS (gzip, page and the chunks it preloads)', sizes.popup / 1024, 'KB', '—', true, 'what loads before the first card is measured in section 5');
report('bundle', 'static content scripts', (manifest.content_scripts ?? []).length, '', '0 (nothing runs on pages not acted on)', (manifest.content_scripts ?? []).length === 0);

log('Building the blank React popup the popup is compared with…');
const blankPath = await buildBlankPopup();
// An unpacked extension's id: the first 128 bits of the SHA-256 of its path, written with the letters a–p.
const blankId = [...createHash('sha256').update(blankPath).digest('hex').slice(0, 32)].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
const sandbox = await startSandbox({ completionDelayMs: 4000 });
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'smartcheckout-bench-')), {
  executablePath: findChromium(),
  headless: true,
  args: [...chromiumArgs(`${extensionPath},${blankPath}`), '--lang=en-US'],
});
const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(firstWorker.url()).host;
const worker = () => context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ?? context.waitForEvent('serviceworker');
const cdp = await context.browser().newBrowserCDPSession();
const options = context.pages()[0] ?? (await context.newPage());
await configureForSandbox(options, extensionId, sandbox);
// A checkout-link service too, for section 6.
const shoppexGroup = options.getByRole('group', { name: 'Shoppex', exact: true });
await shoppexGroup.getByLabel('API key').fill(sandbox.shoppex.apiKey);
await shoppexGroup.getByLabel('API base URL').fill(sandbox.shoppex.baseUrl);
await shoppexGroup.getByRole('button', { name: 'Save', exact: true }).click();
await shoppexGroup.getByText('Settings saved.').waitFor();

/** Clicks the toolbar button on `page` (grants activeTab as a click does) and closes the popup it opens. */
async function clickAction(page) {
  await page.bringToFront();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  const popupOpened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/popup.html'), timeout: 3_000 }).catch(() => null);
  await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  // The popup re-reads the page while open; it would disturb the timings.
  await (await popupOpened)?.close();
  for (const extra of context.pages()) if (extra.url().includes('/popup.html')) await extra.close();
  return (await worker()).evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url).id, page.url());
}

/** Serves `html` at `url` in a new tab (nothing else is fetched) and returns the page. */
async function servePage(url, html) {
  const page = await context.newPage();
  let served = false;
  await page.route('**/*', (route) => {
    if (!served && route.request().isNavigationRequest()) {
      served = true;
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    return route.abort('blockedbyclient');
  });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
  return page;
}

// 2. Detection latency: the injected detector against a bare walk of the same page, alternating, same tab.
const RUNS = 15;
function generatedPage(elements) {
  const rowsHtml = Array.from({ length: elements / 4 }, (_, i) => `<li class="item"><a href="/p/${i}"><span>Related ${i}</span></a><b>${(i % 90) + 9}.99</b></li>`).join('');
  const product = { '@context': 'https://schema.org', '@type': 'Product', name: 'Generated Lamp', sku: 'GEN-1', offers: { '@type': 'Offer', price: '49.00', priceCurrency: 'EUR' } };
  return `<!doctype html><html lang="en"><head><title>Generated Lamp</title><script type="application/ld+json">${JSON.stringify(product)}</script></head><body><h1>Generated Lamp</h1><p class="price">€49.00</p><ul>${rowsHtml}</ul></body></html>`;
}
const detectionPages = [{ name: 'generated 20,000 elements', url: 'https://bench.example/generated-lamp', html: generatedPage(20_000) }];
if (values.corpus) {
  const corpus = resolve(values.corpus);
  const truth = JSON.parse(readFileSync(join(corpus, 'truth.json'), 'utf8'));
  const largest = truth.pages.map((p) => ({ ...p, bytes: statSync(join(corpus, 'pages', p.file.replace(/^pages\//, ''))).size })).sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  for (const p of largest) detectionPages.push({ name: `${p.file.replace(/^pages\//, '')} (${Math.round(p.bytes / 1024)} KB)`, url: p.page_url, html: readFileSync(join(corpus, 'pages', p.file.replace(/^pages\//, ''))) });
}
const detectorTimes = [];
const walkTimes = [];
for (const entry of detectionPages) {
  const page = await servePage(entry.url, entry.html);
  const tabId = await clickAction(page);
  const times = await (await worker()).evaluate(
    async ({ tabId, runs }) => {
      const time = async (injection) => {
        const started = performance.now();
        await chrome.scripting.executeScript({ target: { tabId }, ...injection });
        return performance.now() - started;
      };
      const detector = [];
      const walk = [];
      for (let i = 0; i < runs; i += 1) {
        detector.push(await time({ files: ['/detector.js'] }));
        // The baseline: a walk that visits every element of document.querySelectorAll('*') once.
        walk.push(
          await time({
            func: () => {
              let visited = 0;
              for (const element of document.querySelectorAll('*')) visited += element.nodeType;
              return visited;
            },
          }),
        );
      }
      return { detector, walk, elements: (await chrome.scripting.executeScript({ target: { tabId }, func: () => document.querySelectorAll('*').length }))[0].result };
    },
    { tabId, runs: RUNS },
  );
  detectorTimes.push(...times.detector);
  walkTimes.push(...times.walk);
  log(`detection on ${entry.name}: ${times.elements} elements, median ${median(times.detector).toFixed(1)} ms (walk ${median(times.walk).toFixed(1)} ms)`);
  await page.close();
}
report('detection', 'injection + extraction p95', percentile(detectorTimes, 95), 'ms', '≤ 50 ms', percentile(detectorTimes, 95) <= 50, `median ${median(detectorTimes).toFixed(1)} ms over ${detectorTimes.length} runs on ${detectionPages.length} pages`);
const ratio = median(detectorTimes) / median(walkTimes);
report('detection', "ratio to a walk over querySelectorAll('*') (medians)", ratio, '×', '≤ 3', ratio <= 3, `walk median ${median(walkTimes).toFixed(1)} ms, p95 ${percentile(walkTimes, 95).toFixed(1)} ms`);

// 5. Popup: opening it → the product's name on screen, beside a blank React 19 popup (one element, same React,
// production build) opened the same way in the same browser, alternating. Both are timed inside the page from
// navigation start: a mutation observer notes performance.now() when an <h2> with the name is in the document.
const shop = await context.newPage();
await shop.goto(`${sandbox.shopUrl}/products/merino-tee?variant=4242`);
const shopTab = await clickAction(shop);
const POPUP_PAIRS = 30;

/**
 * Opens `url` in a new tab and returns when (ms from navigation start) an <h2> reading `name` appeared. With
 * `scripts`, also which scripts had finished loading by then and which loaded later (watched over the DevTools
 * protocol, which slows the page a little: that opening is not one of the timed ones).
 */
async function timeName(url, name, { scripts = false } = {}) {
  const page = await context.newPage();
  const loads = [];
  let navigationAt = null;
  if (scripts) {
    const session = await context.newCDPSession(page);
    const urls = new Map();
    session.on('Network.requestWillBeSent', (e) => {
      if (e.type === 'Document' && navigationAt === null) navigationAt = e.timestamp;
      urls.set(e.requestId, e.request.url);
    });
    session.on('Network.loadingFinished', (e) => loads.push({ url: urls.get(e.requestId), at: e.timestamp }));
    await session.send('Network.enable');
  }
  await page.addInitScript((name) => {
    const shown = () => [...document.getElementsByTagName('h2')].some((h) => h.textContent === name);
    new MutationObserver((_, observer) => {
      if (!shown()) return;
      observer.disconnect();
      globalThis.__nameShownAt = performance.now();
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, name);
  await page.goto(url);
  await page.waitForFunction(() => globalThis.__nameShownAt !== undefined, null, { timeout: 10_000 });
  const at = await page.evaluate(() => globalThis.__nameShownAt);
  if (scripts) await page.waitForTimeout(500); // whatever loads on its own after the name (lazy parts)
  await page.close();
  const js = loads.filter((l) => l.url && /\.js$/.test(new URL(l.url).pathname)).map((l) => ({ path: new URL(l.url).pathname, at: (l.at - navigationAt) * 1000 }));
  return { at, before: js.filter((l) => l.at <= at).map((l) => l.path), after: js.filter((l) => l.at > at).map((l) => l.path) };
}

const popupUrl = `chrome-extension://${extensionId}/popup.html?tabId=${shopTab}`;
// The name as the popup shows it; this first opening (and the blank one after it) also warms both extensions up.
const warm = await context.newPage();
await warm.goto(popupUrl);
const productName = (await warm.getByRole('region', { name: 'Product' }).getByRole('heading').textContent()).trim();
await warm.close();
const blankUrl = `chrome-extension://${blankId}/popup.html?${new URLSearchParams({ name: productName })}`;
// The options page keeps the extension's process running, so a popup opens into it; a page of the blank
// extension kept open does the same for the blank popup (else each opening would start a process first).
await (await context.newPage()).goto(`chrome-extension://${blankId}/popup.html`);
await timeName(blankUrl, productName);
const popupTimes = [];
const blankTimes = [];
for (let i = 0; i < POPUP_PAIRS; i += 1) {
  popupTimes.push((await timeName(popupUrl, productName)).at);
  blankTimes.push((await timeName(blankUrl, productName)).at);
}
const { before: firstCardScripts, after: laterScripts } = await timeName(popupUrl, productName, { scripts: true });
const ratioMedian = median(popupTimes) / median(blankTimes);
const ratioP95 = percentile(popupTimes, 95) / percentile(blankTimes, 95);
const figures = (times) => `median ${median(times).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`;
log(`popup open → "${productName}" on screen: popup ${figures(popupTimes)}; blank React popup ${figures(blankTimes)} (${POPUP_PAIRS} openings each, alternating)`);
report('popup', 'open → product name, ratio to a blank React popup (medians)', ratioMedian, '×', '≤ 1.4', ratioMedian <= 1.4, `popup ${median(popupTimes).toFixed(1)} ms, blank ${median(blankTimes).toFixed(1)} ms`);
report('popup', 'open → product name, ratio to a blank React popup (p95)', ratioP95, '×', '≤ 1.6', ratioP95 <= 1.6, `popup ${percentile(popupTimes, 95).toFixed(1)} ms, blank ${percentile(blankTimes, 95).toFixed(1)} ms`);
const gz = (path) => gzipped(join(extensionPath, path));
const beforeCard = firstCardScripts.reduce((sum, path) => sum + gz(path), 0);
report('bundle', 'popup JS loaded before the first card (gzip)', beforeCard / 1024, 'KB', '≤ 80 KB', beforeCard <= 80 * 1024, firstCardScripts.map((p) => `${p.replace(/^\/(chunks\/)?/, '')} ${(gz(p) / 1024).toFixed(1)}`).join(', '));
// A script with any character past ASCII is decoded to two-byte text as a whole (~20 ms for the shared chunk here).
const wide = firstCardScripts.filter((path) => /[^\x00-\x7f]/.test(readFileSync(join(extensionPath, path), 'utf8')));
report('bundle', 'popup scripts before the first card with non-ASCII text', wide.length, '', '0', wide.length === 0, wide.join(', '));
const blankSize = gzipped(join(blankPath, 'assets', readdirSync(join(blankPath, 'assets')).find((f) => f.endsWith('.js'))));
log(`blank React popup JS: ${(blankSize / 1024).toFixed(1)} KB gzip`);
log(`popup JS loaded after the first card, while open: ${laterScripts.map((p) => `${p} ${(gz(p) / 1024).toFixed(1)} KB`).join(', ') || 'none'}`);
const onDemand = popupChunks(extensionPath).filter((p) => !firstCardScripts.includes(p) && !laterScripts.includes(p));
log(`popup JS loaded only when asked for: ${onDemand.map((p) => `${p} ${(gz(p) / 1024).toFixed(1)} KB`).join(', ') || 'none'}`);
for (const line of popupBreakdown(extensionPath, firstCardScripts)) log(line);

// The same opening with the background worker stopped first (as after 30 s of quiet), for information.
const stopper = await context.newCDPSession(options);
await stopper.send('ServiceWorker.enable');
const coldTimes = [];
for (let i = 0; i < 5; i += 1) {
  await stopper.send('ServiceWorker.stopAllWorkers');
  await new Promise((r) => setTimeout(r, 300));
  coldTimes.push((await timeName(popupUrl, productName)).at);
}
report('popup', 'open → product name with the background stopped (for information)', median(coldTimes), 'ms', '—', true, `median of ${coldTimes.length}; max ${Math.max(...coldTimes).toFixed(1)} ms`);

// 3 and 4. Purchases: 20 completing at random times between 5 s and 120 s, and one that takes 5 minutes.
if (!values['skip-purchases']) await measurePurchases();

async function measurePurchases() {
  log('Starting 20 purchases that complete between 5 s and 120 s, and one that takes 5 minutes…');
  const random = seededRandom(20261122);
  const delays = Array.from({ length: 20 }, () => Math.round(5_000 + random() * 115_000));
  const LONG_MS = 5 * 60_000;
  const linkDelays = Array.from({ length: 10 }, () => Math.round(5_000 + random() * 115_000));
  const links = await startLinks(linkDelays);
  // Started by messages, as popups would send them once the user confirmed: confirmation is off for this run.
  await options.getByLabel('Ask me to confirm each purchase').uncheck();
  await options.getByText('Safety settings saved.').waitFor();
  const started = await options.evaluate(
    async ({ shopUrl, delays, longMs }) => {
      const { profiles } = await chrome.storage.local.get('profiles');
      const profileId = profiles.profiles[0].id;
      const product = (url) => ({ url, name: 'Pour-over Kettle', image: null, price: '45.00', currency: 'GBP', availability: null, variant: null, sources: [] });
      const start = (url) => chrome.runtime.sendMessage({ type: 'checkout:start', product: product(url), quantity: 1, profileId, instructions: '' });
      const replies = await Promise.all([...delays, longMs].map((delay) => start(`${shopUrl}/products/pour-over-kettle?sc_delay=${delay}`)));
      return replies.map((r) => (r.ok ? r.record.id : `refused: ${r.message}`));
    },
    { shopUrl: sandbox.shopUrl, delays, longMs: LONG_MS },
  );
  if (started.some((id) => id.startsWith('refused'))) throw new Error(`A purchase was refused: ${started.find((id) => id.startsWith('refused'))}`);

  const records = async () => (await options.evaluate(async () => (await chrome.storage.local.get('checkouts')).checkouts)) ?? [];
  const deadline = Date.now() + LONG_MS + 90_000;
  for (;;) {
    const list = await records();
    const done = list.filter((r) => r.state === 'completed').length;
    if (done === started.length) break;
    if (Date.now() > deadline) throw new Error(`Only ${done} of ${started.length} purchases completed in time`);
    await new Promise((r) => setTimeout(r, 5_000));
  }
  const byCheckout = new Map([...sandbox.api.checkouts.values()].map((c) => [c.id, c]));
  const latencies = [];
  const alarmsOnly = [];
  let longGets = null;
  // The checkout links started beside them are measured in their own section.
  for (const record of (await records()).filter((r) => r.service === 'smartcheckout')) {
    const checkout = byCheckout.get(record.checkoutId);
    const completedAt = checkout.createdAt + checkout.delayMs;
    if (checkout.delayMs === LONG_MS) {
      longGets = checkout.gets;
      continue;
    }
    const shown = record.notifications.find((n) => n.event === 'completed').at;
    latencies.push((shown - completedAt) / 1000);
    alarmsOnly.push(alarmsOnlyDelay(checkout.createdAt, completedAt, 30_000) / 1000);
  }
  report('notification', 'completion → notification p95', percentile(latencies, 95), 's', '≤ 3 s', percentile(latencies, 95) <= 3, `mean ${(latencies.reduce((a, b) => a + b, 0) / latencies.length).toFixed(2)} s over ${latencies.length} purchases`);
  const alarmsMean = alarmsOnly.reduce((a, b) => a + b, 0) / alarmsOnly.length;
  report('notification', 'alarms-only schedule, same completions: mean', alarmsMean, 's', '≈ 15 s (for comparison)', true, `p95 ${percentile(alarmsOnly, 95).toFixed(2)} s`);
  report('service cost', 'GET requests for a 5-minute purchase', longGets, '', '≤ 45', longGets <= 45);
  await reportLinks(links, linkDelays);
  // The unpaid link is still followed: the buyer cancels it, so nothing is pending for the idle minute.
  for (const [id, session] of sandbox.shoppex.sessions) if (session.paidAt === null) sandbox.shoppex.cancel(id);
  for (const deadline = Date.now() + 120_000; ; ) {
    const pending = ((await records()) ?? []).filter((r) => r.state === 'starting' || r.state === 'processing');
    if (!pending.length) break;
    if (Date.now() > deadline) throw new Error(`${pending.length} checkout(s) still followed before the idle minute`);
    await new Promise((r) => setTimeout(r, 2_000));
  }

  // 4. Idle: nothing pending → no alarm, and in a quiet minute no request and no worker start.
  const alarms = await (await worker()).evaluate(() => chrome.alarms.getAll());
  const pageCdp = await context.newCDPSession(options);
  await pageCdp.send('ServiceWorker.enable');
  await pageCdp.send('ServiceWorker.stopAllWorkers');
  const requestsBefore = sandbox.api.requests.length;
  let workerStarts = 0;
  const onWorker = () => (workerStarts += 1);
  context.on('serviceworker', onWorker);
  const IDLE_MS = 60_000;
  log(`Idle for ${IDLE_MS / 1000} s with nothing pending…`);
  await new Promise((r) => setTimeout(r, IDLE_MS));
  context.off('serviceworker', onWorker);
  const idleRequests = sandbox.api.requests.length - requestsBefore;
  report('service cost', 'alarms registered while idle', alarms.length, '', '0', alarms.length === 0);
  report('service cost', `requests in ${IDLE_MS / 1000} s idle`, idleRequests, '', '0 per hour', idleRequests === 0);
  report('service cost', `worker starts in ${IDLE_MS / 1000} s idle`, workerStarts, '', '0 per hour', workerStarts === 0, 'with no alarm registered, nothing else can wake it');
}

/** Creates 10 Shoppex links paid by the sandbox after `delays`, and one left waiting; returns when each started. */
async function startLinks(delays) {
  log('Creating 10 Shoppex checkout links paid between 5 s and 120 s, and one left unpaid…');
  const ids = await options.evaluate(
    async ({ shopUrl, delays }) => {
      const { profiles } = await chrome.storage.local.get('profiles');
      const profileId = profiles.profiles[0].id;
      const create = (url, i) =>
        chrome.runtime.sendMessage({
          type: 'checkout:start',
          service: 'shoppex',
          product: { url, name: 'Merino Crew T-Shirt', image: null, price: '29.00', currency: 'USD', availability: null, variant: null, sources: [] },
          quantity: 1,
          profileId,
          instructions: '',
          order: { amount: '29.00', currency: 'USD', label: `Bench link ${i}` },
        });
      const paid = delays.map((delay, i) => create(`${shopUrl}/products/merino-tee?sc_scenario=auto_pay&sc_delay=${delay}`, i));
      const replies = await Promise.all([...paid, create(`${shopUrl}/products/merino-tee?waiting`, 'unpaid')]);
      return replies.map((r) => (r.ok ? r.record.id : `refused: ${r.message}`));
    },
    { shopUrl: sandbox.shopUrl, delays },
  );
  if (ids.some((id) => id.startsWith('refused'))) throw new Error(`A checkout link was refused: ${ids.find((id) => id.startsWith('refused'))}`);
  return { ids, startedAt: Date.now() };
}

/** Payment → notification for the paid links, and the GETs the unpaid one cost while it waited. */
async function reportLinks(links, delays) {
  const records = (await options.evaluate(async () => (await chrome.storage.local.get('checkouts')).checkouts)) ?? [];
  const latencies = [];
  let waitingGets = 0;
  let waitingFor = 0;
  for (const record of records.filter((r) => r.service === 'shoppex')) {
    const session = sandbox.shoppex.sessions.get(record.checkoutId);
    if (!session) continue;
    if (record.state === 'processing') {
      waitingGets = sandbox.shoppex.requests.filter((r) => r.method === 'GET' && r.path === `/payments/${record.checkoutId}`).length;
      waitingFor = Date.now() - session.createdAt;
      continue;
    }
    // The sandbox marks an auto-paid session paid when it is next read; the buyer paid at creation + delay.
    const paidAt = session.createdAt + (session.scenario.delay ?? 3000);
    const shown = record.notifications.find((n) => n.event === 'paid')?.at;
    if (shown && session.paidAt) latencies.push((shown - paidAt) / 1000);
  }
  const p95 = latencies.length ? percentile(latencies, 95) : Infinity;
  report('checkout links', 'payment → notification p95 (first 10 minutes)', p95, 's', '≤ 6 s', p95 <= 6, `${latencies.length} of ${delays.length} links paid; mean ${(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)).toFixed(2)} s`);
  const perHour = (waitingGets / waitingFor) * 3_600_000;
  report('checkout links', 'requests per hour while a link waits (first 10 minutes)', perHour, '', '≤ 720 by the plan (every 5 s), +10 %', perHour <= 792, `a ceiling: fewer means a poll took longer than planned; ${waitingGets} GETs in ${(waitingFor / 60_000).toFixed(1)} min`);
  // After ten minutes a waiting link is polled on the 30-second alarm: 120 requests an hour (unit-tested schedule).
  report('checkout links', 'requests per hour while a link waits (after 10 minutes, by the plan)', 120, '', '≤ 120', true, 'schedule pinned by tests/unit/links.test.ts');
}

await context.close();
await sandbox.close();

console.log('');
console.table(rows.map(({ section, figure, value, unit, target, result, note }) => ({ section, figure, value: `${value} ${unit}`.trim(), target, result, note })));
const missed = rows.filter((r) => r.result === 'MISS').length;
console.log(missed ? `${missed} target(s) missed.` : 'Every target met.');
if (values.out) writeFileSync(resolve(values.out), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
