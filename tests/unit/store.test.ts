import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { LOCALES } from './support/i18n';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const LISTINGS = { en: 'store/listing.en.md', de: 'store/listing.de.md' } as const;

/** The text of a `## heading` section of a listing, up to the next one. */
function section(markdown: string, heading: string): string {
  const match = new RegExp(`^## ${heading}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(markdown);
  if (!match) throw new Error(`No "## ${heading}" section`);
  return match[1]!.trim();
}

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[]; optional?: string[] } } };
}

/** The manifest as wxt.config.ts writes it for a store build of `browser`. */
function manifestFor(browser: 'chrome' | 'firefox'): Manifest {
  const manifest = (config as { manifest: (env: { browser: string; manifestVersion: number }) => Manifest }).manifest({ browser, manifestVersion: 3 });
  return manifest;
}

/** Everything a manifest asks for: permissions, host permissions, optional ones. */
function asked(manifest: Manifest): string[] {
  return [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? []), ...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
}

/**
 * The permissions a listing justifies for `browser`: the `code` at the start of each item of its Permissions section;
 * an item marked "(Chrome only)" / "(nur Chrome)" only for Chrome.
 */
function justified(markdown: string, browser: 'chrome' | 'firefox'): string[] {
  return [...section(markdown, 'Permissions').matchAll(/^- `([^`]+)`([^:]*): \S/gm)].filter((m) => browser === 'chrome' || !/Chrome only|nur Chrome/.test(m[2]!)).map((m) => m[1]!);
}

/** Firefox's data categories and what the Chrome Web Store calls each. */
const CHROME_NAME: Record<string, string> = {
  personallyIdentifyingInfo: 'Personally identifiable information',
  healthInfo: 'Health information',
  financialAndPaymentInfo: 'Financial and payment information',
  authenticationInfo: 'Authentication information',
  personalCommunications: 'Personal communications',
  locationInfo: 'Location',
  browsingActivity: 'Web history',
  websiteActivity: 'User activity',
  websiteContent: 'Website content',
};

/** The data categories PRIVACY.md declares (its `data-collection` block, Firefox's names). */
function declaredInPolicy(): string[] {
  const block = /```data-collection\n([\s\S]*?)```/.exec(read('store/PRIVACY.md'));
  if (!block) throw new Error('PRIVACY.md has no data-collection block');
  return block[1]!
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

describe.each(Object.entries(LISTINGS))('the %s store listing', (locale, file) => {
  const listing = read(file);

  it('has a name, a long description, a single purpose and a short description of at most 132 characters', () => {
    expect(section(listing, 'Name')).not.toBe('');
    expect(section(listing, 'Long description').length).toBeGreaterThan(400);
    expect(section(listing, 'Single purpose')).not.toBe('');
    const short = section(listing, 'Short description');
    expect(short).not.toContain('\n');
    expect(short.length).toBeLessThanOrEqual(132);
  });

  it("the manifest's description (the store summary) is the listing's short description", () => {
    expect(LOCALES[locale]!.extDescription!.message).toBe(section(listing, 'Short description'));
  });

  it.each(['chrome', 'firefox'] as const)('justifies every permission the %s manifest asks for, and nothing it does not', (browser) => {
    const permissions = asked(manifestFor(browser));
    expect(permissions.length).toBeGreaterThan(0);
    expect(justified(listing, browser).sort()).toEqual([...new Set(permissions)].sort());
  });

  it("lists Chrome's data use exactly as PRIVACY.md declares it", () => {
    const chrome = [...section(listing, 'Data use \\(Chrome Web Store privacy practices\\)').matchAll(/^- ([A-Z][a-z ]+[a-z])$/gm)].map((m) => m[1]!);
    expect(chrome.sort()).toEqual(declaredInPolicy().map((c) => CHROME_NAME[c]).sort());
  });
});

describe('the built manifest', () => {
  it.each(['chrome-mv3', 'firefox-mv3'])('%s (when built) asks for nothing the listings do not justify', (dir) => {
    const path = resolve(ROOT, '.output', dir, 'manifest.json');
    if (!existsSync(path)) return;
    const built = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    for (const file of Object.values(LISTINGS)) expect(justified(read(file), dir.startsWith('chrome') ? 'chrome' : 'firefox')).toEqual(expect.arrayContaining(asked(built)));
  });
});

describe("Firefox's data_collection_permissions", () => {
  it('are the categories PRIVACY.md declares', () => {
    const gecko = manifestFor('firefox').browser_specific_settings?.gecko?.data_collection_permissions;
    expect([...(gecko?.required ?? []), ...(gecko?.optional ?? [])].sort()).toEqual(declaredInPolicy().sort());
    for (const category of declaredInPolicy()) expect(CHROME_NAME[category], category).toBeDefined();
  });
});
