import { describe, expect, it } from 'vitest';
import { checkLimits } from '../../utils/checkouts/limits';
import { unreadableSpendSources } from '../../utils/checkouts/unreadable';
import { DEFAULT_SAFETY } from '../../utils/settings/settings';

const NOW = new Date(2026, 10, 21, 15, 0, 0).getTime();
const DAY = 24 * 3_600_000;
const usd = (amount: string) => ({ amount, currency: 'USD' });
const dailyLimit = { ...DEFAULT_SAFETY, dailyLimit: usd('100.00') };
const monthlyLimit = { ...DEFAULT_SAFETY, monthlyLimit: usd('500.00') };
const buy = (price: string) => ({ price, currency: 'USD', quantity: 1 });

describe('unreadableSpendSources', () => {
  it('turns an unreadable record into a hold with no price, keeping what can be read of it', () => {
    const entry = { id: 'intent-7', service: 'smartcheckout', createdAt: NOW - DAY, state: 'weird', quoted: { currency: 'usd' }, allowance: { daily: usd('30.00'), monthly: null }, ceiling: usd('30.00') };
    expect(unreadableSpendSources([entry], NOW)).toEqual([
      { id: 'intent-7', state: 'processing', createdAt: NOW - DAY, amount: null, currency: null, quantity: 1, product: { price: null, currency: null }, allowance: { daily: usd('30.00'), monthly: null }, ceiling: usd('30.00') },
    ]);
  });

  it('reads nothing it cannot: anything at all gets a stand-in id, the date now, no allowance and no ceiling', () => {
    const sources = unreadableSpendSources(['garbage', null, { id: 42, createdAt: 'yesterday', allowance: { daily: 5 }, ceiling: { amount: 'lots', currency: 'USD' } }], NOW);
    expect(sources.map((s) => [s.id, s.createdAt, s.allowance, s.ceiling])).toEqual([
      ['unreadable-0', NOW, { daily: null, monthly: null }, null],
      ['unreadable-1', NOW, { daily: null, monthly: null }, null],
      ['unreadable-2', NOW, { daily: null, monthly: null }, null],
    ]);
  });

  it('leaves out only entries that readably belong to a checkout link or the demo', () => {
    const entries = ['shoppex', 'creem', 'diddo', 'demo', 'smartcheckout', 'not-a-service', undefined].map((service, i) => ({ id: `r${i}`, service }));
    expect(unreadableSpendSources(entries, NOW).map((s) => s.id)).toEqual(['r4', 'r5', 'r6']);
  });

  it('counts against the limits: what it was allowed when readable, else the whole limit (fail closed)', () => {
    const allowed = unreadableSpendSources([{ id: 'a', createdAt: NOW - 1000, allowance: { daily: usd('30.00'), monthly: null } }], NOW);
    expect(checkLimits(buy('70.00'), dailyLimit, allowed, NOW).blocked).toBeNull();
    expect(checkLimits(buy('70.01'), dailyLimit, allowed, NOW).blocked).not.toBeNull();
    const unknown = unreadableSpendSources([{ id: 'b', broken: true }], NOW);
    expect(checkLimits(buy('0.01'), dailyLimit, unknown, NOW).blocked).not.toBeNull();
    expect(checkLimits(buy('0.01'), monthlyLimit, unknown, NOW).blocked).not.toBeNull();
  });

  it('an unreadable record with a readable date counts only in the windows that date falls in', () => {
    const old = unreadableSpendSources([{ id: 'c', createdAt: NOW - 2 * DAY }], NOW);
    expect(checkLimits(buy('99.00'), dailyLimit, old, NOW).blocked).toBeNull();
    expect(checkLimits(buy('1.00'), monthlyLimit, old, NOW).blocked).not.toBeNull();
  });
});
