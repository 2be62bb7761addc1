// zod/mini pieces the services' response schemas share. Unknown extra fields are ignored (zod strips them).
import * as z from 'zod/mini';

export const nonEmptyString = () => z.string().check(z.minLength(1));

/** An optional string: absent, null or empty all become null. */
export const optionalString = () =>
  z.pipe(
    z.nullish(z.unknown()),
    z.transform((value) => (typeof value === 'string' && value.trim() ? value : null)),
  );

/** True for an absolute http(s) URL (what the extension may open in a tab). */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Longest URL a checkout record keeps (its schema refuses longer ones). */
const MAX_URL_LENGTH = 4000;

/** A URL the buyer is sent to: only http(s), never `javascript:` or `data:`, and no longer than a record keeps. */
export const optionalHttpUrl = () =>
  z.pipe(
    z.nullish(z.unknown()),
    z.transform((value) => (typeof value === 'string' && value.length <= MAX_URL_LENGTH && isHttpUrl(value) ? value : null)),
  );

/** A time as milliseconds since the epoch: unix seconds, milliseconds, an ISO string or a numeric string; else null. */
export function timeToMs(value: unknown): number | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return timeToMs(Number(trimmed));
    const parsed = Date.parse(trimmed);
    return Number.isNaN(parsed) ? null : parsed;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  // Unix seconds stay below 1e11 until the year 5138; milliseconds are above it since 1973.
  return value < 1e11 ? Math.round(value * 1000) : Math.round(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Caps a service's message so a huge error page never floods the interface. */
export function clip(text: string, max = 500): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}
