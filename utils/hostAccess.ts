import { browser } from 'wxt/browser';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** The match pattern that grants access to the API base URL's origin; null for loopback (reached through CORS). */
export function originPattern(baseUrl: string): string | null {
  const url = new URL(baseUrl);
  return LOOPBACK.test(url.hostname) ? null : `${url.protocol}//${url.hostname}/*`;
}

/** Whether the extension may reach the API origin directly (always true for loopback). */
export async function hasHostAccess(baseUrl: string): Promise<boolean> {
  const pattern = originPattern(baseUrl);
  return pattern === null || (await browser.permissions.contains({ origins: [pattern] }));
}

/** Asks the user for access to the API origin. Must run inside a click handler, before any await. */
export function requestHostAccess(baseUrl: string): Promise<boolean> {
  const pattern = originPattern(baseUrl);
  return pattern === null ? Promise.resolve(true) : browser.permissions.request({ origins: [pattern] });
}
