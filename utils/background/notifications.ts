import { browser } from 'wxt/browser';
import { completionAlert } from '../checkouts/alert';
import { hasOddAmount } from '../checkouts/limits';
import { describeOffer } from '../checkouts/reread';
import { orderNotification } from '../checkouts/orderEnd';
import { t } from '../shared/i18n';
import { type CheckoutRecord, checkoutName, describeState, formatMoney, isLink, NOTIFICATION_EVENTS, type NotificationEvent } from '../checkouts/record';
import { isSimulated, serviceOf } from '../services/registry';

const PREFIX = 'checkout:';

/** One notification id per purchase and event: showing it again replaces it instead of adding a second. */
export function notificationId(recordId: string, event: NotificationEvent): string {
  return `${PREFIX}${recordId}:${event}`;
}

/** What the notification says for `event`; a demo purchase's says DEMO in its title and its message. */
export function describeNotification(record: CheckoutRecord, event: NotificationEvent): { title: string; message: string } {
  const content = describeEvent(record, event);
  if (!isSimulated(record.service)) return content;
  return { title: t('notifyDemoTitle', content.title), message: t('notifyDemoMessage', content.message) };
}

function describeEvent(record: CheckoutRecord, event: NotificationEvent): { title: string; message: string } {
  const name = checkoutName(record);
  switch (event) {
    case 'started':
      return isLink(record)
        ? { title: t('notifyLinkCreatedTitle'), message: t('notifyLinkEvent', t('stateWaiting'), name, serviceOf(record.service).name) }
        : { title: t('notifyStartedTitle'), message: t('notifyStarted', name) };
    case 'stopped':
      return isLink(record)
        ? { title: t('notifyStoppedTitle'), message: t('notifyLinkEvent', t('stateLinkStopped'), name, serviceOf(record.service).name) }
        : { title: t('notifyStoppedTitle'), message: t('notifyStopped', name) };
    case 'completed':
      if (hasOddAmount(record)) {
        // Shown as the service sent it: the user should see exactly what was reported.
        return { title: t('notifyOddAmountTitle'), message: t('notifyOddAmount', name, formatMoney(record.amount ?? '', record.currency)) };
      }
      return {
        title: t('notifyCompletedTitle'),
        message: record.amount ? t('notifyCompletedAmount', name, formatMoney(record.amount, record.currency)) : t('notifyCompleted', name),
      };
    case 'over_cap': {
      const alert = completionAlert(record);
      if (alert?.kind === 'currency') return { title: t('notifyOtherCurrencyTitle'), message: t('notifyOtherCurrency', name, alert.charged, alert.approved) };
      if (alert?.kind === 'product') return { title: t('notifyOtherProductTitle'), message: t('notifyOtherProduct', name, alert.reported) };
      return {
        title: t('notifyOverCapTitle'),
        message: alert ? t('notifyOverCap', name, alert.charged, alert.excess, alert.allowed) : t('notifyCompletedAmount', name, formatMoney(record.amount ?? '', record.currency)),
      };
    }
    case 'not_sent':
      return {
        title: t('notifyNotSentTitle'),
        message: record.drift
          ? t('notifyNotSentDrift', name, describeOffer(record.drift.before, record.quantity), describeOffer(record.drift.after, record.quantity))
          : t('notifyNotSent', name, (record.lastError ?? '').replace(/\.\s*$/, '')),
      };
    case 'failed':
      return { title: t('notifyFailedTitle'), message: t('notifyFailed', name, record.notes || t('notifyFailedNoNotes')) };
    case 'outcome_unknown':
      return { title: t(isLink(record) ? 'notifyLinkUnknownTitle' : 'notifyUnknownTitle'), message: t(isLink(record) ? 'notifyLinkUnknown' : 'notifyUnknown', name) };
    case 'paid':
      return {
        title: t('notifyPaidTitle'),
        message: t('notifyLinkEvent', record.amount ? t('statePaidAmount', formatMoney(record.amount, record.currency)) : t('statePaid'), name, serviceOf(record.service).name),
      };
    case 'ended':
      return { title: t('notifyEndedTitle'), message: t('notifyLinkEvent', describeState(record), name, serviceOf(record.service).name) };
    case 'order':
      // Shown with the whole order by `showOrderNotification`; this is what a record alone can say.
      return { title: t('notifyOrderTitle'), message: name };
  }
}

/** Buttons of a notification, in order (Chrome only: Firefox notifications take none). */
export function notificationButtons(event: NotificationEvent): ('view' | 'check-again' | 'review')[] {
  return event === 'stopped' ? ['view', 'check-again'] : event === 'not_sent' ? ['review'] : ['view'];
}

const BUTTON_TITLES = { view: 'buttonViewPurchase', 'check-again': 'buttonCheckAgain', review: 'buttonReviewAgain' } as const;

/** Shows the notification for a purchase event. */
export async function showCheckoutNotification(record: CheckoutRecord, event: NotificationEvent) {
  const content = describeNotification(record, event);
  await browser.notifications.create(notificationId(record.id, event), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: content.title,
    message: content.message,
    priority: event === 'completed' || event === 'started' || event === 'paid' ? 0 : event === 'over_cap' || event === 'not_sent' ? 2 : 1,
    ...(import.meta.env.FIREFOX ? {} : { buttons: notificationButtons(event).map((b) => ({ title: t(BUTTON_TITLES[b]) })) }),
  });
  return content;
}

/** Shows a cart order's one notification ("Order of 3 items: 2 completed, 1 failed", and what failed), on its item `record`. */
export async function showOrderNotification(record: CheckoutRecord, items: CheckoutRecord[]) {
  const content = orderNotification(items);
  const failed = items.some((r) => r.state !== 'completed');
  await browser.notifications.create(notificationId(record.id, 'order'), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: isSimulated(record.service) ? t('notifyDemoTitle', content.title) : content.title,
    message: content.message,
    priority: failed ? 1 : 0,
    ...(import.meta.env.FIREFOX ? {} : { buttons: notificationButtons('order').map((b) => ({ title: t(BUTTON_TITLES[b]) })) }),
  });
  return content;
}

const STORAGE_PROBLEM_ID = 'storage-problem';

/** Tells the user that the browser refuses to save purchase updates; the purchases are kept and retried. */
export async function showStorageProblemNotification(): Promise<void> {
  await browser.notifications.create(STORAGE_PROBLEM_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('notifyStorageTitle'),
    message: t('notifyStorage'),
    priority: 2,
  });
}

/** What a notification id means: its purchase and event. */
export function parseNotificationId(id: string): { recordId: string; event: NotificationEvent } | null {
  const match = id.match(/^checkout:([^:]+):([a-z_]+)$/);
  if (!match) return null;
  const event = match[2] as NotificationEvent;
  return (NOTIFICATION_EVENTS as readonly string[]).includes(event) ? { recordId: match[1]!, event } : null;
}
