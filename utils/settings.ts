import { z } from 'zod';
import { defineParsedItem } from './storage/parsedItem';
import { DEFAULT_BASE_URL } from './smartcheckout/client';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Validates an API base URL: https, or plain http on this machine only (a local proxy or sandbox). */
export function checkBaseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'API base URL must be a full URL, like https://api.smartcheckout.dev';
  }
  const loopback = LOOPBACK_HOSTS.includes(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && loopback) return null;
  return 'API base URL must use https:// (plain http:// is allowed only for localhost)';
}

/** Base URL as stored: trimmed, without trailing slashes, query or fragment. */
export function normaliseBaseUrl(value: string): string {
  const url = new URL(value.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export const settingsSchema = z.object({
  apiBaseUrl: z
    .string()
    .refine((value) => checkBaseUrl(value) === null, 'Invalid API base URL')
    .transform(normaliseBaseUrl),
  apiKey: z.string().trim().max(500),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Connection settings. `storage.local` only: the API key never syncs to other devices. */
export const settingsStorage = defineParsedItem('local:settings', {
  schema: settingsSchema,
  fallback: () => ({ apiBaseUrl: DEFAULT_BASE_URL, apiKey: '' }),
  version: 1,
});
