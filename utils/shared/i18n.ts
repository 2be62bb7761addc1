import { browser } from 'wxt/browser';
import type english from '../../public/_locales/en/messages.json';

/** A message name in `public/_locales/<locale>/messages.json`. */
export type MessageKey = keyof typeof english;

/** The user's language's text for `key`, with `$1`… filled from `substitutions` (the message's placeholders). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key as never, substitutions.map(String));
  // A missing message shows its name rather than nothing, so the gap is visible and reported.
  return text || key;
}

/** `t(one)` for a count of 1, `t(other)` otherwise; the count is the first substitution. */
export function tCount(count: number, one: MessageKey, other: MessageKey, ...more: (string | number)[]): string {
  return t(count === 1 ? one : other, count, ...more);
}

/** The browser's UI language (for dates, numbers and country names). */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage?.() || globalThis.navigator?.language || 'en';
}
