import { browser } from 'wxt/browser';
import type { CheckoutRecord } from './checkouts/record';

const OPEN_STATES = new Set(['starting', 'processing']);

/** What the toolbar badge shows: purchases in progress, or "!" for a failure not yet seen. */
export function badgeFor(records: CheckoutRecord[]): { text: string; color: string; title: string } {
  const open = records.filter((r) => OPEN_STATES.has(r.state)).length;
  const unseen = records.filter((r) => r.state === 'failed' && !r.seen).length;
  const parts = [
    open ? `${open} purchase${open === 1 ? '' : 's'} in progress` : null,
    unseen ? `${unseen} failed purchase${unseen === 1 ? '' : 's'} not seen yet` : null,
  ].filter(Boolean);
  const title = parts.length ? `Smartcheckout: ${parts.join('; ')}` : 'Buy via Smartcheckout';
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
