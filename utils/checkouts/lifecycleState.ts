import type { CheckoutRecord, NotificationEvent } from './record';
import { foldIntoOrder, itemsOf } from './orderEnd';
import { readCheckouts, updateCheckout } from './store';
import type { LifecycleDeps } from './lifecycleTypes';
import { errorBackoffMs } from './lifecycleRules';

/** What the lifecycle's chapters share: its dependencies and what one worker keeps in memory about its checkouts. */
export interface LifecycleState {
  deps: LifecycleDeps;
  /** Checkouts being created right now (never sent twice by one worker). */
  postsInFlight: Set<string>;
  pollsInFlight: Set<string>;
  /** Records whose pending notification is being shown. */
  deliveries: Set<string>;
  /** Checkouts whose last save failed: not polled again before `until`. */
  holds: Map<string, { streak: number; until: number }>;
  /** Changes the service already made true that storage refused to save; saved again before polling. */
  unsaved: Map<string, (r: CheckoutRecord) => CheckoutRecord>;
}

/** A fresh shared state for one lifecycle (one per worker). */
export function createLifecycleState(deps: LifecycleDeps): LifecycleState {
  return { deps, postsInFlight: new Set(), pollsInFlight: new Set(), deliveries: new Set(), holds: new Map(), unsaved: new Map() };
}

/** Writes a change to one record, stamped with the time, then lets the schedule know. */
export function update(ctx: LifecycleState, id: string, change: (r: CheckoutRecord) => CheckoutRecord) {
  const result = updateCheckout(id, (r) => ({ ...change(r), updatedAt: ctx.deps.now() }));
  return result.finally(() => ctx.deps.onScheduleChange());
}

/** Shows a pending notification, then records it as shown. */
export async function deliver(ctx: LifecycleState, record: CheckoutRecord): Promise<void> {
  const event = record.pendingNotification;
  if (!event || ctx.deliveries.has(record.id)) return;
  if (record.orderId && event !== 'order') return deliverOrderItem(ctx, record, event);
  ctx.deliveries.add(record.id);
  try {
    const shown = event === 'order' ? await notifyOrder(ctx, record) : await ctx.deps.notify(record, event);
    await updateCheckout(record.id, (r) =>
      r.pendingNotification !== event ? r : { ...r, pendingNotification: null, notifications: [...r.notifications, { event, ...shown, at: ctx.deps.now() }] },
    );
  } finally {
    ctx.deliveries.delete(record.id);
  }
}

/** An order's item: no notification of its own (but an alert is shown); the order's one notification once all ended. */
async function deliverOrderItem(ctx: LifecycleState, record: CheckoutRecord, event: NotificationEvent): Promise<void> {
  ctx.deliveries.add(record.id);
  let folded: CheckoutRecord | null;
  try {
    const shown = event === 'over_cap' ? { ...(await ctx.deps.notify(record, event)), at: ctx.deps.now() } : null;
    folded = await foldIntoOrder(record.id, event, shown);
  } finally {
    ctx.deliveries.delete(record.id);
  }
  if (folded?.pendingNotification === 'order') await deliver(ctx, folded);
}

/** Shows an order's notification, about all its items. */
async function notifyOrder(ctx: LifecycleState, record: CheckoutRecord): Promise<{ title: string; message: string }> {
  const items = itemsOf((await readCheckouts()).records, record.orderId ?? '');
  return ctx.deps.notifyOrder ? ctx.deps.notifyOrder(record, items) : ctx.deps.notify(record, 'order');
}

/** Pauses a checkout after storage refused a save, longer with each failure in a row; the first one is told. */
export function holdAfterStorageFailure(ctx: LifecycleState, id: string) {
  const streak = (ctx.holds.get(id)?.streak ?? 0) + 1;
  ctx.holds.set(id, { streak, until: ctx.deps.now() + errorBackoffMs(streak, ctx.deps.random()) });
  if (streak === 1) void ctx.deps.notifyStorageProblem?.().catch(() => {});
}

/** Ends a checkout's pause once a save went through. */
export function clearHold(ctx: LifecycleState, id: string) {
  ctx.holds.delete(id);
}

/** Until when a checkout is paused after a failed save (0: not paused). */
export function heldUntil(ctx: LifecycleState, id: string): number {
  return ctx.holds.get(id)?.until ?? 0;
}
