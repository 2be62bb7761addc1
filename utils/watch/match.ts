import { parseAmount, toUnits } from '../money/money';
import { describeVariant } from '../product/describe';
import type { ProductSnapshot } from '../product/snapshot';
import { pageAddress } from '../product/url';
import { isExpired } from './mandate';
import type { Watch } from './schema';

/** Ways the page read now can differ from what the watch was set on; any of them means notify, never buy. */
export type DifferenceKind = 'expired' | 'product' | 'variant' | 'currency' | 'stock' | 'no_price';

export interface Difference {
  kind: DifferenceKind;
  /** What the watch was set on, and what the page says now, in words. */
  watched: string;
  now: string;
}

export interface MatchResult {
  /** The price read now (per item), when the page states one that can be read. */
  price: string | null;
  /** The price is at or below the target. */
  atTarget: boolean;
  differences: Difference[];
}

/** Availability a page states for an item that cannot be bought now. */
const NOT_IN_STOCK = /out.?of.?stock|sold.?out|discontinued|unavailable|nicht.?verf[üu]gbar|ausverkauft/i;

const sameName = (a: string | null, b: string | null) => (a ?? '').replace(/\s+/g, ' ').trim().toLowerCase() === (b ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The product's own id, as the pages state it: its page address (variant parameters aside), and its GTIN or MPN when both name one. */
function sameProductId(watched: ProductSnapshot, now: ProductSnapshot): boolean {
  if (pageAddress(watched.url) !== pageAddress(now.url)) return false;
  if (watched.mpn && now.mpn && watched.mpn !== now.mpn) return false;
  return true;
}

/** The watched variant: its id when the watch has one, else its SKU; a watch set on no variant takes the page's. */
function sameVariant(watched: ProductSnapshot['variant'], now: ProductSnapshot['variant']): boolean {
  if (!watched || (!watched.id && !watched.sku)) return true;
  if (!now) return false;
  if (watched.id) return watched.id === now.id;
  return watched.sku === now.sku;
}

/**
 * Compares the page as read now with the watch: same product (name and id), the watched variant (id or SKU), same
 * currency, in stock where the page says, not expired; and whether the price is at or below the target.
 */
export function matchWatch(watch: Pick<Watch, 'product' | 'target' | 'until' | 'mandate'>, now: ProductSnapshot, at: number): MatchResult {
  const differences: Difference[] = [];
  const watched = watch.product;
  const parsed = now.price === null ? null : parseAmount(now.price);
  const price = parsed ? now.price : null;
  if (isExpired(watch, at)) differences.push({ kind: 'expired', watched: new Date(watch.until).toISOString(), now: new Date(at).toISOString() });
  if (!sameName(watched.name, now.name) || !sameProductId(watched, now)) {
    differences.push({ kind: 'product', watched: watched.name ?? watched.url, now: now.name ?? now.url });
  }
  if (!sameVariant(watched.variant, now.variant)) {
    differences.push({ kind: 'variant', watched: describeVariant(watched.variant), now: describeVariant(now.variant) });
  }
  if (now.currency !== watch.target.currency) differences.push({ kind: 'currency', watched: watch.target.currency, now: now.currency ?? '' });
  if (now.availability && NOT_IN_STOCK.test(now.availability)) differences.push({ kind: 'stock', watched: '', now: now.availability });
  if (!parsed) differences.push({ kind: 'no_price', watched: '', now: '' });
  const atTarget = parsed !== null && parsed.units <= toUnits(watch.target.amount);
  return { price, atTarget, differences };
}
