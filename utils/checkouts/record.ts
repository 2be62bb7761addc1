import * as z from 'zod/mini';
import { t } from '../i18n';
import { moneySchema } from '../money';
import { httpUrlSchema, productUrlSchema, variantSchema } from '../product/snapshot';
import { isSimulated, SERVICE_IDS, serviceOf } from '../services/registry';

/**
 * Where a purchase stands.
 * - starting: written before the POST; if the worker dies here, the outcome is unknown.
 * - processing: the service accepted it; we are polling.
 * - completed / failed: final, as the service reported.
 * - outcome_unknown: the POST may or may not have started a purchase; never re-posted automatically.
 * - not_found: the service does not know the checkout id (404); polling stopped.
 * - stopped: still processing when we stopped checking (deadline); "Check again" resumes.
 * - resolved: the user checked an unknown outcome themselves and marked it resolved.
 * Checkout links use `starting`, `processing` (waiting for payment), `stopped` (no longer followed) and end as:
 * - paid; expired; cancelled; voided (cancelled or expired: the service does not say which);
 *   refunded, reversed (chargeback lost) or disputed, when the service reports those first.
 */
export const CHECKOUT_STATES = [
  'starting',
  'processing',
  'completed',
  'failed',
  'outcome_unknown',
  'not_found',
  'stopped',
  'resolved',
  'paid',
  'expired',
  'cancelled',
  'voided',
  'refunded',
  'reversed',
  'disputed',
] as const;
export type CheckoutStateName = (typeof CHECKOUT_STATES)[number];

/** States in which the background keeps polling. */
export const POLLING_STATES: readonly CheckoutStateName[] = ['processing'];

/** Final states of a checkout link. */
export const LINK_END_STATES: readonly CheckoutStateName[] = ['paid', 'expired', 'cancelled', 'voided', 'refunded', 'reversed', 'disputed'];

/** `paid`, and `ended` for a checkout link that ended any other way (its state says how). */
export const NOTIFICATION_EVENTS = ['started', 'completed', 'over_cap', 'failed', 'outcome_unknown', 'stopped', 'paid', 'ended'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** What remained of the daily and 30-day spending limits when a purchase started: the most it was allowed to spend for each. */
export const allowanceSchema = z.object({ daily: z.nullable(moneySchema), monthly: z.nullable(moneySchema) });
export type Allowance = z.infer<typeof allowanceSchema>;

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
  /** What the customer was to pay, as shown before creating (checkout links). */
  quoted: z._default(z.nullable(moneySchema), null),
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
  return record.state === 'completed' || record.state === 'failed' || LINK_END_STATES.includes(record.state);
}

/** True for a record of a checkout-link service (the customer pays; no spending limit applies). */
export function isLink(record: Pick<CheckoutRecord, 'service'>): boolean {
  return serviceOf(record.service).kind === 'link';
}

/** Words for a state, as the popup and history show it. */
export function describeState(record: CheckoutRecord): string {
  const link = isLink(record);
  switch (record.state) {
    case 'starting':
      return link ? t('stateLinkStarting') : t('stateStarting');
    case 'processing':
      if (link) return describeWaiting(record.serviceStatus);
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
      return link ? t('stateLinkStopped') : t('stateStopped');
    case 'resolved':
      return t('stateResolved');
    case 'paid':
      return record.amount ? t('statePaidAmount', formatMoney(record.amount, record.currency)) : t('statePaid');
    case 'expired':
      return t('stateExpired');
    case 'cancelled':
      return t('stateCancelled');
    case 'voided':
      return t('stateVoided');
    case 'refunded':
      return t('stateRefunded');
    case 'reversed':
      return t('stateReversed');
    case 'disputed':
      return t('stateDisputed');
  }
}

/** "Waiting for payment", with what the service added (a crypto payment waiting for confirmations, a status we do not know). */
function describeWaiting(serviceStatus: string | null): string {
  const detail = serviceStatus ? WAITING_DETAILS[serviceStatus.toUpperCase()] : undefined;
  if (detail) return t('stateWaitingDetail', t(detail));
  if (!serviceStatus || KNOWN_WAITING.has(serviceStatus.toUpperCase())) return t('stateWaiting');
  return t('stateWaitingStatus', serviceStatus);
}

const WAITING_DETAILS: Record<string, 'waitingConfirmations' | 'waitingPartial' | 'waitingProcessing'> = {
  WAITING_FOR_CONFIRMATIONS: 'waitingConfirmations',
  PARTIAL: 'waitingPartial',
  PROCESSING: 'waitingProcessing',
};
const KNOWN_WAITING = new Set(['PENDING', 'IN_PROGRESS', 'OPEN']);

export function formatMoney(amount: string, currency: string | null): string {
  return currency ? `${amount} ${currency}` : amount;
}

/** A checkout link as it may be shown: without its fragment, which may hold a customer token. */
export function maskedLink(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : `${url.slice(0, hash)}#…`;
}

/** What a checkout is for, in words: the service's item when it names one, else the page's product. */
export function checkoutName(record: Pick<CheckoutRecord, 'orderLabel' | 'product'>): string {
  return record.orderLabel || record.product.name || record.product.url;
}
