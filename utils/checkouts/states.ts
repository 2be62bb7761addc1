/** The names a purchase record's state and notifications take: what the record, its schema and views share. */

/**
 * Where a purchase stands.
 * - confirmed: the user confirmed; recorded (and holding its ceiling) before the page is read again and anything is sent.
 *   Nothing has been sent yet, so a worker that dies here sends it when it starts again.
 * - not_sent: the page changed (price, currency or variant) between the confirmation and sending: nothing was sent.
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
  'confirmed',
  'not_sent',
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

/** `paid`, and `ended` for a checkout link that ended any other way (its state says how). */
/** `over_cap` is the alert for a completion past what was approved: above its ceiling, in another currency or of another product. */
/** `order`: a cart order ended (every item did); shown once, on the order's first item. */
export const NOTIFICATION_EVENTS = ['started', 'completed', 'over_cap', 'failed', 'outcome_unknown', 'stopped', 'paid', 'ended', 'not_sent', 'order'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
