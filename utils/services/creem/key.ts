// Creem keys only work in their own environment, so the key decides the base URL and the mode shown.

export const CREEM_LIVE_BASE_URL = 'https://api.creem.io';
export const CREEM_TEST_BASE_URL = 'https://test-api.creem.io';

export type CreemMode = 'test' | 'live';

/** `creem_test_…` keys are test mode; every other key is live. */
export function modeOfKey(key: string): CreemMode {
  return key.trim().startsWith('creem_test_') ? 'test' : 'live';
}

/** The documented base URL for a key's environment (a base URL the user typed always wins over this). */
export function baseUrlForKey(key: string): string {
  return modeOfKey(key) === 'test' ? CREEM_TEST_BASE_URL : CREEM_LIVE_BASE_URL;
}
