import { fakeBrowser } from 'wxt/testing/fake-browser';

/** fakeBrowser has no permissions: grant what the manifest grants, the production API origin, and nothing else. */
export function grantManifestHosts() {
  fakeBrowser.permissions.contains = (async ({ origins = [] }) => origins.every((o) => o === 'https://api.smartcheckout.dev/*')) as typeof fakeBrowser.permissions.contains;
}
