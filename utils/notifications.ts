import { browser } from 'wxt/browser';
import { overCap } from './checkouts/limits';
import { type CheckoutRecord, formatMoney, type NotificationEvent } from './checkouts/record';

const PREFIX = 'checkout:';

/** One notification id per purchase and event: showing it again replaces it instead of adding a second. */
export function notificationId(recordId: string, event: NotificationEvent): string {
  return `${PREFIX}${recordId}:${event}`;
}

/** The purchase a notification belongs to, or null when it is not ours. */
export function recordIdOf(notificationIdValue: string): string | null {
  if (!notificationIdValue.startsWith(PREFIX)) return null;
  return notificationIdValue.slice(PREFIX.length).split(':')[0] || null;
}

/** What the notification says for `event`. */
export function describeNotification(record: CheckoutRecord, event: NotificationEvent): { title: string; message: string } {
  const name = record.product.name ?? record.product.url;
  switch (event) {
    case 'completed':
      return {
        title: 'Purchase completed',
        message: record.amount ? `${name} — ${formatMoney(record.amount, record.currency)}` : `${name} was bought.`,
      };
    case 'over_cap':
      return {
        title: 'Purchase completed above your price cap',
        message: `${name} — ${formatMoney(record.amount ?? '', record.currency)}, ${overCap(record.amount, record.currency, record.maxPrice)} ${record.currency} over your ${record.maxPrice?.amount} ${record.maxPrice?.currency} cap.`,
      };
    case 'failed':
      return { title: 'Purchase failed', message: `${name}: ${record.notes || 'the agent could not complete the purchase.'}` };
    case 'outcome_unknown':
      return {
        title: 'Purchase outcome unknown',
        message: `${name}: we could not confirm whether it started. Check your email or Smartcheckout account before trying again.`,
      };
  }
}

/** Shows the notification for a purchase event. */
export async function showCheckoutNotification(record: CheckoutRecord, event: NotificationEvent) {
  const content = describeNotification(record, event);
  await browser.notifications.create(notificationId(record.id, event), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: content.title,
    message: content.message,
    priority: event === 'completed' ? 0 : event === 'over_cap' ? 2 : 1,
  });
  return content;
}
