import { describe, expect, it } from 'vitest';
import { checkLimits, type SpendSource } from '../../utils/checkouts/limits';
import { shippingAllowance } from '../../utils/checkouts/ceiling';
import { toUnits } from '../../utils/money/money';
import { DEFAULT_SAFETY, type Safety } from '../../utils/settings/settings';

const NOW = new Date(2026, 10, 21, 15, 0, 0).getTime();
const usd = (amount: string) => ({ amount, currency: 'USD' });
const safety = (overrides: Partial<Safety>): Safety => ({ ...DEFAULT_SAFETY, ...overrides });

/** A purchase under way, as the limits see it once it was recorded with the ceiling `checkLimits` gave it. */
function underWay(id: string, price: string, maxSpend: SpendSource['maxSpend'], ceiling: SpendSource['ceiling']): SpendSource {
  return { id, state: 'processing', createdAt: NOW - 1000, amount: null, currency: null, quantity: 1, product: { price, currency: 'USD' }, allowance: { daily: null, monthly: null }, maxSpend, ceiling };
}

describe('the ceiling of a purchase', () => {
  it.each([
    ['30 % of a large total', '100.00', 'USD', '130.00'],
    ['the minimum for a cheap item in the limits’ currency', '10.00', 'USD', '25.00'],
    ['30 % only in another currency than the limits’', '10.00', 'EUR', '13.00'],
  ])('is the total plus the allowance for shipping and tax: %s', (_name, price, currency, expected) => {
    const result = checkLimits({ price, currency, quantity: 1 }, safety({ dailyLimit: usd('1000') }), [], NOW);
    expect(result.ceiling).toEqual({ amount: expected, currency });
    expect(result.maxSpend[0]).toEqual({ amount: expected, currency });
  });

  it('follows the allowance setting', () => {
    const custom = safety({ dailyLimit: { amount: '500', currency: 'EUR' }, shippingAllowance: { percent: 10, minimum: '5' } });
    expect(shippingAllowance(toUnits('100'), 'EUR', custom)).toBe(toUnits('10'));
    expect(shippingAllowance(toUnits('20'), 'EUR', custom)).toBe(toUnits('5'));
    expect(shippingAllowance(toUnits('20'), 'USD', custom)).toBe(toUnits('2'));
  });

  it('never goes past the cap or what the limits leave', () => {
    const spent: SpendSource = { ...underWay('a', '70.00', [usd('80.00')], usd('80.00')), state: 'completed', amount: '80.00', currency: 'USD' };
    const result = checkLimits({ price: '10.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('100') }), [spent], NOW);
    expect(result).toMatchObject({ blocked: null, ceiling: usd('20.00'), mostCeiling: usd('20.00') });
    expect(checkLimits({ price: '40.00', currency: 'USD', quantity: 1 }, safety({ maxPrice: usd('45') }), [], NOW).ceiling).toEqual(usd('45.00'));
  });

  it('three 1.00 USD purchases started together under a 100 USD daily limit all fit, with ceilings adding up to at most 100', () => {
    const limits = safety({ dailyLimit: usd('100') });
    const history: SpendSource[] = [];
    for (const id of ['a', 'b', 'c']) {
      const result = checkLimits({ price: '1.00', currency: 'USD', quantity: 1 }, limits, history, NOW);
      expect(result.blocked).toBeNull();
      history.push(underWay(id, '1.00', result.maxSpend, result.ceiling));
    }
    const ceilings = history.map((h) => toUnits(h.ceiling!.amount));
    expect(ceilings).toEqual([toUnits('16.00'), toUnits('16.00'), toUnits('16.00')]);
    expect(ceilings.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(toUnits('100'));
  });

  it('purchases under way hold their ceilings until the limit is full: the next one is blocked, never told to spend past it', () => {
    const limits = safety({ dailyLimit: usd('100'), shippingAllowance: { percent: 0, minimum: '0' } });
    const history: SpendSource[] = [];
    for (const id of ['a', 'b', 'c']) {
      const result = checkLimits({ price: '30.00', currency: 'USD', quantity: 1 }, limits, history, NOW);
      history.push(underWay(id, '30.00', result.maxSpend, result.ceiling));
    }
    expect(checkLimits({ price: '11.00', currency: 'USD', quantity: 1 }, limits, history, NOW).blocked).toMatch(/^Blocked by your daily spending limit/);
    expect(checkLimits({ price: '10.00', currency: 'USD', quantity: 1 }, limits, history, NOW)).toMatchObject({ blocked: null, ceiling: usd('10.00') });
  });

  it('an unknown price holds what the limits leave', () => {
    const result = checkLimits({ price: null, currency: null, quantity: 1 }, safety({ dailyLimit: usd('100') }), [underWay('a', '1.00', [usd('16.00')], usd('16.00'))], NOW);
    expect(result).toMatchObject({ blocked: null, ceiling: usd('84.00'), mostCeiling: usd('84.00') });
  });

  it.each([
    ['within the cap and the limits', usd('60.00'), null, usd('60.00')],
    ['exactly the total', usd('40.00'), null, usd('40.00')],
    ['below the total', usd('39.99'), 'The most the agent may spend cannot be less than the total, 40.00 USD.', null],
    ['above what the limits leave', usd('90.01'), 'The most the agent may spend can be at most 90.00 USD: your price cap and spending limits leave no more.', null],
    ['in another currency', { amount: '60.00', currency: 'EUR' }, 'The most the agent may spend must be in USD.', null],
  ])('the user may set it for one purchase: %s', (_name, requested, blocked, ceiling) => {
    const result = checkLimits({ price: '40.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('90') }), [], NOW, requested);
    expect(result.blocked).toBe(blocked);
    expect(result.ceiling).toEqual(ceiling);
    if (ceiling) expect(result.maxSpend).toEqual([ceiling]);
  });
});
