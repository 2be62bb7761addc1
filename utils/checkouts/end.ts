import type { CheckoutReport } from '../services/types';
import { completionAlert } from './alert';
import type { CheckoutRecord, CheckoutStateName, NotificationEvent } from './record';
import { hasUnseen, updateCheckout, updateCheckouts } from './store';
import { deliver, type LifecycleState, update } from './lifecycleState';

/** Report outcomes that end a checkout, and the state each ends in. */
export const FINAL_OUTCOMES: Partial<Record<CheckoutReport['outcome'], CheckoutStateName>> = {
  completed: 'completed',
  failed: 'failed',
  paid: 'paid',
  expired: 'expired',
  cancelled: 'cancelled',
  voided: 'voided',
  refunded: 'refunded',
  reversed: 'reversed',
  disputed: 'disputed',
};

/** Ends a followed checkout in the final `state` its service reported, and tells the user. */
export async function finish(ctx: LifecycleState, id: string, report: CheckoutReport, state: CheckoutStateName): Promise<void> {
  const finished = await update(ctx, id, (r) => {
    if (r.state !== 'processing') return r;
    const next: CheckoutRecord = {
      ...r,
      state,
      serviceStatus: report.rawStatus,
      // A service that reports payment without an amount (a cart's status) was paid what it was created for.
      amount: report.amount ?? (state === 'paid' ? r.quoted?.amount ?? null : null),
      currency: report.amount ? report.currency : state === 'paid' ? r.quoted?.currency ?? null : null,
      notes: report.notes,
      reportedProduct: report.product ?? r.reportedProduct,
      lastError: null,
      nextPollAt: null,
      polls: r.polls + 1,
      seen: state !== 'failed',
    };
    const event: NotificationEvent =
      state === 'completed' ? (completionAlert(next) ? 'over_cap' : 'completed') : state === 'failed' ? 'failed' : state === 'paid' ? 'paid' : 'ended';
    return { ...next, pendingNotification: event };
  });
  // A notification that could not be shown stays pending and is shown at the next worker start.
  if (finished?.pendingNotification) await deliver(ctx, finished).catch(() => {});
}

/**
 * A confirmed purchase that is not sent: the page changed, what it needs is gone, or the service refused it
 * (`from` 'starting': certainly nothing created). The user is told and decides again.
 */
export async function endUnsent(ctx: LifecycleState, id: string, drift: CheckoutRecord['drift'], reason: string | null, from: 'confirmed' | 'starting' = 'confirmed'): Promise<null> {
  let moved = false;
  const ended = await update(ctx, id, (r) => {
    if (r.state !== from || r.checkoutId !== null) return r;
    moved = true;
    return { ...r, state: 'not_sent', drift, lastError: reason, nextPollAt: null, pendingNotification: 'not_sent' };
  });
  if (moved && ended) await deliver(ctx, ended).catch(() => {});
  return null;
}

/** A create whose answer was lost: the checkout may exist, so it is never sent again and the user is told. */
export async function markOutcomeUnknown(ctx: LifecycleState, id: string, reason: string) {
  const updated = await updateCheckout(id, (r) =>
    r.state !== 'starting' ? r : { ...r, state: 'outcome_unknown', lastError: reason, updatedAt: ctx.deps.now(), pendingNotification: 'outcome_unknown' },
  );
  if (updated?.pendingNotification) await deliver(ctx, updated);
  return updated;
}

/** The user has looked at their failed purchases (popup or history opened). */
export async function markSeen(): Promise<void> {
  // Usually nothing is unseen: then nothing is written, and no view has to read the purchases again.
  if (!(await hasUnseen())) return;
  await updateCheckouts((records) => ({ records: records.map((r) => (r.seen ? r : { ...r, seen: true })), result: null }));
}

/** The user checked a purchase whose outcome was unknown and marks it resolved. */
export async function resolve(ctx: LifecycleState, id: string): Promise<CheckoutRecord | null> {
  return update(ctx, id, (r) => (r.state === 'outcome_unknown' ? { ...r, state: 'resolved', pendingNotification: null } : r));
}
