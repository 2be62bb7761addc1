import { browser } from 'wxt/browser';

/**
 * This machine, and nothing else: "localhost", an IPv4 address in 127.0.0.0/8 written as an address (the URL
 * parser writes "127.1" as "127.0.0.1"), or [::1]. A name such as "127.attacker.example" is someone else's host.
 */
const LOOPBACK = /^(localhost|127\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)|\[::1\])$/;

/** True when `hostname` (as `URL.hostname` gives it) is this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

/** The match pattern that grants access to the API base URL's origin; null for loopback (reached through CORS). */
export function originPattern(baseUrl: string): string | null {
  const url = new URL(baseUrl);
  return isLoopbackHost(url.hostname) ? null : `${url.protocol}//${url.hostname}/*`;
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
