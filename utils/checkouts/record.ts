import type * as z from 'zod/mini';
import { t } from '../shared/i18n';
import { serviceOf } from '../services/registry';
import type { allowanceSchema, checkoutRecordSchema } from './recordSchema';
import type { CheckoutStateName } from './states';

export { CHECKOUT_STATES, type CheckoutStateName, NOTIFICATION_EVENTS, type NotificationEvent } from './states';

/** States in which the background keeps polling. */
export const POLLING_STATES: readonly CheckoutStateName[] = ['processing'];

/** Final states of a checkout link. */
export const LINK_END_STATES: readonly CheckoutStateName[] = ['paid', 'expired', 'cancelled', 'voided', 'refunded', 'reversed', 'disputed'];

export type Allowance = z.infer<typeof allowanceSchema>;
export type CheckoutRecord = z.infer<typeof checkoutRecordSchema>;

/** Longest text kept per field: whatever the service or a page sends, a record stays small. */
const TEXT_LIMITS = { name: 300, variantLabel: 500, profileLabel: 120, prompt: 8000, notes: 2000, lastError: 500, serviceStatus: 80, amount: 60, currency: 16, title: 200, message: 1000 };
/** Notifications kept per purchase (each event is shown once, so this is only reached by a misbehaving service). */
const MAX_NOTIFICATIONS = 20;

const cap = <T extends string | null>(value: T, max: number): T => (value !== null && value.length > max ? (value.slice(0, max) as T) : value);

/**
 * The bookkeeping of a record just written, before anything was sent or reported: nothing charged, polled, noted or
 * notified yet; created and updated `now`, followed until `deadlineAt`.
 */
export function freshBookkeeping(now: number, deadlineAt: number) {
  return {
    checkoutId: null,
    checkoutUrl: null,
    expiresAt: null,
    serviceStatus: null,
    drift: null,
    startNote: null,
    reportedProduct: null,
    sentOrder: null,
    amount: null,
    currency: null,
    notes: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    pollingSince: null,
    deadlineAt,
    nextPollAt: null,
    polls: 0,
    errorStreak: 0,
    pendingNotification: null,
    notifications: [],
    seen: true,
  } satisfies Partial<CheckoutRecord>;
}

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
  return record.state === 'completed' || record.state === 'failed' || record.state === 'not_sent' || LINK_END_STATES.includes(record.state);
}

/** True for a record of a checkout-link service (the customer pays; no spending limit applies). */
export function isLink(record: Pick<CheckoutRecord, 'service'>): boolean {
  return serviceOf(record.service).kind === 'link';
}

/** Words for a state, as the popup and history show it. */
export function describeState(record: CheckoutRecord): string {
  const link = isLink(record);
  switch (record.state) {
    case 'confirmed':
      return t('stateConfirmed');
    case 'not_sent':
      return record.drift || !record.lastError ? t('stateNotSent') : t('stateNotSentReason', record.lastError);
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
