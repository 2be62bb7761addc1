import * as z from 'zod/mini';
import { moneySchema } from '../money/money';
import { productSnapshotSchema } from '../product/snapshot';

/** At most this many watches at once. */
export const MAX_WATCHES = 50;
/** Prices kept per watch for its chart (oldest dropped first). */
export const MAX_HISTORY = 60;

export const WATCH_STATUSES = ['watching', 'bought', 'expired', 'paused', 'cannot_read'] as const;
export type WatchStatus = (typeof WATCH_STATUSES)[number];

/**
 * What the user signed for "Buy automatically": this product and variant, this quantity, at most `ceiling` in all
 * (the target total plus the shipping and tax allowance), with this profile, until `until`, one purchase only.
 */
export const mandateSchema = z.object({
  ceiling: moneySchema,
  profileLabel: z.string().check(z.maxLength(100)),
  signedAt: z.number(),
  until: z.number(),
});
export type Mandate = z.infer<typeof mandateSchema>;

const pricePointSchema = z.object({ at: z.number(), price: z.nullable(z.string().check(z.regex(/^\d{1,9}(\.\d{1,4})?$/))) });
export type PricePoint = z.infer<typeof pricePointSchema>;

/** One price watch; parsed on every read. */
export const watchSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The product as it was when the watch was set (name, ids, variant, currency, page address). */
  product: productSnapshotSchema,
  /** Per item, in the product's currency. */
  target: moneySchema,
  quantity: z.int().check(z.minimum(1), z.maximum(99)),
  profileId: z.string().check(z.minLength(1), z.maxLength(64)),
  instructions: z.string().check(z.maxLength(2000)),
  mode: z.enum(['notify', 'buy']),
  /** Only with mode "buy". */
  mandate: z.nullable(mandateSchema),
  until: z.number(),
  status: z.enum(WATCH_STATUSES),
  createdAt: z.number(),
  nextCheckAt: z.number(),
  lastPrice: z.nullable(moneySchema),
  lastReadAt: z.nullable(z.number()),
  /** What differed at the last check, in words (shown and notified; never bought then). */
  lastNote: z.nullable(z.string().check(z.maxLength(1000))),
  history: z.array(pricePointSchema).check(z.maxLength(MAX_HISTORY)),
  /** The purchase this watch started (its id is the purchase's idempotency key): set in the write that claims it. */
  purchaseId: z.nullable(z.string().check(z.maxLength(64))),
  /** The price last notified as at or below the target: the same drop is not notified at every check. */
  notifiedPrice: z.nullable(z.string().check(z.maxLength(20))),
});
export type Watch = z.infer<typeof watchSchema>;

/** Per shop origin: when it was last asked, and until when it asked us to wait (429/Retry-After). */
const siteSchema = z.object({ lastRequestAt: z.number(), blockedUntil: z.number() });
export type SiteState = z.infer<typeof siteSchema>;

export const watchStateSchema = z.object({
  watches: z.array(watchSchema).check(z.maxLength(MAX_WATCHES)),
  sites: z.record(z.string().check(z.maxLength(300)), siteSchema),
});
export type WatchState = z.infer<typeof watchStateSchema>;

/** Statuses whose watch is still checked (a page that could not be read is tried again). */
export function isActive(watch: Pick<Watch, 'status'>): boolean {
  return watch.status === 'watching' || watch.status === 'cannot_read';
}
