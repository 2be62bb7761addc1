// Finds a Firefox to drive over WebDriver BiDi, and launches it with the extension installed. Used by the Firefox tests.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const SYSTEM_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/local/bin/firefox', '/snap/bin/firefox'];
/** Pinned through `extensions.webextensions.uuids`, so the extension's pages have a known address. */
export const EXTENSION_UUID = '5d2c4e2a-3b1f-4c7e-9a55-2f0b8c1d6e93';

/** Firefox from $FIREFOX_PATH or the system; throws with install advice when none is found. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
  }
  for (const path of SYSTEM_PATHS) if (existsSync(path)) return path;
  throw new Error(
    'No Firefox found. Install one (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or point FIREFOX_PATH at a Firefox binary (140 or newer).',
  );
}

/** Starts headless Firefox and installs the unpacked extension at `extensionPath` (a temporary add-on). */
export async function launchFirefoxWithExtension(extensionPath) {
  // The add-on id as built (browser_specific_settings.gecko.id), so the pinned address cannot drift from it.
  const geckoId = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // Firefox 153+ lets WebDriver BiDi open moz-extension:// pages only with system access allowed.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // Answer the optional-permission prompt ("Grant access") as a person who accepts it would.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await browser.installExtension(extensionPath);
  return browser;
}

/**
 * Opens one of the extension's pages in a new tab. `page.goto` of a moz-extension page may never resolve,
 * so this waits until the tab is there and the page has rendered.
 */
export async function openExtensionPage(browser, path) {
  const url = `moz-extension://${EXTENSION_UUID}/${path}`;
  const page = await browser.newPage();
  page.goto(url).catch(() => {});
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ready = await page.evaluate(() => document.readyState === 'complete' && document.querySelector('#root')?.childElementCount > 0 && location.href).catch(() => null);
    if (ready === url) return page;
    if (Date.now() > deadline) throw new Error(`Firefox did not open ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
