import * as z from 'zod/mini';
import { t } from '../i18n';
import { moneySchema } from '../money';
import { httpUrlSchema, variantSchema } from '../product/snapshot';

/**
 * Where a purchase stands.
 * - starting: written before the POST; if the worker dies here, the outcome is unknown.
 * - processing: the service accepted it; we are polling.
 * - completed / failed: final, as the service reported.
 * - outcome_unknown: the POST may or may not have started a purchase; never re-posted automatically.
 * - not_found: the service does not know the checkout id (404); polling stopped.
 * - stopped: still processing when we stopped checking (deadline); "Check again" resumes.
 * - resolved: the user checked an unknown outcome themselves and marked it resolved.
 */
export const CHECKOUT_STATES = ['starting', 'processing', 'completed', 'failed', 'outcome_unknown', 'not_found', 'stopped', 'resolved'] as const;
export type CheckoutStateName = (typeof CHECKOUT_STATES)[number];

/** States in which the background keeps polling. */
export const POLLING_STATES: readonly CheckoutStateName[] = ['processing'];

export const NOTIFICATION_EVENTS = ['started', 'completed', 'over_cap', 'failed', 'outcome_unknown', 'stopped'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** What remained of the daily and 30-day spending limits when a purchase started: the most it was allowed to spend for each. */
export const allowanceSchema = z.object({ daily: z.nullable(moneySchema), monthly: z.nullable(moneySchema) });
export type Allowance = z.infer<typeof allowanceSchema>;

export const checkoutRecordSchema = z.object({
  /** Our id for the purchase intent; also the Idempotency-Key sent with the POST. */
  id: z.string().check(z.minLength(1)),
  /** Identifies "the same purchase" for double-submission checks. */
  intent: z.string(),
  checkoutId: z.nullable(z.string()),
  state: z.enum(CHECKOUT_STATES),
  /** The service's raw status string (may be a value the contract does not document). */
  serviceStatus: z.nullable(z.string()),
  product: z.object({
    url: httpUrlSchema,
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
  deadlineAt: z.number(),
  nextPollAt: z.nullable(z.number()),
  polls: z.int(),
  errorStreak: z.int(),
  /** False for a failure the user has not looked at yet (the toolbar badge shows it until they do). */
  seen: z._default(z.boolean(), true),
  /** A notification decided on but not yet confirmed shown; delivered again after a worker restart. */
  pendingNotification: z.nullable(z.enum(NOTIFICATION_EVENTS)),
  /** Notifications shown for this purchase, in order. */
  notifications: z.array(z.object({ event: z.enum(NOTIFICATION_EVENTS), title: z.string(), message: z.string(), at: z.number() })),
});
export type CheckoutRecord = z.infer<typeof checkoutRecordSchema>;

/** Longest text kept per field: whatever the service or a page sends, a record stays small. */
const TEXT_LIMITS = { name: 300, variantLabel: 500, profileLabel: 120, prompt: 8000, notes: 2000, lastError: 500, serviceStatus: 80, amount: 60, currency: 16, title: 200, message: 1000 };
/** Notifications kept per purchase (each event is shown once, so this is only reached by a misbehaving service). */
const MAX_NOTIFICATIONS = 20;

const cap = <T extends string | null>(value: T, max: number): T => (value !== null && value.length > max ? (value.slice(0, max) as T) : value);

/** The record with every text field cut to its limit; applied on every write. */
export function capRecordText(record: CheckoutRecord): CheckoutRecord {
  return {
    ...record,
    product: { ...record.product, name: cap(record.product.name, TEXT_LIMITS.name) },
    variantLabel: cap(record.variantLabel, TEXT_LIMITS.variantLabel),
    profileLabel: cap(record.profileLabel, TEXT_LIMITS.profileLabel),
    prompt: cap(record.prompt, TEXT_LIMITS.prompt),
    notes: cap(record.notes, TEXT_LIMITS.notes),
    lastError: cap(record.lastError, TEXT_LIMITS.lastError),
    serviceStatus: cap(record.serviceStatus, TEXT_LIMITS.serviceStatus),
    amount: cap(record.amount, TEXT_LIMITS.amount),
    currency: cap(record.currency, TEXT_LIMITS.currency),
    notifications: record.notifications
      .slice(-MAX_NOTIFICATIONS)
      .map((n) => ({ ...n, title: cap(n.title, TEXT_LIMITS.title), message: cap(n.message, TEXT_LIMITS.message) })),
  };
}

export function isFinal(record: CheckoutRecord): boolean {
  return record.state === 'completed' || record.state === 'failed';
}

/** Words for a state, as the popup and history show it. */
export function describeState(record: CheckoutRecord): string {
  switch (record.state) {
    case 'starting':
      return t('stateStarting');
    case 'processing':
      return record.serviceStatus && record.serviceStatus !== 'processing' ? t('stateProcessingStatus', record.serviceStatus) : t('stateProcessing');
    case 'completed':
      return record.amount ? t('stateCompletedAmount', formatMoney(record.amount, record.currency)) : t('stateCompleted');
    case 'failed':
      return record.notes ? t('stateFailedNotes', record.notes) : t('stateFailed');
    case 'outcome_unknown':
      return t('stateOutcomeUnknown');
    case 'not_found':
      return t('stateNotFound');
    case 'stopped':
      return t('stateStopped');
    case 'resolved':
      return t('stateResolved');
  }
}

export function formatMoney(amount: string, currency: string | null): string {
  return currency ? `${amount} ${currency}` : amount;
}
