import { browser } from 'wxt/browser';
import { overCap } from './checkouts/limits';
import { type CheckoutRecord, formatMoney, type NotificationEvent } from './checkouts/record';

const PREFIX = 'checkout:';

/** One notification id per purchase and event: showing it again replaces it instead of adding a second. */
export function notificationId(recordId: string, event: NotificationEvent): string {
  return `${PREFIX}${recordId}:${event}`;
}

/** What the notification says for `event`. */
export function describeNotification(record: CheckoutRecord, event: NotificationEvent): { title: string; message: string } {
  const name = record.product.name ?? record.product.url;
  switch (event) {
    case 'started':
      return { title: 'Purchase started', message: `${name}: the agent is buying it. You will be told how it ends.` };
    case 'stopped':
      return { title: 'Still processing', message: `${name}: still processing when we stopped checking. Check again later.` };
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

/** Buttons of a notification, in order (Chrome only: Firefox notifications take none). */
export function notificationButtons(event: NotificationEvent): ('view' | 'check-again')[] {
  return event === 'stopped' ? ['view', 'check-again'] : ['view'];
}

const BUTTON_TITLES = { view: 'View purchase', 'check-again': 'Check again' } as const;

/** Shows the notification for a purchase event. */
export async function showCheckoutNotification(record: CheckoutRecord, event: NotificationEvent) {
  const content = describeNotification(record, event);
  await browser.notifications.create(notificationId(record.id, event), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: content.title,
    message: content.message,
    priority: event === 'completed' || event === 'started' ? 0 : event === 'over_cap' ? 2 : 1,
    ...(import.meta.env.FIREFOX ? {} : { buttons: notificationButtons(event).map((b) => ({ title: BUTTON_TITLES[b] })) }),
  });
  return content;
}

/** What a notification id means: its purchase and event. */
export function parseNotificationId(id: string): { recordId: string; event: NotificationEvent } | null {
  const match = id.match(/^checkout:([^:]+):([a-z_]+)$/);
  if (!match) return null;
  const event = match[2] as NotificationEvent;
  return ['started', 'completed', 'over_cap', 'failed', 'outcome_unknown', 'stopped'].includes(event) ? { recordId: match[1]!, event } : null;
}
