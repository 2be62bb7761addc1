import { browser } from 'wxt/browser';
import { t } from '../shared/i18n';
import type { WatchEvent } from '../watch/check';
import type { Watch } from '../watch/schema';

const PREFIX = 'watch:';
const EVENTS: readonly WatchEvent[] = ['at_target', 'bought', 'differs', 'not_bought', 'cannot_read'];

/** One notification per watch and event: a later one replaces it. */
export function watchNotificationId(watchId: string, event: WatchEvent): string {
  return `${PREFIX}${watchId}:${event}`;
}

/** The watch and event a notification id names; null for other notifications. */
export function parseWatchNotificationId(id: string): { watchId: string; event: WatchEvent } | null {
  const match = /^watch:([^:]+):([a-z_]+)$/.exec(id);
  if (!match || !(EVENTS as readonly string[]).includes(match[2]!)) return null;
  return { watchId: match[1]!, event: match[2] as WatchEvent };
}

const money = (m: { amount: string; currency: string } | null) => (m ? `${m.amount} ${m.currency}` : '—');

/** What a watch's notification says. */
export function describeWatchNotification(watch: Watch, event: WatchEvent, detail: string): { title: string; message: string } {
  const name = watch.product.name ?? watch.product.url;
  switch (event) {
    case 'at_target':
      return { title: t('watchNotifyAtTargetTitle'), message: t('watchNotifyAtTarget', name, money(watch.lastPrice), money(watch.target)) };
    case 'bought':
      return { title: t('watchNotifyBoughtTitle'), message: t('watchNotifyBought', name, money(watch.lastPrice), money(watch.mandate?.ceiling ?? null)) };
    case 'differs':
    case 'not_bought':
      return { title: t('watchNotifyNotBoughtTitle'), message: t('watchNotifyNotBought', name, detail) };
    case 'cannot_read':
      return { title: t('watchNotifyCannotReadTitle'), message: t('watchNotifyCannotRead', name) };
  }
}

/** Shows a watch's notification; "Notify me" at the target has "Buy now" (Chrome: Firefox notifications take no buttons). */
export async function showWatchNotification(watch: Watch, event: WatchEvent, detail: string): Promise<void> {
  const content = describeWatchNotification(watch, event, detail);
  await browser.notifications.create(watchNotificationId(watch.id, event), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: content.title,
    message: content.message,
    priority: event === 'at_target' || event === 'bought' ? 1 : 2,
    ...(import.meta.env.FIREFOX || event !== 'at_target' ? {} : { buttons: [{ title: t('watchBuyNow') }] }),
  });
}
