import { defineConfig } from 'wxt';

// The production API origin. Other origins (a proxy, the local sandbox) are reached through CORS.
const API_ORIGIN = 'https://api.smartcheckout.dev/*';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // Every name is imported from the file that defines it (no auto-imports), so a reader can follow it.
  imports: false,
  manifest: {
    // Every user-visible string lives in public/_locales (English and German are complete).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', 'alarms', 'notifications', 'contextMenus'],
    host_permissions: [API_ORIGIN],
    // A custom API base URL (a proxy) is asked for at run time, for that origin only.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandOpen__' },
    },
  },
});
