import { t } from '../i18n';
import { formatAmount, fromUnits, type Money, times, toUnits } from '../money';
import type { Safety } from '../settings';
import type { CheckoutRecord } from './record';

const DAY_MS = 24 * 60 * 60 * 1000;

/** States whose money is (or may be) spent; failed and unknown-to-the-service purchases cost nothing. */
const SPENDING_STATES = new Set(['starting', 'processing', 'completed', 'outcome_unknown', 'stopped', 'resolved']);

export interface PurchaseCost {
  price: string | null;
  currency: string | null;
  quantity: number;
}

export interface LimitCheck {
  /** Why the purchase is blocked, in one sentence; null when it may go ahead. */
  blocked: string | null;
  /** Limits that could not be checked (unknown price, another currency): shown, not blocking. */
  unchecked: string[];
}

/** What a record costs in `currency`: the charged amount once completed, else the detected price × quantity. */
function spentIn(record: CheckoutRecord, currency: string): number {
  if (!SPENDING_STATES.has(record.state)) return 0;
  if (record.state === 'completed' && record.amount && record.currency) return record.currency === currency ? toUnits(record.amount) : 0;
  if (record.product.price && record.product.currency === currency) return times(record.product.price, record.quantity);
  return 0;
}

function startOfLocalDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Checks a purchase against the price cap and the daily and 30-day spending limits. */
export function checkLimits(cost: PurchaseCost, safety: Safety, history: CheckoutRecord[], now: number): LimitCheck {
  const unchecked: string[] = [];
  const total = cost.price ? times(cost.price, cost.quantity) : null;
  const comparable = (limit: Money) => total !== null && cost.currency === limit.currency;

  if (safety.maxPrice) {
    const cap = safety.maxPrice;
    if (!comparable(cap)) unchecked.push(t('limitUncheckedCap', `${cap.amount} ${cap.currency}`));
    else if (total! > toUnits(cap.amount)) {
      return {
        blocked: t('limitBlockedCap', formatAmount(total!, cap.currency), formatAmount(total! - toUnits(cap.amount), cap.currency), `${cap.amount} ${cap.currency}`),
        unchecked,
      };
    }
  }

  const windows: [Money | null, 'Daily' | 'Monthly', number][] = [
    [safety.dailyLimit, 'Daily', startOfLocalDay(now)],
    [safety.monthlyLimit, 'Monthly', now - 30 * DAY_MS],
  ];
  for (const [limit, which, since] of windows) {
    if (!limit) continue;
    if (!comparable(limit)) {
      unchecked.push(t(`limitUnchecked${which}`, `${limit.amount} ${limit.currency}`));
      continue;
    }
    const spent = history.filter((r) => r.createdAt >= since).reduce((sum, r) => sum + spentIn(r, limit.currency), 0);
    const after = spent + total!;
    if (after > toUnits(limit.amount)) {
      return {
        blocked: t(`limitBlocked${which}`, formatAmount(total!, limit.currency), formatAmount(after, limit.currency), formatAmount(after - toUnits(limit.amount), limit.currency), `${limit.amount} ${limit.currency}`),
        unchecked,
      };
    }
  }
  return { blocked: null, unchecked };
}

/** How far a charged amount went over the cap the purchase was made with, or null when it did not. */
export function overCap(amount: string | null, currency: string | null, cap: Money | null): string | null {
  if (!amount || !cap || currency !== cap.currency) return null;
  const over = toUnits(amount) - toUnits(cap.amount);
  return over > 0 ? fromUnits(over) : null;
}
