import * as z from 'zod/mini';
import { isLoopbackHost } from './hostAccess';
import { t } from './i18n';
import { defineParsedItem } from './storage/parsedItem';
import { moneySchema } from './money';
import { DEFAULT_BASE_URL } from './smartcheckout/client';

/** Validates an API base URL: https, or plain http on this machine only (a local proxy or sandbox). */
export function checkBaseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return t('baseUrlNotUrl');
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return t('baseUrlNotHttps');
}

/**
 * An API key as pasted: whitespace, line breaks and invisible characters (zero-width, BOM, bidi and other
 * format characters, controls) removed wherever they are. Keys never contain them, and a request carrying
 * one would fail in ways that look like an unknown outcome.
 */
export function cleanApiKey(value: string): string {
  return value.replace(/[\s\p{Cc}\p{Cf}\u{e0000}-\u{e007f}]/gu, '');
}

/** Base URL as stored: trimmed, without trailing slashes, query or fragment. */
export function normaliseBaseUrl(value: string): string {
  const url = new URL(value.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export const safetySchema = z.object({
  /** Ask for an explicit confirmation before every purchase. */
  confirmEachPurchase: z.boolean(),
  /** Maximum price × quantity of one purchase; also told to the agent. */
  maxPrice: z.nullable(moneySchema),
  /** Spending since local midnight. */
  dailyLimit: z.nullable(moneySchema),
  /** Spending over the last 30 days. */
  monthlyLimit: z.nullable(moneySchema),
});
export type Safety = z.infer<typeof safetySchema>;

export const DEFAULT_SAFETY: Safety = { confirmEachPurchase: true, maxPrice: null, dailyLimit: null, monthlyLimit: null };

export const settingsSchema = z.object({
  apiBaseUrl: z.pipe(
    z.string().check(z.refine((value) => checkBaseUrl(value) === null, 'Invalid API base URL')),
    z.transform(normaliseBaseUrl),
  ),
  // Cleaned on every read and write, so a key saved by an older version with a stray character works too.
  apiKey: z.pipe(z.string().check(z.maxLength(500)), z.transform(cleanApiKey)),
  safety: safetySchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_MIGRATIONS = {
  /** v2 adds the safety settings; confirmation starts on, no limits. */
  2: (v1: { apiBaseUrl?: unknown; apiKey?: unknown }) => ({ ...v1, safety: DEFAULT_SAFETY }),
};

/** Connection and safety settings. `storage.local` only: the API key never syncs to other devices. */
export const settingsStorage = defineParsedItem('local:settings', {
  schema: settingsSchema,
  fallback: () => ({ apiBaseUrl: DEFAULT_BASE_URL, apiKey: '', safety: DEFAULT_SAFETY }),
  version: 2,
  migrations: SETTINGS_MIGRATIONS,
});
