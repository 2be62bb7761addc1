import * as z from 'zod/mini';
import { isLoopbackHost } from './hostAccess';
import { t } from '../shared/i18n';
import { defineParsedItem } from '../storage/parsedItem';
import { withoutSecrets } from '../storage/redact';
import { moneySchema } from '../money/money';
import { SERVICE_IDS, type ServiceId } from '../services/registry';

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

const baseUrlSchema = z.pipe(
  z.string().check(z.refine((value) => checkBaseUrl(value) === null, 'Invalid API base URL')),
  z.transform(normaliseBaseUrl),
);
const apiKeySchema = z.pipe(z.string().check(z.maxLength(500)), z.transform(cleanApiKey));

/** One checkout service's connection as the user saved it. */
export const serviceSettingsSchema = z.object({
  apiKey: apiKeySchema,
  /** The base URL the user typed; null means the service's documented base (for some services it follows the key). */
  apiBaseUrl: z._default(z.nullable(baseUrlSchema), null),
  /** Keep the key in session storage only, so it is forgotten when the browser closes. */
  forgetOnClose: z._default(z.boolean(), false),
  /** Where the service's hosted checkout page lives, for services whose checkout link the extension builds. */
  checkoutUrl: z._default(z.nullable(baseUrlSchema), null),
  /** Switched on (a simulated service such as the demo, which needs no key). */
  enabled: z.optional(z.boolean()),
});
export type ServiceSettings = z.infer<typeof serviceSettingsSchema>;

export const EMPTY_SERVICE: ServiceSettings = { apiKey: '', apiBaseUrl: null, forgetOnClose: false, checkoutUrl: null };

/**
 * What a purchase with a known price may cost beyond its listed total (shipping, tax): a percentage of the total,
 * but at least `minimum` in the limits' currency when the purchase is in that currency (shipping often costs more
 * than a percentage of a cheap item).
 */
export const shippingAllowanceSchema = z.object({
  percent: z.number().check(z.minimum(0), z.maximum(500)),
  minimum: z.string().check(z.regex(/^\d{1,9}(\.\d{1,4})?$/)),
});
export type ShippingAllowance = z.infer<typeof shippingAllowanceSchema>;
export const DEFAULT_SHIPPING_ALLOWANCE: ShippingAllowance = { percent: 30, minimum: '15' };

export const safetySchema = z.object({
  /** Ask for an explicit confirmation before every purchase. */
  confirmEachPurchase: z.boolean(),
  /** Maximum price × quantity of one purchase; also told to the agent. */
  maxPrice: z.nullable(moneySchema),
  /** Spending since local midnight. */
  dailyLimit: z.nullable(moneySchema),
  /** Spending over the last 30 days. */
  monthlyLimit: z.nullable(moneySchema),
  /** "Allowance for shipping and tax": how far above its total a purchase's ceiling goes. */
  shippingAllowance: z._default(shippingAllowanceSchema, DEFAULT_SHIPPING_ALLOWANCE),
});
export type Safety = z.infer<typeof safetySchema>;

export const DEFAULT_SAFETY: Safety = { confirmEachPurchase: true, maxPrice: null, dailyLimit: null, monthlyLimit: null, shippingAllowance: DEFAULT_SHIPPING_ALLOWANCE };

/** The currency the limits are set in (the daily limit's, else the 30-day limit's, else the cap's); USD when none is set. */
export function limitsCurrency(safety: Pick<Safety, 'dailyLimit' | 'monthlyLimit' | 'maxPrice'>): string {
  return (safety.dailyLimit ?? safety.monthlyLimit ?? safety.maxPrice)?.currency ?? 'USD';
}

const servicesSchema = z.object(
  Object.fromEntries(SERVICE_IDS.map((id) => [id, z._default(serviceSettingsSchema, EMPTY_SERVICE)])) as Record<ServiceId, z.ZodMiniDefault<typeof serviceSettingsSchema>>,
);

export const settingsSchema = z.object({
  services: servicesSchema,
  /** The service the popup preselects (among connected ones). */
  defaultService: z._default(z.nullable(z.enum(SERVICE_IDS)), null),
  safety: safetySchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return {
    services: Object.fromEntries(SERVICE_IDS.map((id) => [id, EMPTY_SERVICE])) as Settings['services'],
    defaultService: null,
    safety: DEFAULT_SAFETY,
  };
}

export const SETTINGS_MIGRATIONS = {
  /** v2 adds the safety settings; confirmation starts on, no limits. */
  2: (v1: { apiBaseUrl?: unknown; apiKey?: unknown }) => ({ ...v1, safety: DEFAULT_SAFETY }),
  /** v3 holds one connection per checkout service; the single Smartcheckout connection becomes its entry. */
  3: (v2: { apiBaseUrl?: unknown; apiKey?: unknown; safety?: unknown }) => {
    const apiKey = typeof v2.apiKey === 'string' ? v2.apiKey : '';
    const typed = typeof v2.apiBaseUrl === 'string' && normalisedOrNull(v2.apiBaseUrl);
    const apiBaseUrl = typed && typed !== 'https://api.smartcheckout.dev' ? typed : null;
    return {
      services: { smartcheckout: { apiKey, apiBaseUrl, forgetOnClose: false, checkoutUrl: null } },
      defaultService: apiKey ? 'smartcheckout' : null,
      safety: v2.safety,
    };
  },
};

function normalisedOrNull(value: string): string | null {
  try {
    return normaliseBaseUrl(value);
  } catch {
    return null;
  }
}

/** Checkout services and safety settings. `storage.local` only: keys never sync to other devices. */
export const settingsStorage = defineParsedItem('local:settings', {
  schema: settingsSchema,
  fallback: defaultSettings,
  version: 3,
  migrations: SETTINGS_MIGRATIONS,
  // A corrupt copy is kept for the user, never with an API key in it.
  redact: withoutSecrets,
});
