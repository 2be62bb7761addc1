import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../utils/background/badge';
import type { CheckoutRecord } from '../../utils/checkouts/record';
import { describeNotification } from '../../utils/background/notifications';
import { getMessage, LOCALES, useLocale } from './support/i18n';

const ROOT = resolve(import.meta.dirname, '../..');
const placeholdersOf = (entry: { message: string; placeholders?: Record<string, { content: string }> }) =>
  Object.entries(entry.placeholders ?? {})
    .map(([name, { content }]) => `${name.toLowerCase()}=${content}`)
    .sort();

describe('locales', () => {
  const english = LOCALES.en!;

  it.each(Object.keys(LOCALES).filter((l) => l !== 'en'))('%s has every English message, with the same placeholders, and nothing else', (locale) => {
    const other = LOCALES[locale]!;
    expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
    for (const [name, entry] of Object.entries(english)) expect([name, placeholdersOf(other[name]!)]).toEqual([name, placeholdersOf(entry)]);
  });

  it.each(Object.keys(LOCALES))('%s: every placeholder a message uses is defined, and every defined one is used', (locale) => {
    for (const [name, entry] of Object.entries(LOCALES[locale]!)) {
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
      expect([name, [...new Set(used)]]).toEqual([name, Object.keys(entry.placeholders ?? {}).sort()]);
      expect(entry.message.trim()).not.toBe('');
    }
  });

  it('names every manifest string it refers to', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const names = [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(names).toEqual(expect.arrayContaining(['extName', 'extDescription', 'actionTitle', 'commandOpen']));
    for (const locale of Object.values(LOCALES)) for (const name of names) expect(locale[name], name).toBeDefined();
  });

  it('fills placeholders in the order of the substitutions, whatever their order in the sentence', () => {
    expect(getMessage(english, 'limitBlockedCap', ['62.00 USD', '2.00 USD', '60.00 USD'])).toBe(
      'Blocked by your maximum price per purchase: 62.00 USD is 2.00 USD over the 60.00 USD cap.',
    );
    expect(getMessage(LOCALES.de!, 'limitBlockedCap', ['62.00 USD', '2.00 USD', '60.00 USD'])).toBe(
      'Durch Ihren Höchstpreis pro Kauf blockiert: 62.00 USD liegt 2.00 USD über der Grenze von 60.00 USD.',
    );
  });
});

describe('German', () => {
  const record = (state: CheckoutRecord['state']) => ({ state, seen: true, product: { name: 'Kaffeebecher', url: 'https://shop.example/becher' } }) as CheckoutRecord;

  it('the badge tooltip counts purchases in German', () => {
    useLocale('de');
    expect(badgeFor([record('processing'), record('processing')]).title).toBe('Smartcheckout: 2 Käufe laufen');
    expect(badgeFor([]).title).toBe('Mit Smartcheckout kaufen');
  });

  it('a completed purchase is announced in German', () => {
    useLocale('de');
    const done = { ...record('completed'), amount: '29.00', currency: 'EUR' };
    expect(describeNotification(done, 'completed')).toEqual({ title: 'Kauf abgeschlossen', message: `${done.product.name} — 29.00 EUR` });
  });
});

describe('no user-visible text is written into the views', () => {
  const files = ['components', 'entrypoints/popup', 'entrypoints/options', 'entrypoints/welcome', 'entrypoints/demo', 'entrypoints/privacy'].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.tsx'))
      .map((f) => join(dir, f)),
  );

  it.each(files)('%s', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    // Text between JSX tags, and label-like attributes given as plain strings.
    const text = [...source.matchAll(/(?<!=)>([^<>{}]*)</g)].map((m) => m[1]!.trim()).filter((s) => /[A-Za-z]{2}/.test(s) && !/[=;()]/.test(s));
    const attributes = [...source.matchAll(/\b(aria-label|placeholder|title|alt)="([^"]+)"/g)].map((m) => m[0]);
    expect([...text, ...attributes]).toEqual([]);
  });
});
