import { t } from '../shared/i18n';
import { fromUnits, type Money, moneyOf, times } from '../money/money';
import type { Safety } from '../settings/settings';
import { checkLimits, type LimitCheck, type SpendSource } from './limits';

/** One item of a cart order, as the limits see it. */
export interface OrderLine {
  name: string;
  price: string | null;
  currency: string | null;
  quantity: number;
}

export type OrderPlan = { blocked: string } | { blocked: null; lines: LimitCheck[] };

/** A hold the planning counts for an item not yet decided: its total, so earlier items leave room for it. */
function reserve(line: OrderLine, index: number, now: number, safety: Safety): SpendSource {
  const total = { amount: fromUnits(times(line.price!, line.quantity)), currency: line.currency! };
  // In a limit's other currency nothing is reserved (0): that item will hold what the limit leaves when its turn comes.
  const none = (limit: Money | null) => (limit ? moneyOf(0, limit.currency) : null);
  const allowance = { daily: none(safety.dailyLimit), monthly: none(safety.monthlyLimit) };
  return { id: `order-line-${index}`, state: 'confirmed', createdAt: now, amount: null, currency: null, quantity: line.quantity, product: { price: line.price, currency: line.currency }, allowance, ceiling: total, maxSpend: [total] };
}

/**
 * Checks a whole cart against the limits and decides each item's ceiling. The cart's total per currency must fit
 * the daily and 30-day limits, else nothing is sent and the refusal says which limit and by how much; the price
 * cap applies per item. Each item's ceiling (its total plus the shipping and tax allowance) is held in turn, leaving
 * room for the totals of the items after it, so the ceilings together never exceed a limit.
 */
export function planOrder(lines: readonly OrderLine[], safety: Safety, history: readonly SpendSource[], now: number): OrderPlan {
  const unpriced = lines.find((line) => !line.price || !line.currency);
  if (unpriced) return { blocked: t('orderUnpriced', unpriced.name) };
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.currency!, (totals.get(line.currency!) ?? 0) + times(line.price!, line.quantity));
  for (const [currency, units] of totals) {
    const whole = checkLimits({ price: fromUnits(units), currency, quantity: 1 }, { ...safety, maxPrice: null }, [...history], now);
    if (whole.blocked) return { blocked: lines.length === 1 ? t('orderBlockedOne', whole.blocked) : t('orderBlocked', lines.length, whole.blocked) };
  }
  const held: SpendSource[] = [];
  const decided: LimitCheck[] = [];
  for (const [index, line] of lines.entries()) {
    const later = lines.slice(index + 1).map((next, offset) => reserve(next, index + 1 + offset, now, safety));
    const check = checkLimits({ price: line.price, currency: line.currency, quantity: line.quantity }, safety, [...history, ...held, ...later], now);
    if (check.blocked) return { blocked: t('orderItemBlocked', line.name, check.blocked) };
    decided.push(check);
    held.push({ ...reserve(line, index, now, safety), allowance: check.allowance, ceiling: check.ceiling, maxSpend: check.maxSpend });
  }
  return { blocked: null, lines: decided };
}
