import { browser } from 'wxt/browser';
import type { CheckoutRecord } from '../checkouts/record';
import { t, tCount } from '../shared/i18n';

const OPEN_STATES = new Set(['confirmed', 'starting', 'processing']);

/** What the toolbar badge shows: purchases in progress, or "!" for a failure not yet seen. */
export function badgeFor(records: CheckoutRecord[]): { text: string; color: string; title: string } {
  const open = records.filter((r) => OPEN_STATES.has(r.state)).length;
  const unseen = records.filter((r) => r.state === 'failed' && !r.seen).length;
  const parts = [
    open ? tCount(open, 'badgeOpenOne', 'badgeOpenOther') : null,
    unseen ? tCount(unseen, 'badgeUnseenOne', 'badgeUnseenOther') : null,
  ].filter(Boolean);
  const title = parts.length ? t('badgeTitle', parts.join('; ')) : t('actionTitle');
  if (unseen) return { text: open ? `${open}!` : '!', color: '#b3261e', title };
  return { text: open ? String(open) : '', color: '#1d4ed8', title };
}

/** Shows `badgeFor(records)` on the toolbar button. */
export async function updateBadge(records: CheckoutRecord[]): Promise<void> {
  const badge = badgeFor(records);
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({ title: badge.title }),
  ]);
}
