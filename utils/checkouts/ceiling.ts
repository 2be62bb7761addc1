import { t } from '../shared/i18n';
import { formatAmount, type Money, moneyOf, toUnits } from '../money/money';
import { limitsCurrency, type Safety } from '../settings/settings';

/**
 * The ceiling of a purchase: the most its agent may spend (sent as `max_price`) and what it holds against every
 * limit until it ends. With a known price it is the total plus an allowance for shipping and tax, never more than
 * the cap and what the limits leave; with an unknown price it is what the cap and limits leave.
 */

/** The allowance for shipping and tax on `total` units of `currency`: the percentage, or the minimum when the purchase is in the limits' currency. */
export function shippingAllowance(total: number, currency: string, safety: Pick<Safety, 'shippingAllowance' | 'dailyLimit' | 'monthlyLimit' | 'maxPrice'>): number {
  const { percent, minimum } = safety.shippingAllowance;
  const share = Math.round((total * percent) / 100);
  return currency === limitsCurrency(safety) ? Math.max(share, toUnits(minimum)) : share;
}

export type CeilingDecision = { ceiling: Money | null; most: Money | null } | { refused: string };

/**
 * Decides the ceiling. `bounds` holds, per currency, the smallest of the cap and what each limit leaves (the
 * purchase's currency first). `requested` is the user's own ceiling for this purchase: at least the total, at
 * most the bound in its currency.
 */
export function decideCeiling(
  cost: { total: number | null; currency: string | null },
  safety: Pick<Safety, 'shippingAllowance' | 'dailyLimit' | 'monthlyLimit' | 'maxPrice'>,
  bounds: Money[],
  requested: Money | null,
): CeilingDecision {
  const { total, currency } = cost;
  const known = total !== null && currency !== null;
  const unit = known ? currency : bounds[0]?.currency ?? null;
  const bound = bounds.find((money) => money.currency === unit) ?? null;
  if (requested) {
    if (requested.currency !== unit) return { refused: t('ceilingCurrency', unit ?? cost.currency ?? '—') };
    const units = toUnits(requested.amount);
    if (known && units < total) return { refused: t('ceilingBelowTotal', formatAmount(total, currency)) };
    if (!known && units <= 0) return { refused: t('ceilingBelowTotal', formatAmount(0, requested.currency)) };
    if (bound && units > toUnits(bound.amount)) return { refused: t('ceilingAboveLimits', `${bound.amount} ${bound.currency}`) };
    return { ceiling: requested, most: bound };
  }
  if (!known) return { ceiling: bound, most: bound };
  const natural = total + shippingAllowance(total, currency, safety);
  return { ceiling: moneyOf(bound ? Math.min(natural, toUnits(bound.amount)) : natural, currency), most: bound };
}
