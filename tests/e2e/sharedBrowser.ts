import { type BrowserContext, chromium, type Page, type TestInfo, type Worker } from '@playwright/test';
import { chromiumArgs, findChromium } from '../support/chromium.mjs';

// Starting Chromium costs seconds of CPU per test. Most tests need a fresh install of the extension, not a fresh
// browser: they share one browser per Playwright worker, and before each of them the extension is uninstalled and
// installed again over DevTools, which wipes its storage, alarms, notifications, menus and worker as a new profile
// would. Tests about the browser itself (first-run pages, worker stops, restarts, corrupt storage) ask for their own
// profile with the `@fresh-profile` tag.

/** Tag for a test that needs a browser profile of its own: worker stops, browser restarts, corrupt storage. */
export const FRESH_PROFILE = '@fresh-profile';

const isBackground = (worker: Worker) => worker.url().endsWith('/background.js');

/** True when the test must not share its browser (tagged, on a first-run page, or in another UI language). */
export function needsOwnBrowser(testInfo: TestInfo, options: { lang: string; keepWelcome: boolean }): boolean {
  return testInfo.tags.includes(FRESH_PROFILE) || options.keepWelcome || options.lang !== 'en-US';
}

/** The extension's service worker now running in `context`, once it runs. */
export async function backgroundWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers().find(isBackground) ?? (await context.waitForEvent('serviceworker', { predicate: isBackground }));
}

/** A browser whose extension is installed per test: the same build, the same id, a new install each time. */
export interface SharedBrowser {
  context: BrowserContext;
  /** Installs the extension anew (uninstalling the previous install) and leaves one blank tab, as after a first run. */
  freshInstall: () => Promise<void>;
}

/** Closes every tab but one blank one, as a browser looks right after start. */
async function closeTabs(context: BrowserContext): Promise<void> {
  const [first, ...others] = context.pages();
  for (const page of others) await page.close();
  const blank = first ?? (await context.newPage());
  if (blank.url() !== 'about:blank') await blank.goto('about:blank');
}

/** Starts Chromium on `userDataDir` without the extension; `freshInstall` adds it. */
export async function launchSharedBrowser(userDataDir: string, extensionPath: string): Promise<SharedBrowser> {
  const args = chromiumArgs(extensionPath).filter((arg: string) => !arg.startsWith('--load-extension='));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: findChromium(), headless: true, args: [...args, '--lang=en-US'] });
  // The install right after launch does not reliably open its welcome page in time to be seen; it only gives the
  // extension's id. Each test then gets the uninstall-and-install below, which does.
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { id } = await cdp.send('Extensions.loadUnpacked', { path: extensionPath });
  await cdp.detach();

  const freshInstall = async () => {
    await closeTabs(context);
    // What an earlier test granted (clipboard access) a new profile would not have.
    await context.clearPermissions();
    const cdp = await context.browser()!.newBrowserCDPSession();
    try {
      const old = context.serviceWorkers().find(isBackground);
      const gone = old ? new Promise((resolve) => old.once('close', resolve)) : Promise.resolve();
      await cdp.send('Extensions.uninstall', { id });
      await gone;
      const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');
      const welcome = context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 });
      await cdp.send('Extensions.loadUnpacked', { path: extensionPath });
      await backgroundWorker(context);
      // A first install opens the welcome page; the tests start from what a person sees after closing it.
      await (await welcome).close();
    } finally {
      await cdp.detach();
    }
  };
  return { context, freshInstall };
}
