import { browser } from 'wxt/browser';
import { cartStorage } from '../cart/store';
import type { CheckoutRecord } from '../checkouts/record';
import { t, tCount } from '../shared/i18n';

const OPEN_STATES = new Set(['confirmed', 'starting', 'processing']);

/** What the toolbar badge shows: purchases in progress, or "!" for a failure not yet seen; else the cart's item count. */
export function badgeFor(records: CheckoutRecord[], cartItems = 0): { text: string; color: string; title: string } {
  const open = records.filter((r) => OPEN_STATES.has(r.state)).length;
  const unseen = records.filter((r) => r.state === 'failed' && !r.seen).length;
  const parts = [
    open ? tCount(open, 'badgeOpenOne', 'badgeOpenOther') : null,
    unseen ? tCount(unseen, 'badgeUnseenOne', 'badgeUnseenOther') : null,
  ].filter(Boolean);
  // Purchases keep priority; the cart shows only while nothing under way or failed needs the badge.
  if (!parts.length && cartItems) return { text: String(cartItems), color: '#047857', title: t('badgeTitle', tCount(cartItems, 'badgeCartOne', 'badgeCartOther')) };
  const title = parts.length ? t('badgeTitle', parts.join('; ')) : t('actionTitle');
  if (unseen) return { text: open ? `${open}!` : '!', color: '#b3261e', title };
  return { text: open ? String(open) : '', color: '#1d4ed8', title };
}

/** Shows `badgeFor(records)` (and the cart's item count) on the toolbar button. */
export async function updateBadge(records: CheckoutRecord[]): Promise<void> {
  const cart = await cartStorage.get().catch(() => null);
  const badge = badgeFor(records, cart?.items.length ?? 0);
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({ title: badge.title }),
  ]);
}
