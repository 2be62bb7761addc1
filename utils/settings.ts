import * as z from 'zod/mini';
import { t } from './i18n';
import { defineParsedItem } from './storage/parsedItem';
import { moneySchema } from './money';
import { DEFAULT_BASE_URL } from './smartcheckout/client';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Validates an API base URL: https, or plain http on this machine only (a local proxy or sandbox). */
export function checkBaseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return t('baseUrlNotUrl');
  }
  const loopback = LOOPBACK_HOSTS.includes(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && loopback) return null;
  return t('baseUrlNotHttps');
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
  apiKey: z.string().check(z.trim(), z.maxLength(500)),
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
