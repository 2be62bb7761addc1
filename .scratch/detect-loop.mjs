import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '/work/wt-multi/tests/sandbox/index.mjs';
import { chromiumArgs, findChromium } from '/work/wt-multi/tests/support/chromium.mjs';
const ext = '/work/wt-multi/.output/chrome-mv3';
const sandbox = await startSandbox({});
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'x-')), { executablePath: findChromium(), headless: true, args: [...chromiumArgs(ext), '--lang=en-US'] });
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;
const shop = await context.newPage();
await shop.goto(`${sandbox.shopUrl}/products/pour-over-kettle`);
const cdp = await context.browser().newBrowserCDPSession();
const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
await cdp.send('Extensions.triggerAction', { id, targetId: targetInfos.find((t) => t.url === shop.url()).targetId });
const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, shop.url());
const results = await worker.evaluate(async (tabId) => {
  const out = [];
  for (let i = 0; i < 15; i++) {
    const [r] = await chrome.scripting.executeScript({ target: { tabId }, files: ['/detector.js'] });
    const p = JSON.parse(r.result);
    out.push(JSON.stringify({ v: p.variant, sku: p.sku, src: p.sources }));
  }
  return out;
}, tabId);
console.log([...new Set(results)]);
await context.close(); await sandbox.close();
