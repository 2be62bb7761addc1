import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import de from '../../../public/_locales/de/messages.json';
import en from '../../../public/_locales/en/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
export type Messages = Record<string, Entry>;
export const LOCALES: Record<string, Messages> = { en, de };

/** `i18n.getMessage` as browsers implement it: named placeholders (any case) → `$1`…`$9` → substitutions; `$$` → `$`. */
export function getMessage(messages: Messages, name: string, substitutions?: string | string[]): string {
  const entry = messages[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([key, value]) => [key.toLowerCase(), value.content]));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (match, key: string) => placeholders[key.toLowerCase()] ?? match)
    .replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : subs[Number(which) - 1] ?? ''));
}

/** Makes `fakeBrowser` speak `locale` (fakeBrowser has no i18n of its own). */
export function useLocale(locale: keyof typeof LOCALES) {
  Object.assign(fakeBrowser.i18n, {
    getMessage: (name: string, substitutions?: string | string[]) => getMessage(LOCALES[locale]!, name, substitutions),
    getUILanguage: () => locale,
  });
}

beforeEach(() => useLocale('en'));
