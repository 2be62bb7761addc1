import { t } from '../shared/i18n';
import { formatAmount, type Money, moneyOf, parseAmount, times, toUnits } from '../money/money';
import { normaliseCurrency } from '../product/price';
import { isSimulated, serviceOf, type ServiceId } from '../services/registry';
import type { Safety } from '../settings/settings';
import { decideCeiling } from './ceiling';
import type { Allowance, CheckoutRecord, CheckoutStateName } from './record';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back the longest spending window looks. */
export const SPEND_WINDOW_MS = 30 * DAY_MS;

/** What the limits need to know of a purchase: its record, or the ledger entry kept after the record was cleared. */
export interface SpendSource {
  id: string;
  state: CheckoutStateName;
  createdAt: number;
  /** As the service reported it (completed purchases). */
  amount: string | null;
  currency: string | null;
  quantity: number;
  product: { price: string | null; currency: string | null };
  /** What remained of each spending limit when the purchase started: the most it was allowed to spend for it. */
  allowance: Allowance;
  /** The hold: the most the agent may spend, in the purchase's currency (absent for purchases recorded before holds). */
  ceiling?: Money | null;
  /** What the agent was told it may spend, per currency (absent in older ledger entries). */
  maxSpend?: Money[];
}

export interface PurchaseCost {
  price: string | null;
  currency: string | null;
  quantity: number;
}

export interface LimitCheck {
  /** Why the purchase is blocked, in one sentence; null when it may go ahead. */
  blocked: string | null;
  /** Limits that could not be checked (unknown price, another currency): the purchase then needs confirming. */
  unchecked: string[];
  /** Says plainly which limits could not be checked and why; null when all were checked. */
  uncheckedNote: string | null;
  /** The most the agent may spend: per currency, the smallest of the cap and what remains of the daily and 30-day limits; the purchase's currency first. */
  maxSpend: Money[];
  /** What remains of each spending limit now; recorded with the purchase as its allowance. */
  allowance: Allowance;
  /** The purchase's hold and `max_price`: `maxSpend`'s first entry; null when nothing bounds it (no price, no limit). */
  ceiling: Money | null;
  /** The most the user may set the ceiling to (the cap and what the limits leave); null when nothing bounds it. */
  mostCeiling: Money | null;
}

type WindowKind = keyof Allowance;

/** A completed purchase's charge, when the service reported one that can be read and has a currency; else null. */
export function chargedAmount(source: Pick<SpendSource, 'amount' | 'currency'>): { units: number; currency: string } | null {
  const parsed = parseAmount(source.amount);
  if (!parsed) return null;
  const field = source.currency === null ? null : normaliseCurrency(source.currency);
  if (source.currency !== null && source.currency.trim() !== '' && field === null) return null;
  if (field && parsed.currency && field !== parsed.currency) return null;
  const currency = field ?? parsed.currency;
  return currency ? { units: parsed.units, currency } : null;
}

/** States in which a purchase certainly spent nothing: the service refused it, or it was never sent. */
const NOTHING_SPENT: ReadonlySet<CheckoutStateName> = new Set(['failed', 'not_sent']);

/**
 * What a purchase under way holds against `limit`, like a card authorisation: its ceiling (or what it told the agent
 * it may spend) in the limit's currency; else what remained of that limit when it started; else the whole limit
 * (a purchase recorded before the limit was set). Values come from storage already checked by `moneySchema`.
 */
export function heldIn(source: SpendSource, limit: Money, kind: WindowKind): number {
  const held = [source.ceiling, ...(source.maxSpend ?? [])].find((money) => money?.currency === limit.currency);
  if (held) return toUnits(held.amount);
  const allowance = source.allowance?.[kind];
  return allowance && allowance.currency === limit.currency ? toUnits(allowance.amount) : toUnits(limit.amount);
}

/**
 * What a purchase counts against `limit`: once completed, its charge when that can be read in the limit's
 * currency; otherwise (under way, an unknown outcome, an odd amount or another currency) its hold. Never 0,
 * except for a purchase that certainly spent nothing (failed, or never sent).
 */
export function spentIn(source: SpendSource, limit: Money, kind: WindowKind): number {
  if (NOTHING_SPENT.has(source.state)) return 0;
  if (source.state === 'completed') {
    const charged = chargedAmount(source);
    if (charged && charged.currency === limit.currency) return charged.units;
  }
  return heldIn(source, limit, kind);
}

function startOfLocalDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/**
 * The records and ledger entries the limits count: the user's own purchases only (a checkout link's customer pays,
 * not the user); an entry whose record is still listed counts once.
 */
export function spendHistory(records: (SpendSource & { service?: ServiceId })[], ledger: SpendSource[]): SpendSource[] {
  const listed = new Set(records.map((r) => r.id));
  const own = records.filter((r) => !r.service || spendsMoney(r.service));
  return [...own, ...ledger.filter((entry) => !listed.has(entry.id))];
}

/** True for a service that spends the user's money: a real agent (not a checkout link, not the built-in demo). */
export function spendsMoney(service: ServiceId): boolean {
  return serviceOf(service).kind === 'agent' && !isSimulated(service);
}

/** The limits that apply to a purchase through `service`: none for the built-in demo, which spends nothing. */
export function safetyFor(service: ServiceId, safety: Safety): Safety {
  return spendsMoney(service) ? safety : { ...safety, maxPrice: null, dailyLimit: null, monthlyLimit: null };
}

const NONE: Allowance = { daily: null, monthly: null };

/**
 * Checks a purchase against the price cap and the daily and 30-day spending limits (counting every purchase under
 * way at its hold), and decides its ceiling: the total plus the shipping and tax allowance, or `requested` (the
 * user's own, for this purchase), within the cap and what the limits leave.
 */
export function checkLimits(cost: PurchaseCost, safety: Safety, history: SpendSource[], now: number, requested: Money | null = null): LimitCheck {
  const unchecked: string[] = [];
  const total = cost.price ? times(cost.price, cost.quantity) : null;
  const comparable = (limit: Money) => total !== null && cost.currency === limit.currency;
  const blocked = (message: string): LimitCheck => ({ blocked: message, unchecked, uncheckedNote: null, maxSpend: [], allowance: NONE, ceiling: null, mostCeiling: null });
  const bounds: Money[] = [];

  if (safety.maxPrice) {
    const cap = safety.maxPrice;
    if (!comparable(cap)) unchecked.push(t('limitUncheckedCap', `${cap.amount} ${cap.currency}`));
    else if (total! > toUnits(cap.amount)) {
      return blocked(t('limitBlockedCap', formatAmount(total!, cap.currency), formatAmount(total! - toUnits(cap.amount), cap.currency), `${cap.amount} ${cap.currency}`));
    }
    bounds.push(moneyOf(toUnits(cap.amount), cap.currency));
  }

  const allowance: Allowance = { daily: null, monthly: null };
  const windows: [Money | null, WindowKind, 'Daily' | 'Monthly', number][] = [
    [safety.dailyLimit, 'daily', 'Daily', startOfLocalDay(now)],
    [safety.monthlyLimit, 'monthly', 'Monthly', now - SPEND_WINDOW_MS],
  ];
  for (const [limit, kind, which, since] of windows) {
    if (!limit) continue;
    const spent = history.filter((r) => r.createdAt >= since).reduce((sum, r) => sum + spentIn(r, limit, kind), 0);
    const remaining = toUnits(limit.amount) - spent;
    const named = `${limit.amount} ${limit.currency}`;
    if (remaining <= 0 && total !== 0) return blocked(t(`limitReached${which}`, formatAmount(spent, limit.currency), named));
    if (!comparable(limit)) unchecked.push(t(`limitUnchecked${which}`, named));
    else if (spent + total! > toUnits(limit.amount)) {
      const after = spent + total!;
      return blocked(t(`limitBlocked${which}`, formatAmount(total!, limit.currency), formatAmount(after, limit.currency), formatAmount(after - toUnits(limit.amount), limit.currency), named));
    }
    allowance[kind] = moneyOf(remaining, limit.currency);
    bounds.push(allowance[kind]);
  }

  const decided = decideCeiling({ total, currency: cost.currency }, safety, smallestPerCurrency(bounds, cost.currency), requested);
  if ('refused' in decided) return blocked(decided.refused);
  const maxSpend = smallestPerCurrency(decided.ceiling ? [decided.ceiling, ...bounds] : bounds, decided.ceiling?.currency ?? cost.currency);
  return { blocked: null, unchecked, uncheckedNote: describeUnchecked(cost, unchecked), maxSpend, allowance, ceiling: maxSpend[0] ?? null, mostCeiling: decided.most };
}

function describeUnchecked(cost: PurchaseCost, unchecked: string[]): string | null {
  if (!unchecked.length) return null;
  const limits = unchecked.join('; ');
  return cost.price && cost.currency ? t('confirmUncheckedCurrency', limits, cost.currency) : t('confirmUncheckedNoPrice', limits);
}

/** The smallest amount in each currency, the purchase's own currency first. */
function smallestPerCurrency(amounts: Money[], preferred: string | null): Money[] {
  const smallest = new Map<string, Money>();
  for (const money of amounts) {
    const current = smallest.get(money.currency);
    if (!current || toUnits(money.amount) < toUnits(current.amount)) smallest.set(money.currency, money);
  }
  return [...smallest.values()].sort((a, b) => Number(b.currency === preferred) - Number(a.currency === preferred));
}

/** What the agent was allowed to spend: `maxSpend`, or for purchases recorded before it existed, the cap. */
function allowedOf(record: Pick<CheckoutRecord, 'maxSpend' | 'maxPrice'>): Money[] {
  if (record.maxSpend.length) return record.maxSpend;
  return record.maxPrice ? [record.maxPrice] : [];
}

/** How far a completed purchase's charge went over what the agent was allowed to spend, or null when it did not (or cannot be told). */
export function overAllowance(record: Pick<CheckoutRecord, 'amount' | 'currency' | 'maxSpend' | 'maxPrice'>): { charged: string; excess: string; allowed: string } | null {
  const charged = chargedAmount(record);
  if (!charged) return null;
  const allowed = allowedOf(record).find((m) => m.currency === charged.currency);
  if (!allowed) return null;
  const over = charged.units - toUnits(allowed.amount);
  if (over <= 0) return null;
  return { charged: formatAmount(charged.units, charged.currency), excess: formatAmount(over, charged.currency), allowed: `${allowed.amount} ${allowed.currency}` };
}

/** True when a completed purchase's reported amount cannot be read as a charge (odd text, negative, no currency). */
export function hasOddAmount(record: Pick<CheckoutRecord, 'state' | 'amount' | 'currency'>): boolean {
  return record.state === 'completed' && chargedAmount(record) === null;
}
