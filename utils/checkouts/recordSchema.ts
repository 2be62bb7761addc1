import * as z from 'zod/mini';
import { type Money, moneySchema } from '../money/money';
import { httpUrlSchema, productSnapshotSchema, productUrlSchema, variantSchema } from '../product/snapshot';
import { SERVICE_IDS } from '../services/registry';
import { readQuotedMoney } from '../services/reportedMoney';
import { receiptSchema } from './receiptSchema';
import { CHECKOUT_STATES, NOTIFICATION_EVENTS } from './states';

/** A purchase record as stored: every read is checked against it (`states.ts` names the states, `record.ts` says what views show). */
/** What remained of the daily and 30-day spending limits when a purchase started: the most it was allowed to spend for each. */
export const allowanceSchema = z.object({ daily: z.nullable(moneySchema), monthly: z.nullable(moneySchema) });

/** What the page offered: compared before sending, and shown old and new when it moved. */
export const offerSchema = z.object({
  // Read exactly as a snapshot's own fields: a view computes with the price, so an odd one must never get that far.
  url: productUrlSchema,
  price: productSnapshotSchema.shape.price,
  currency: productSnapshotSchema.shape.currency,
  variant: z.nullable(variantSchema),
  /** The variant in words, in the shop's order (storage does not keep the options' order). */
  label: z._default(z.string().check(z.maxLength(500)), ''),
});

/**
 * What the background needs to send a confirmed purchase itself, even after the worker restarts: the request as
 * confirmed, and the shop tab to read once more with the page's offer as the user saw it. Dropped once sent.
 */
export const confirmedRequestSchema = z.object({
  product: productSnapshotSchema,
  instructions: z.string().check(z.maxLength(2000)),
  hint: z.nullable(z.string().check(z.maxLength(2000))),
  order: z.optional(z.unknown()),
  tabId: z.nullable(z.int()),
  seen: z.nullable(offerSchema),
  /** The variant's option names in the shop's order (storage does not keep key order, and the prompt lists them in it). */
  optionOrder: z._default(z.array(z.string().check(z.maxLength(200))), []),
});

/** A stored quote as Money (normalised: older versions kept a service's "usd" as it came); null when it cannot be read. */
function readStoredQuote(raw: unknown): Money | null {
  const valid = moneySchema.safeParse(raw);
  if (valid.success) return valid.data;
  if (raw === null || typeof raw !== 'object') return null;
  const { amount, currency } = raw as { amount?: unknown; currency?: unknown };
  return readQuotedMoney(amount, currency);
}

export const checkoutRecordSchema = z.object({
  /** Our id for the purchase intent; also the Idempotency-Key sent with the POST. */
  id: z.string().check(z.minLength(1)),
  /** The checkout service (purchases recorded before there were several are Smartcheckout's). */
  service: z._default(z.enum(SERVICE_IDS), 'smartcheckout'),
  /** Identifies "the same purchase" for double-submission checks. */
  intent: z.string(),
  checkoutId: z.nullable(z.string()),
  /** Where the customer pays (checkout links). Its fragment may hold a secret: never shown, notified or exported. */
  checkoutUrl: z._default(z.nullable(httpUrlSchema), null),
  /** When the checkout link can no longer be paid, if the service said. */
  expiresAt: z._default(z.nullable(z.number()), null),
  /**
   * What the customer was to pay, as shown before creating (checkout links). Partly the service's words: read
   * leniently ("usd", 29, "29.125"), and null when unreadable, so an odd value never makes the record unreadable.
   */
  quoted: z._default(z.pipe(z.unknown(), z.transform(readStoredQuote)), null),
  /** What the checkout sells at the service, in words (e.g. the store product chosen), when not the page's product. */
  orderLabel: z._default(z.string(), ''),
  state: z.enum(CHECKOUT_STATES),
  /** The service's raw status string (may be a value the contract does not document). */
  serviceStatus: z.nullable(z.string()),
  product: z.object({
    url: productUrlSchema,
    name: z.nullable(z.string()),
    image: z.nullable(z.string()),
    price: z.nullable(z.string()),
    currency: z.nullable(z.string()),
  }),
  variant: z.nullable(variantSchema),
  /** The variant in words, in the order the shop lists its options (storage does not keep key order). */
  variantLabel: z.string(),
  quantity: z.int().check(z.minimum(1)),
  /** The price cap the purchase was made with; null when none was set. */
  maxPrice: z._default(z.nullable(moneySchema), null),
  /** The most the agent was told it may spend (the smallest of the cap and the remaining limits), per currency. */
  maxSpend: z._default(z.array(moneySchema), []),
  /** What remained of each spending limit at the start: what the purchase counts when its amount cannot be read. */
  allowance: z._default(allowanceSchema, { daily: null, monthly: null }),
  /**
   * The hold: the most the agent may spend on this purchase (sent as `max_price`), in the purchase's currency. It counts
   * against every limit in that currency until the purchase ends, then what was charged replaces it.
   */
  ceiling: z._default(z.nullable(moneySchema), null),
  /**
   * The service's order as it was sent, kept only for a service whose create is idempotent (`idempotentCreate`): a
   * create whose answer was lost is sent again with it, under the same key. Read with the adapter's schema again.
   */
  sentOrder: z.optional(z.unknown()),
  /** Set while `confirmed`: what to send once the page has been read again. */
  confirmedRequest: z._default(z.nullable(confirmedRequestSchema), null),
  /** `not_sent`: how the page's offer moved between the confirmation and sending. */
  drift: z._default(z.nullable(z.object({ before: offerSchema, after: offerSchema })), null),
  /** Something the user should know about how it was sent (the page could not be read again). */
  startNote: z._default(z.nullable(z.string().check(z.maxLength(500))), null),
  /** What the service said it bought, when it says (a product URL or name in its answer); compared with what was approved. */
  reportedProduct: z._default(z.nullable(z.object({ url: z.nullable(z.string()), name: z.nullable(z.string()) })), null),
  /** What the user approved, written at confirmation and never changed after; null for purchases recorded before receipts. */
  receipt: z._default(z.nullable(receiptSchema), null),
  profileId: z.string(),
  profileLabel: z.string(),
  prompt: z.string(),
  amount: z.nullable(z.string()),
  currency: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  /** The last problem talking to the service, shown while polling continues. */
  lastError: z.nullable(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** When polling began, or began again with "Check again" (the schedule counts from it). */
  pollingSince: z._default(z.nullable(z.number()), null),
  deadlineAt: z.number(),
  nextPollAt: z.nullable(z.number()),
  polls: z.int(),
  errorStreak: z.int(),
  /** False for a failure the user has not looked at yet (the toolbar badge shows it until they do). */
  seen: z._default(z.boolean(), true),
  /** A notification decided on but not yet confirmed shown; delivered again after a worker restart. */
  pendingNotification: z.nullable(z.enum(NOTIFICATION_EVENTS)),
  /** The cart order this purchase is one item of (the order's attempt id); absent or null for a purchase of its own. */
  orderId: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
  /** How many items the order has, and this item's place in it (0 first: it carries the order's notification). */
  orderSize: z.optional(z.nullable(z.int().check(z.minimum(1)))),
  orderIndex: z.optional(z.nullable(z.int().check(z.minimum(0)))),
  /** Notifications shown for this purchase, in order. */
  notifications: z.array(z.object({ event: z.enum(NOTIFICATION_EVENTS), title: z.string(), message: z.string(), at: z.number() })),
});
