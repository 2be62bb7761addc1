import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_PATH } from './fixtures';

// The built manifest keeps the promises made to users: nothing runs on pages they did not act on,
// no access to websites beyond the API, and no other extension or site can message us.
test('the built manifest asks for no page access and exposes no external messaging', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.host_permissions).toEqual(['https://api.smartcheckout.dev/*']);
  // `offscreen`: a price watch's page is parsed in an offscreen document (Chrome's worker has no DOM).
  expect(manifest.permissions.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'notifications', 'offscreen', 'scripting', 'storage']);
  // Asked for at run time, one origin at a time: a custom API base URL, a price watch's shop site.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+K');
  // Every visible manifest string comes from _locales.
  expect(manifest.default_locale).toBe('en');
  expect([manifest.name, manifest.description, manifest.action.default_title, manifest.commands._execute_action.description]).toEqual([
    '__MSG_extName__',
    '__MSG_extDescription__',
    '__MSG_actionTitle__',
    '__MSG_commandOpen__',
  ]);
  expect(JSON.stringify({ ...manifest, optional_host_permissions: [] })).not.toMatch(/<all_urls>|\*:\/\/\*\//);
});

test('the Firefox store build declares its id, minimum version and the data a checkout sends (as store/PRIVACY.md lists it), and nothing of the test build', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, '../firefox-mv3/manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.background).toEqual({ scripts: ['background.js'] });
  // Firefox reads a price watch's page in its background page: no offscreen document.
  expect(manifest.permissions).not.toContain('offscreen');
  expect(manifest.host_permissions).toEqual(['https://api.smartcheckout.dev/*']);
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(manifest.browser_specific_settings.gecko).toMatchObject({ id: 'smartcheckout@smartcheckout.dev', strict_min_version: '140.0' });
  expect(manifest.browser_specific_settings.gecko.data_collection_permissions.required.sort()).toEqual([
    'authenticationInfo',
    'browsingActivity',
    'financialAndPaymentInfo',
    'personallyIdentifyingInfo',
    'websiteContent',
  ]);
  // Firefox notifications take no buttons: the Firefox background never asks for them; Chrome's does.
  const background = (build: string) => readFileSync(join(EXTENSION_PATH, `../${build}/background.js`), 'utf8');
  expect(background('firefox-mv3')).not.toContain('buttonViewPurchase');
  expect(background('chrome-mv3')).toContain('buttonViewPurchase');
  // The end-to-end variant, and only it, may read the local demo shop.
  const e2e = JSON.parse(readFileSync(join(EXTENSION_PATH, '../firefox-mv3-e2e/manifest.json'), 'utf8'));
  expect(e2e.host_permissions).toEqual(['https://api.smartcheckout.dev/*', 'http://127.0.0.1/*']);
});
