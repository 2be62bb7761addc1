import { type BrowserContext, chromium, expect, test as base, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs, findChromium } from '../support/chromium.mjs';
import { startSandbox } from '../sandbox/index.mjs';
import { PopupPage } from './pages/PopupPage';
import { type Setup, seedStorage } from './seed';
import { backgroundWorker, launchSharedBrowser, needsOwnBrowser, type SharedBrowser } from './sharedBrowser';

export const EXTENSION_PATH = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/**
 * Starts Chromium with the built extension on `userDataDir` (reuse the directory to simulate a browser restart),
 * in English unless `lang` says otherwise, whatever the machine's own language.
 */
export function launchWithExtension(userDataDir: string, lang = 'en-US'): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: findChromium(), headless: true, args: [...chromiumArgs(EXTENSION_PATH), `--lang=${lang}`] });
}

/** Stops the extension's service worker as Chrome does to an idle extension (timers and memory are lost). */
export async function stopServiceWorker(context: BrowserContext): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

export interface StoredRecord {
  id: string;
  state: string;
  checkoutId: string | null;
  amount: string | null;
  product: { url: string };
  notifications: { event: string; title: string; message: string }[];
}

/** Purchase records as stored, read from an extension page (this does not wake the service worker). */
export async function storedCheckouts(extensionPage: Page): Promise<StoredRecord[]> {
  return extensionPage.evaluate(async () => ((await chrome.storage.local.get('checkouts')).checkouts ?? []).filter((r: { id?: unknown }) => typeof r?.id === 'string'));
}

/** The welcome page the extension opens on a first install, once it is there. */
export async function welcomePage(context: BrowserContext, timeout = 15_000): Promise<Page> {
  const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');
  return context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout }));
}

interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker as it is now (it may have been restarted). */
  serviceWorker: () => Promise<Worker>;
  /** Clicks the toolbar button on `page`'s tab (grants activeTab like a real click); returns the tab id. */
  clickAction: (page: Page) => Promise<number>;
  /** Opens `url` in a new tab, clicks the toolbar button there and opens the popup for it. */
  popupFor: (url: string) => Promise<PopupPage>;
  /** Opens `url` in a new tab, clicks the toolbar button there and opens the popup for it, with its product card shown. */
  shopPopup: (url: string, options?: { productCard?: boolean }) => Promise<{ shop: Page; popup: PopupPage }>;
  /**
   * Leaves the extension as a person leaves it after configuring it in Options, by writing its storage (`seed.ts`):
   * Smartcheckout connected to the sandbox and Ada's "Home" profile, unless `setup` says otherwise.
   */
  seed: (setup?: Setup) => Promise<void>;
}

export const test = base.extend<ExtensionFixtures & { sandbox: Sandbox; lang: string; keepWelcome: boolean }, { sharedBrowser: () => Promise<SharedBrowser> }>({
  /** The browser's UI language, which decides the extension's (`test.use({ lang: 'de' })`). */
  lang: ['en-US', { option: true }],
  /** Leave the welcome page a first install opens (`test.use({ keepWelcome: true })`); otherwise it is closed. */
  keepWelcome: [false, { option: true }],

  // One sandbox per test: its request log and checkouts belong to that test alone.
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ completionDelayMs: 1500 });
    await use(sandbox);
    await sandbox.close();
  },

  // One browser per Playwright worker, started when a test first asks for it.
  sharedBrowser: [
    async ({}, use) => {
      const profileDir = mkdtempSync(join(tmpdir(), 'smartcheckout-e2e-'));
      let started: Promise<SharedBrowser> | undefined;
      await use(() => (started ??= launchSharedBrowser(profileDir, EXTENSION_PATH)));
      if (started) await (await started).context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  context: async ({ lang, keepWelcome, sharedBrowser }, use, testInfo) => {
    if (!needsOwnBrowser(testInfo, { lang, keepWelcome })) {
      // Most tests start from what a person sees after a first install, in a browser shared with the worker's other tests.
      const shared = await sharedBrowser();
      await shared.freshInstall();
      await use(shared.context);
      return;
    }
    const context = await launchWithExtension(testInfo.outputPath('profile'), lang);
    // A fresh profile is a first install: the welcome page opens. Most tests start from what a person sees after it.
    if (!keepWelcome) await (await welcomePage(context)).close();
    await use(context);
    await context.close();
  },

  serviceWorker: async ({ context }, use) => {
    await use(() => backgroundWorker(context));
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL((await serviceWorker()).url()).host);
  },

  clickAction: async ({ context, extensionId, serviceWorker }, use) => {
    await use(async (page) => {
      // A person clicks the toolbar button of the tab in front of them.
      await page.bringToFront();
      const cdp = await context.browser()!.newBrowserCDPSession();
      try {
        const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
        const tabs = targetInfos.filter((t) => t.url === page.url());
        if (tabs.length !== 1) throw new Error(`Expected one tab at ${page.url()}, found ${tabs.length}`);
        await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tabs[0]!.targetId });
      } finally {
        await cdp.detach();
      }
      // activeTab now lets the extension see this tab's URL: that is how we learn its id.
      const worker = await serviceWorker();
      const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t: { url?: string }) => t.url === url)?.id ?? null, page.url());
      if (tabId === null) {
        const seen = await worker.evaluate(async () => (await chrome.tabs.query({})).map((t: { id?: number; url?: string; active?: boolean }) => [t.id, t.url, t.active]));
        throw new Error(`The clicked tab is not visible to the extension (${page.url()}); it sees ${JSON.stringify(seen)}`);
      }
      return tabId;
    });
  },

  seed: async ({ sandbox, serviceWorker }, use) => {
    await use(async (setup) => seedStorage(await serviceWorker(), sandbox, setup));
  },

  popupFor: async ({ shopPopup }, use) => {
    await use(async (url) => (await shopPopup(url, { productCard: false })).popup);
  },

  shopPopup: async ({ context, extensionId, clickAction }, use) => {
    await use(async (url, options = {}) => {
      const shop = await context.newPage();
      await shop.goto(url);
      const popup = new PopupPage(await context.newPage(), extensionId);
      await popup.open(await clickAction(shop));
      if (options.productCard !== false) await expect(popup.productCard).toBeVisible();
      return { shop, popup };
    });
  },
});

export { expect } from '@playwright/test';
export { FRESH_PROFILE } from './sharedBrowser';
