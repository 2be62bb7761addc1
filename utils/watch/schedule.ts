import { isExpired } from './mandate';
import { isActive, type SiteState, type Watch, type WatchState } from './schema';

const MINUTE_MS = 60_000;

export interface WatchTiming {
  /** How often a watch is checked. */
  intervalMs: number;
  /** The least time between two requests to the same shop site. */
  siteSpacingMs: number;
}

/** The timing every store build uses: every 6 hours, at most one request per shop site per 30 minutes. */
export const STORE_TIMING: WatchTiming = { intervalMs: 6 * 60 * MINUTE_MS, siteSpacingMs: 30 * MINUTE_MS };
/** The most a shop's Retry-After is honoured for (a longer one waits this long, then asks again). */
export const MAX_RETRY_AFTER_MS = 24 * 60 * MINUTE_MS;

/** The shop site a watch reads (its page's origin); null when the address is not http(s). */
export function siteOf(watch: Pick<Watch, 'product'>): string | null {
  try {
    const url = new URL(watch.product.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** When a site may be asked again: after the spacing since its last request, and after any Retry-After it gave. */
export function siteFreeAt(site: SiteState | undefined, timing: WatchTiming): number {
  if (!site) return 0;
  return Math.max(site.lastRequestAt + timing.siteSpacingMs, site.blockedUntil);
}

/**
 * The watches to check now: active, not expired, due, and at most one per shop site, only where the site may be
 * asked again (spacing and Retry-After). The earliest due first.
 */
export function dueWatches(state: WatchState, now: number, timing: WatchTiming): Watch[] {
  const chosen = new Map<string, Watch>();
  const due = state.watches.filter((w) => isActive(w) && !isExpired(w, now) && w.nextCheckAt <= now).sort((a, b) => a.nextCheckAt - b.nextCheckAt);
  for (const watch of due) {
    const site = siteOf(watch);
    if (site === null || chosen.has(site) || siteFreeAt(state.sites[site], timing) > now) continue;
    chosen.set(site, watch);
  }
  return [...chosen.values()];
}

/** Watches whose time is over become "expired" (never checked or bought again); the others are kept as they are. */
export function expireWatches(watches: Watch[], now: number): { watches: Watch[]; expired: Watch[] } {
  const expired: Watch[] = [];
  const next = watches.map((w) => {
    if (!isActive(w) && w.status !== 'paused') return w;
    if (!isExpired(w, now)) return w;
    const ended: Watch = { ...w, status: 'expired' };
    expired.push(ended);
    return ended;
  });
  return { watches: next, expired };
}

/**
 * When the next check is due: the earliest of each active watch's next check, moved past its site's spacing and
 * Retry-After, and no later than its expiry (so it expires on time). Null when no watch is active: no alarm then.
 */
export function nextCheckAt(state: WatchState, now: number, timing: WatchTiming): number | null {
  let next: number | null = null;
  for (const watch of state.watches) {
    const site = siteOf(watch);
    // A page that is not http(s) is never fetched: it must not keep an alarm firing.
    if (!isActive(watch) || site === null) continue;
    const at = Math.min(watch.until, Math.max(watch.nextCheckAt, siteFreeAt(state.sites[site], timing)));
    next = next === null ? at : Math.min(next, at);
  }
  return next === null ? null : Math.max(next, now);
}

/**
 * How long a shop asked us to wait (`Retry-After`: seconds, or an HTTP date), at most a day; `fallback` when it
 * names no time it can be read as.
 */
export function retryAfterMs(header: string | null, now: number, fallback: number): number {
  const value = header?.trim() ?? '';
  if (/^\d{1,10}$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  const date = value ? Date.parse(value) : NaN;
  if (Number.isFinite(date)) return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
  return Math.min(fallback, MAX_RETRY_AFTER_MS);
}
