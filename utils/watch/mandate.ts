import { fromUnits, type Money, moneyOf, parseAmount, toUnits } from '../money/money';
import type { Safety } from '../settings/settings';
import { shippingAllowance } from '../checkouts/ceiling';
import type { Mandate, Watch } from './schema';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "Until" when the user does not choose: 14 days. */
export const DEFAULT_WATCH_DAYS = 14;
/** "Until" at the latest: 90 days. */
export const MAX_WATCH_DAYS = 90;

/** The default target: 10 % below today's price, rounded down to the cent; null when the price cannot be read. */
export function defaultTarget(price: string | null): string | null {
  const parsed = parseAmount(price);
  if (!parsed || parsed.units === 0) return null;
  const cents = Math.floor((parsed.units * 9) / 10 / 100);
  return fromUnits(cents * 100);
}

/** The default and the latest "Until", as timestamps. */
export function untilBounds(now: number): { defaultUntil: number; latest: number } {
  return { defaultUntil: now + DEFAULT_WATCH_DAYS * DAY_MS, latest: now + MAX_WATCH_DAYS * DAY_MS };
}

/**
 * The most a watch may spend in all: the target price × quantity plus the shipping and tax allowance (Options →
 * Safety), in the product's currency. The limits may leave less at the moment of buying: they decide then.
 */
export function mandateCeiling(target: Money, quantity: number, safety: Pick<Safety, 'shippingAllowance' | 'dailyLimit' | 'monthlyLimit' | 'maxPrice'>): Money {
  const total = toUnits(target.amount) * quantity;
  return moneyOf(total + shippingAllowance(total, target.currency, safety), target.currency);
}

/** The mandate the user signs for "Buy automatically": one purchase, this ceiling, this profile, until `until`. */
export function createMandate(input: { target: Money; quantity: number; until: number; profileLabel: string; safety: Safety; now: number }): Mandate {
  return { ceiling: mandateCeiling(input.target, input.quantity, input.safety), profileLabel: input.profileLabel, signedAt: input.now, until: input.until };
}

/** True when the watch's time is over: an expired watch (and its mandate) never buys. */
export function isExpired(watch: Pick<Watch, 'until' | 'mandate'>, now: number): boolean {
  return now >= watch.until || (watch.mandate !== null && now >= watch.mandate.until);
}

/**
 * Whether the watch may still buy at all: mode "buy" with a mandate, not expired, still watching, and no purchase
 * started under it yet (one purchase only).
 */
export function mayBuy(watch: Pick<Watch, 'mode' | 'mandate' | 'until' | 'status' | 'purchaseId'>, now: number): boolean {
  return watch.mode === 'buy' && watch.mandate !== null && watch.status === 'watching' && watch.purchaseId === null && !isExpired(watch, now);
}
