import { t } from '../shared/i18n';
import type { ProductSnapshot } from '../product/snapshot';
import { mayBuy } from './mandate';
import { type Difference, matchWatch } from './match';
import { dueWatches, expireWatches, nextCheckAt, retryAfterMs, siteFreeAt, siteOf, type WatchTiming } from './schedule';
import { isActive, MAX_HISTORY, type Watch, type WatchState } from './schema';
import { updateWatches } from './store';

/** What a check tells the user: the price reached (Notify me), bought, not bought and why, or the page cannot be read. */
export type WatchEvent = 'at_target' | 'bought' | 'differs' | 'not_bought' | 'cannot_read';

export interface FetchedPage {
  status: number;
  retryAfter: string | null;
  html: string | null;
}

export interface WatchDeps {
  now(): number;
  newId(): string;
  timing: WatchTiming;
  /** Fetches the page without cookies; throws when it cannot be reached. */
  fetchPage(url: string): Promise<FetchedPage>;
  /** Reads the product from the page's HTML with the detector; null when it states none that can be read. */
  readPage(html: string, url: string): Promise<ProductSnapshot | null>;
  /** Reads the page in a background tab the extension opens and closes: for a page whose price only its scripts state. */
  readInTab?(url: string): Promise<ProductSnapshot | null>;
  /** Starts the purchase under the watch's mandate, with `purchaseId` as its id and idempotency key. */
  buy(watch: Watch, product: ProductSnapshot, purchaseId: string): Promise<{ ok: true } | { ok: false; message: string }>;
  notify(watch: Watch, event: WatchEvent, detail: string): Promise<unknown>;
}

/** A difference in words, for the watch's note and its notification. */
export function describeDifference(difference: Difference): string {
  switch (difference.kind) {
    case 'expired':
      return t('watchDiffExpired');
    case 'product':
      return t('watchDiffProduct', difference.watched, difference.now);
    case 'variant':
      return t('watchDiffVariant', difference.watched || '—', difference.now || '—');
    case 'currency':
      return t('watchDiffCurrency', difference.watched, difference.now || '—');
    case 'stock':
      return t('watchDiffStock', difference.now);
    case 'no_price':
      return t('watchDiffNoPrice');
  }
}

/** Writes `change` to watch `id` (if it still exists); returns the watch as written. */
function patchWatch(id: string, change: (watch: Watch, state: WatchState) => Partial<Watch> | null): Promise<Watch | null> {
  return updateWatches((state) => {
    const watch = state.watches.find((w) => w.id === id);
    const patch = watch ? change(watch, state) : null;
    if (!watch || !patch) return { state: null, result: null };
    const next = { ...watch, ...patch };
    return { state: { ...state, watches: state.watches.map((w) => (w.id === id ? next : w)) }, result: next };
  });
}

/**
 * Checks what is due (or, with `onlyId`, that watch now, "Check now": still honouring the site's Retry-After):
 * expires what is over, claims at most one watch per site in one write (its next check and the site's request
 * time), then reads each page and acts. Returns when the next check is due (null: no watch active, no alarm).
 */
export async function checkWatches(deps: WatchDeps, onlyId: string | null = null): Promise<number | null> {
  const now = deps.now();
  const claimed = await updateWatches((state) => {
    const { watches } = expireWatches(state.watches, now);
    // "Check now" skips the wait between requests, never a site's Retry-After.
    const checkNow = (w: Watch) => {
      const site = siteOf(w);
      return w.id === onlyId && isActive(w) && site !== null && (state.sites[site]?.blockedUntil ?? 0) <= now;
    };
    const due = onlyId ? watches.filter(checkNow) : dueWatches({ ...state, watches }, now, deps.timing);
    const sites = { ...state.sites };
    for (const watch of due) {
      const site = siteOf(watch)!;
      sites[site] = { lastRequestAt: now, blockedUntil: sites[site]?.blockedUntil ?? 0 };
    }
    const ids = new Set(due.map((w) => w.id));
    const next = watches.map((w) => (ids.has(w.id) ? { ...w, nextCheckAt: now + deps.timing.intervalMs } : w));
    return { state: { watches: next, sites }, result: due };
  });
  for (const watch of claimed) await checkOne(deps, watch).catch(() => {});
  return updateWatches((state) => ({ state: null, result: nextCheckAt(state, deps.now(), deps.timing) }));
}

async function checkOne(deps: WatchDeps, watch: Watch): Promise<void> {
  const now = deps.now();
  let page: FetchedPage | null = null;
  try {
    page = await deps.fetchPage(watch.product.url);
  } catch {
    // Not reached (offline, the shop is down): said on the watch, tried again at the next check.
  }
  if (page && (page.status === 429 || page.status === 503)) {
    const waitMs = retryAfterMs(page.retryAfter, now, deps.timing.intervalMs);
    await updateWatches((state) => {
      const site = siteOf(watch)!;
      const blockedUntil = now + waitMs;
      const sites = { ...state.sites, [site]: { lastRequestAt: now, blockedUntil } };
      const watches = state.watches.map((w) => (w.id === watch.id ? { ...w, nextCheckAt: Math.max(w.nextCheckAt, siteFreeAt(sites[site], deps.timing)) } : w));
      return { state: { watches, sites }, result: null };
    });
    return;
  }
  const html = page && page.status >= 200 && page.status < 300 ? page.html : null;
  let product = html !== null ? await deps.readPage(html, watch.product.url).catch(() => null) : null;
  // A page that states no price without its scripts: read once more as a tab shows it.
  if (html !== null && (!product || product.price === null) && deps.readInTab) product = await deps.readInTab(watch.product.url).catch(() => null);
  // No product, or one without a price: nothing to compare, so nothing is bought until it can be read again.
  if (!product || product.price === null) {
    const note = t('watchCannotRead');
    const written = await patchWatch(watch.id, (w) => (isActive(w) ? { status: 'cannot_read', lastNote: note, lastReadAt: now } : null));
    if (written && watch.status !== 'cannot_read') await deps.notify(written, 'cannot_read', note);
    return;
  }
  const match = matchWatch(watch, product, now);
  const point = { at: now, price: match.price };
  const note = match.differences.map(describeDifference).join(' ') || null;
  const read = await patchWatch(watch.id, (w) => (!isActive(w) ? null : {
    status: 'watching',
    lastPrice: match.price && product.currency ? { amount: match.price, currency: product.currency } : null,
    lastReadAt: now,
    lastNote: note,
    history: [...w.history, point].slice(-MAX_HISTORY),
    // Above the target again: the next drop is news.
    notifiedPrice: match.atTarget ? w.notifiedPrice : null,
  }));
  if (!read || !match.atTarget || read.notifiedPrice === match.price) return;
  const notified = () => patchWatch(watch.id, () => ({ notifiedPrice: match.price }));
  if (match.differences.length) {
    await notified();
    await deps.notify(read, 'differs', note ?? '');
    return;
  }
  if (read.mode === 'notify') {
    await notified();
    await deps.notify(read, 'at_target', '');
    return;
  }
  await buyOnce(deps, read, product);
}

/**
 * Buys once: the watch is written "bought" with the purchase's id in the same write that claims it, so a worker
 * stopped at any point never buys twice; a purchase refused before anything was sent (a limit, the service)
 * gives the claim back and says why.
 */
async function buyOnce(deps: WatchDeps, watch: Watch, product: ProductSnapshot): Promise<void> {
  const purchaseId = deps.newId();
  const claimed = await patchWatch(watch.id, (w) => (mayBuy(w, deps.now()) ? { status: 'bought', purchaseId, notifiedPrice: product.price } : null));
  if (!claimed) return;
  const result = await deps.buy(claimed, product, purchaseId).catch(() => ({ ok: false as const, message: t('watchBuyFailed') }));
  if (result.ok) {
    await deps.notify(claimed, 'bought', '');
    return;
  }
  const back = await patchWatch(watch.id, (w) => (w.purchaseId === purchaseId ? { status: 'watching', purchaseId: null, lastNote: result.message } : null));
  await deps.notify(back ?? claimed, 'not_bought', result.message);
}
