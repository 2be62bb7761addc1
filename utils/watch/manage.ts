import { type Money, toUnits } from '../money/money';
import type { ProductSnapshot } from '../product/snapshot';
import type { Profile } from '../profiles/schema';
import type { Safety } from '../settings/settings';
import { t } from '../shared/i18n';
import { createMandate, untilBounds } from './mandate';
import { siteOf } from './schedule';
import { MAX_WATCHES, type Watch, type WatchState } from './schema';

export interface NewWatch {
  product: ProductSnapshot;
  target: Money;
  quantity: number;
  profileId: string;
  instructions: string;
  mode: 'notify' | 'buy';
  until: number;
}

export type CreateResult = { ok: true; watch: Watch } | { ok: false; message: string };

/**
 * A new watch from what the popup sent, checked again here: a page with a currency and an http(s) address, a
 * positive target in that currency, "Until" in the future and at most 90 days ahead, at most 50 watches, and for
 * "Buy automatically" the profile, and the mandate written from the limits' allowance as it is now.
 */
export function createWatch(state: WatchState, input: NewWatch, context: { profile: Profile | null; safety: Safety; now: number; id: string }): CreateResult {
  const { product, target, now } = { ...input, now: context.now };
  if (state.watches.length >= MAX_WATCHES) return { ok: false, message: t('watchTooMany', MAX_WATCHES) };
  if (!product.currency || siteOf({ product }) === null) return { ok: false, message: t('watchNeedsPrice') };
  if (target.currency !== product.currency || toUnits(target.amount) <= 0) return { ok: false, message: t('watchBadTarget') };
  if (input.until <= now || input.until > untilBounds(now).latest) return { ok: false, message: t('watchBadUntil') };
  if (!context.profile) return { ok: false, message: t('startNoProfile') };
  const mandate = input.mode === 'buy' ? createMandate({ target, quantity: input.quantity, until: input.until, profileLabel: context.profile.label, safety: context.safety, now }) : null;
  const watch: Watch = {
    id: context.id,
    product,
    target,
    quantity: input.quantity,
    profileId: context.profile.id,
    instructions: input.instructions,
    mode: input.mode,
    mandate,
    until: input.until,
    status: 'watching',
    createdAt: now,
    nextCheckAt: now,
    lastPrice: product.price ? { amount: product.price, currency: product.currency } : null,
    lastReadAt: now,
    lastNote: null,
    history: product.price ? [{ at: now, price: product.price }] : [],
    purchaseId: null,
    notifiedPrice: null,
  };
  return { ok: true, watch };
}

/** Pause or resume: a paused watch is not checked; resumed, it is checked at once (an ended one stays ended). */
export function setPaused(watch: Watch, paused: boolean, now: number): Watch {
  if (paused) return watch.status === 'watching' || watch.status === 'cannot_read' ? { ...watch, status: 'paused' } : watch;
  return watch.status === 'paused' ? { ...watch, status: 'watching', nextCheckAt: now } : watch;
}

/** Only a claim this recent is taken back: a purchase is recorded within moments of its claim. */
export const LOST_CLAIM_MS = 10 * 60_000;

/**
 * Watches whose claim was written ("bought", with the purchase's id) but whose purchase was never recorded — the
 * browser stopped the extension in between — bought nothing: they watch again, saying so. Any trace of the purchase
 * (`known`: records, readable or not, and the spend ledger) keeps a watch bought, as does a claim older than
 * `LOST_CLAIM_MS` (its record may have been cleared since). Null when nothing changes. Run only when no check is under way.
 */
export function releaseLostClaims(watches: readonly Watch[], known: ReadonlySet<string>, now: number, note: string): Watch[] | null {
  let changed = false;
  const next = watches.map((w) => {
    const lost = w.status === 'bought' && w.purchaseId !== null && !known.has(w.purchaseId) && w.lastReadAt !== null && now - w.lastReadAt < LOST_CLAIM_MS;
    if (!lost) return w;
    changed = true;
    return { ...w, status: 'watching' as const, purchaseId: null, notifiedPrice: null, lastNote: note };
  });
  return changed ? next : null;
}

/** The access pattern a watch asked for when it was saved: its shop's scheme and host, any port. */
export function sitePattern(watch: Pick<Watch, 'product'>): string | null {
  const site = siteOf(watch);
  if (!site) return null;
  const url = new URL(site);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * The site access to give back once a watch is deleted: its shop's pattern, unless another watch still reads that
 * site or a checkout service's address (`serviceUrls`) is on it. Null when it is to be kept.
 */
export function siteToRelease(deleted: Pick<Watch, 'product'>, remaining: readonly Pick<Watch, 'product'>[], serviceUrls: readonly string[]): string | null {
  const pattern = sitePattern(deleted);
  if (!pattern) return null;
  const patternOf = (url: string) => sitePattern({ product: { url } as Watch['product'] });
  if (remaining.some((w) => sitePattern(w) === pattern) || serviceUrls.some((url) => patternOf(url) === pattern)) return null;
  return pattern;
}
