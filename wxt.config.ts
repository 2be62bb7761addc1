import { defineConfig } from 'wxt';

// The production API origin. Other origins (a proxy, the local sandbox) are reached through CORS.
const API_ORIGIN = 'https://api.smartcheckout.dev/*';
/**
 * `SMARTCHECKOUT_BUILD=e2e` builds the Firefox end-to-end variant into `.output/firefox-mv3-e2e`: the production
 * build plus read access to the local demo shop, because automation cannot click Firefox's toolbar button, which
 * is what grants activeTab to a person. Store builds never include it.
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

export default defineConfig({
  // `SMARTCHECKOUT_SOURCEMAP=1` adds source maps; `=hidden` writes them without pointing the scripts at them (the bench's breakdown).
  vite: () => ({ plugins: [withoutInnerHtml()], build: { sourcemap: process.env.SMARTCHECKOUT_SOURCEMAP === 'hidden' ? 'hidden' : process.env.SMARTCHECKOUT_SOURCEMAP === '1' } }),
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
    permissions: ['activeTab', 'scripting', 'storage', 'alarms', 'notifications', 'contextMenus'],
    host_permissions: E2E && browser === 'firefox' ? [API_ORIGIN, 'http://127.0.0.1/*'] : [API_ORIGIN],
    // A custom API base URL (a proxy) is asked for at run time, for that origin only.
    optional_host_permissions: ['https://*/*'],
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
