import { minifySync } from 'rolldown/utils';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// The production API origin. Other origins (a proxy, the local sandbox) are reached through CORS.
const API_ORIGIN = 'https://api.smartcheckout.dev/*';
/**
 * `SMARTCHECKOUT_BUILD=e2e` builds the end-to-end variants into `.output/<browser>-mv3-e2e`: the production
 * build plus read access to the local demo shop, because automation cannot click Firefox's toolbar button, which
 * is what grants activeTab to a person, nor a permission prompt; and price watches that check every few seconds.
 * Store builds never include it.
 */
const E2E = process.env.SMARTCHECKOUT_BUILD === 'e2e';
/** Fixed so Firefox keeps the same storage and moz-extension address across installs. */
const GECKO_ID = 'smartcheckout@smartcheckout.dev';

/**
 * Removes React DOM's `dangerouslySetInnerHTML` path from the bundles. No view uses it — anything a shop page
 * says is rendered as text — so markup can never reach `innerHTML`, and Mozilla's linter has nothing to warn
 * about. Fails the build if React's code no longer has the expected shape, instead of silently keeping it.
 */
function withoutInnerHtml() {
  const assignment = '(domElement.innerHTML = key)';
  return {
    name: 'smartcheckout:without-inner-html',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!/react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/.test(id)) return null;
      const count = code.split(assignment).length - 1;
      if (count !== 2) throw new Error(`Expected React DOM to set innerHTML in 2 places, found ${count}: update withoutInnerHtml in wxt.config.ts`);
      return { code: code.replaceAll(assignment, '(() => { throw Error("dangerouslySetInnerHTML is not allowed in Smartcheckout"); })()'), map: null };
    },
  };
}

/** Unlisted scripts minified by `withSmallDetector` instead of by Vite. */
const OXC_MINIFIED = new Set(['detector']);

/**
 * Keeps the detector small: it is injected into the shop's page on every click. In production builds WXT's
 * wrapper around an unlisted script only adds logging that production turns off, so it is reduced to the plugin
 * start-up and the call; and the script is minified with the Oxc minifier, whose output is about 4 % smaller
 * than esbuild's for this code. Fails the build if WXT's wrapper no longer has the expected shape, instead of
 * silently keeping it.
 */
function withSmallDetector(mode: string) {
  const wrapper = '\0virtual:wxt-unlisted-script-entrypoint?';
  let minifyHere = false;
  return {
    name: 'smartcheckout:small-detector',
    apply: 'build' as const,
    config(config: { build?: { lib?: { name?: string } | false } }) {
      minifyHere = mode === 'production' && !!config.build?.lib && OXC_MINIFIED.has(config.build.lib.name ?? '');
      return minifyHere ? { build: { minify: false } } : undefined;
    },
    transform(code: string, id: string) {
      if (mode !== 'production' || !id.startsWith(wrapper)) return null;
      const user = /^import definition from ("[^"]+");$/m.exec(code)?.[1];
      if (!user || !code.includes('initPlugins();') || !code.includes('result = definition.main();')) {
        throw new Error("WXT's unlisted script wrapper changed shape: update withSmallDetector in wxt.config.ts");
      }
      return { code: `import definition from ${user};\nimport { initPlugins } from "virtual:wxt-plugins";\ninitPlugins();\nexport default definition.main();\n`, map: null };
    },
    // Runs after Vite's last rewrite of the chunk and before WXT's own generateBundle appends the script's return
    // value (`detector;`), which a minifier would drop as an unused expression.
    generateBundle: {
      order: 'pre' as const,
      handler(_options: unknown, bundle: Record<string, { type: string; fileName: string; code?: string }>) {
        if (!minifyHere) return;
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || chunk.code === undefined) continue;
          const result = minifySync(chunk.fileName, chunk.code, { compress: { target: 'es2022' } });
          if (result.errors.length) throw new Error(`Minifying ${chunk.fileName}: ${result.errors.map((e) => e.message).join('; ')}`);
          chunk.code = result.code;
        }
      },
    },
  };
}

const POPUP_MAIN = resolve('entrypoints/popup/main.ts');
/** Every page's base stylesheet; in the shared chunk, so each page lists it before its own. */
const SHARED_STYLES = resolve('components/styles.css');

/**
 * What the popup loads before its first card, in as few files as possible: the page's script and everything it
 * imports statically (React included) are one file, `ui`, which is also the chunk the other pages take React
 * from (so the popup's script starts the popup only on its own page). Besides it the page loads only
 * `popup-read.js`; its stylesheet is written into the page. What the popup loads later (`lazy`, `import()`) is
 * split as before. Two files instead of three: 5–27 ms sooner at the median in five A/B runs (both builds in one browser).
 */
function popupFirstCard() {
  type ModuleInfo = (id: string) => { importedIds: readonly string[] } | null;
  let firstCard: Set<string> | null = null;
  function chunkOf(id: string, { getModuleInfo }: { getModuleInfo: ModuleInfo }): string | null {
    if (!firstCard) {
      firstCard = new Set();
      const queue = [POPUP_MAIN];
      while (queue.length) {
        const next = queue.pop()!;
        if (firstCard.has(next)) continue;
        firstCard.add(next);
        queue.push(...(getModuleInfo(next)?.importedIds ?? []));
      }
    }
    // WXT's per-page plugin start-up (empty here) goes with it rather than in a file of its own.
    if (id.includes('wxt-html-plugins')) return 'ui';
    return firstCard.has(id) || id === SHARED_STYLES ? 'ui' : null;
  }
  return {
    name: 'smartcheckout:popup-first-card',
    apply: 'build' as const,
    config(config: { build?: { lib?: unknown } }) {
      // Only the pages' build: the background and the injected scripts are single files anyway.
      if (config.build?.lib) return undefined;
      // Both browsers load modules natively; no preload polyfill.
      return { build: { modulePreload: { polyfill: false }, rollupOptions: { output: { manualChunks: chunkOf } } } };
    },
    buildStart() {
      firstCard = null;
    },
    generateBundle: {
      order: 'post' as const,
      handler(_options: unknown, bundle: Record<string, { type: string; fileName: string; source?: string | Uint8Array }>) {
        const pages = Object.values(bundle).filter((file) => file.type === 'asset' && file.fileName.endsWith('.html'));
        if (pages.length === 0) return; // the background's build
        const page = pages.find((file) => /(^|\/)popup(\/index)?\.html$/.test(file.fileName));
        if (!page || typeof page.source !== 'string') throw new Error('popup.html is not in the pages build: update popupFirstCard in wxt.config.ts');
        page.source = page.source.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)">/g, (tag, file: string) => {
          const css = bundle[file]?.source;
          if (typeof css !== 'string') throw new Error(`popup.html links ${file}, which is not in the build`);
          return `<style>${css}</style>`;
        });
      },
    },
  };
}

export default defineConfig({
  // `SMARTCHECKOUT_SOURCEMAP=1` adds source maps; `=hidden` writes them without pointing the scripts at them (the bench's breakdown).
  vite: ({ mode }) => ({
    plugins: [withoutInnerHtml(), withSmallDetector(mode), popupFirstCard()],
    build: {
      sourcemap: process.env.SMARTCHECKOUT_SOURCEMAP === 'hidden' ? 'hidden' : process.env.SMARTCHECKOUT_SOURCEMAP === '1',
    },
    // Scripts in ASCII only (other characters escaped): Chrome then keeps a script's text one byte per character.
    // One "…" in the popup's 240 KB chunk made it decode the whole file to two-byte text, ~20 ms on every opening.
    esbuild: { charset: 'ascii' as const },
    // Price watches check every few seconds in the end-to-end build only (`utils/watch`); store builds say false.
    define: { 'import.meta.env.WATCH_TEST_TIMING': JSON.stringify(E2E) },
  }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // Every name is imported from the file that defines it (no auto-imports), so a reader can follow it.
  imports: false,
  // The sources zip lets Mozilla's reviewers rebuild the Firefox zip (SOURCE-BUILD.md says how); local test and demo
  // output, and the store and README images, are not source.
  zip: { excludeSources: ['playwright-report/**', 'test-results/**', 'demo-output/**', 'store/**/*.png', 'tests/demo/*.png'] },
  outDirTemplate: E2E ? '{{browser}}-mv{{manifestVersion}}-e2e' : undefined,
  manifest: ({ browser }) => ({
    // Every user-visible string lives in public/_locales (English and German are complete).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `offscreen`: Chrome's service worker has no DOM; a price watch's page is parsed in an offscreen document
    // (Firefox's background page has one).
    permissions: ['activeTab', 'scripting', 'storage', 'alarms', 'notifications', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // The end-to-end builds also read the local demo shop: automation can click neither Firefox's toolbar button nor a
    // permission prompt (a price watch asks for its shop's site).
    host_permissions: E2E ? [API_ORIGIN, 'http://127.0.0.1/*'] : [API_ORIGIN],
    // A custom API base URL (a proxy), and a price watch's shop site, are asked for at run time, for that origin only.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandOpen__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140: the first Firefox with built-in consent for data collection (data_collection_permissions).
              strict_min_version: '140.0',
              // What a checkout sends to the checkout service chosen for it (store/PRIVACY.md lists every field; a test
              // keeps this list, the policy and the store listings in agreement): the profile (name, email, phone,
              // address), the purchase and its price cap, the service's API key, the product page's address and details.
              data_collection_permissions: {
                required: ['personallyIdentifyingInfo', 'financialAndPaymentInfo', 'authenticationInfo', 'websiteContent', 'browsingActivity'],
              },
            },
            // 142: the first Firefox for Android with that consent.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
