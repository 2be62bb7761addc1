import { t } from '../shared/i18n';
import type { CheckoutRecord, NotificationEvent } from './record';
import { updateCheckouts } from './store';

/** States in which an order's item is still being sent or followed. */
const UNDER_WAY = new Set<CheckoutRecord['state']>(['confirmed', 'starting', 'processing']);

/** The records of `orderId`, in the order's order. */
export function itemsOf(records: readonly CheckoutRecord[], orderId: string): CheckoutRecord[] {
  return records.filter((r) => r.orderId === orderId).sort((a, b) => (a.orderIndex ?? 0) - (b.orderIndex ?? 0));
}

/** True once every item of the order is on record and none is still being sent or followed. */
export function orderEnded(items: readonly CheckoutRecord[]): boolean {
  const size = items[0]?.orderSize ?? items.length;
  return items.length >= size && items.every((r) => !UNDER_WAY.has(r.state));
}

/** How an order stands, in one line: "Order of 3 items: 2 completed, 1 failed" (and what is under way or not known). */
export function describeOrder(items: readonly CheckoutRecord[]): string {
  const size = items[0]?.orderSize ?? items.length;
  const completed = items.filter((r) => r.state === 'completed').length;
  const failed = items.filter((r) => r.state === 'failed' || r.state === 'not_sent').length;
  const underWay = items.filter((r) => UNDER_WAY.has(r.state)).length;
  const unknown = items.length - completed - failed - underWay;
  if (size === 1) {
    if (underWay) return t('orderUnderWayOne', completed, failed, underWay);
    return unknown ? t('orderEndedUnknownOne', completed, failed, unknown) : t('orderEndedOne', completed, failed);
  }
  if (underWay) return t('orderUnderWay', size, completed, failed, underWay);
  return unknown ? t('orderEndedUnknown', size, completed, failed, unknown) : t('orderEnded', size, completed, failed);
}

/** The order's one notification: its summary, and which items failed or are not known (by name). */
export function orderNotification(items: readonly CheckoutRecord[]): { title: string; message: string } {
  const name = (r: CheckoutRecord) => r.product.name ?? r.product.url;
  const failed = items.filter((r) => r.state === 'failed' || r.state === 'not_sent').map(name);
  const unknown = items.filter((r) => !['completed', 'failed', 'not_sent'].includes(r.state)).map(name);
  const parts = [failed.length ? t('orderFailedItems', failed.join(', ')) : null, unknown.length ? t('orderUnknownItems', unknown.join(', ')) : null].filter(Boolean);
  return { title: describeOrder(items), message: parts.length ? parts.join(' ') : t('orderAllCompleted') };
}

/**
 * An order item's own notification is not shown (an alert is, by the caller): it is folded into the order's. In the
 * same write, when this was the order's last item to end and the order was not told yet, this item takes the order's
 * notification as pending (so a worker stopped before showing it shows it at its next start). Returns the item.
 */
export function foldIntoOrder(id: string, event: NotificationEvent, shown: { title: string; message: string; at: number } | null): Promise<CheckoutRecord | null> {
  return updateCheckouts((records) => {
    const item = records.find((r) => r.id === id);
    if (!item?.orderId || item.pendingNotification !== event) return { records, result: null };
    const notifications = shown ? [...item.notifications, { event, ...shown }] : item.notifications;
    const folded: CheckoutRecord = { ...item, pendingNotification: null, notifications };
    const next = records.map((r) => (r.id === id ? folded : r));
    const items = itemsOf(next, item.orderId);
    const told = items.some((r) => r.pendingNotification === 'order' || r.notifications.some((n) => n.event === 'order'));
    if (told || !orderEnded(items)) return { records: next, result: folded };
    const telling: CheckoutRecord = { ...folded, pendingNotification: 'order' };
    return { records: next.map((r) => (r.id === id ? telling : r)), result: telling };
  });
}
