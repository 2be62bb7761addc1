import { describe, expect, it } from 'vitest';
import { checkLimits, overCap } from '../../utils/checkouts/limits';
import type { CheckoutRecord } from '../../utils/checkouts/record';
import { DEFAULT_SAFETY, type Safety } from '../../utils/settings';

const NOW = new Date(2026, 10, 21, 15, 0, 0).getTime();
const HOUR = 3_600_000;

function record(overrides: Partial<CheckoutRecord>): CheckoutRecord {
  return {
    id: 'r', service: 'smartcheckout', intent: 'i', checkoutId: 'c', checkoutUrl: null, expiresAt: null, quoted: null, orderLabel: '', state: 'completed', serviceStatus: null,
    product: { url: 'https://shop.example/p', name: 'P', image: null, price: '10.00', currency: 'USD' },
    variant: null, variantLabel: '', quantity: 1, maxPrice: null, profileId: 'p', profileLabel: 'Home', prompt: '',
    amount: '10.00', currency: 'USD', notes: null, lastError: null, createdAt: NOW - HOUR, updatedAt: NOW,
    pollingSince: null, deadlineAt: NOW, nextPollAt: null, polls: 1, errorStreak: 0, pendingNotification: null, notifications: [], seen: true,
    ...overrides,
  };
}

const safety = (overrides: Partial<Safety>): Safety => ({ ...DEFAULT_SAFETY, ...overrides });
const usd = (amount: string) => ({ amount, currency: 'USD' });

describe('checkLimits', () => {
  it('passes everything when no limit is set', () => {
    expect(checkLimits({ price: '999.00', currency: 'USD', quantity: 9 }, DEFAULT_SAFETY, [], NOW)).toEqual({ blocked: null, unchecked: [] });
  });

  it.each([
    ['under the cap', '20.00', 3, null],
    ['exactly at the cap', '20.00', 3, null],
    ['over the cap by price × quantity', '31.00', 2, 'Blocked by your maximum price per purchase: 62.00 USD is 2.00 USD over the 60.00 USD cap.'],
  ])('price cap: %s', (_name, price, quantity, blocked) => {
    const cap = _name === 'under the cap' ? '61.00' : '60.00';
    expect(checkLimits({ price, currency: 'USD', quantity }, safety({ maxPrice: usd(cap) }), [], NOW).blocked).toBe(blocked);
  });

  it('counts completed, pending and unknown purchases of today against the daily limit, not failed ones or yesterday', () => {
    const history = [
      record({ amount: '40.00' }),
      record({ state: 'processing', amount: null, currency: null, product: { ...record({}).product, price: '15.00' }, quantity: 2 }),
      record({ state: 'outcome_unknown', amount: null, currency: null, product: { ...record({}).product, price: '5.00' } }),
      record({ state: 'failed', amount: null, currency: null, product: { ...record({}).product, price: '500.00' } }),
      record({ amount: '500.00', createdAt: new Date(2026, 10, 20, 23, 0).getTime() }),
      record({ amount: '500.00', currency: 'EUR' }),
    ];
    // Spent today: 40 + 30 + 5 = 75.
    expect(checkLimits({ price: '25.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('100') }), history, NOW).blocked).toBeNull();
    expect(checkLimits({ price: '26.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('100') }), history, NOW).blocked).toBe(
      'Blocked by your daily spending limit: this purchase (26.00 USD) would bring today’s spending to 101.00 USD, 1.00 USD over the 100 USD limit.',
    );
  });

  it('the 30-day limit looks back 30 days', () => {
    const history = [record({ amount: '300.00', createdAt: NOW - 29 * 24 * HOUR }), record({ amount: '900.00', createdAt: NOW - 31 * 24 * HOUR })];
    const result = checkLimits({ price: '250.00', currency: 'USD', quantity: 1 }, safety({ monthlyLimit: usd('500.00') }), history, NOW);
    expect(result.blocked).toMatch(/^Blocked by your 30-day spending limit: .* 550.00 USD, 50.00 USD over the 500.00 USD limit\.$/);
  });

  it('never guesses: an unknown price or another currency is reported as unchecked, not blocked', () => {
    const result = checkLimits({ price: null, currency: null, quantity: 1 }, safety({ maxPrice: usd('10'), dailyLimit: { amount: '50', currency: 'EUR' } }), [], NOW);
    expect(result).toEqual({ blocked: null, unchecked: ['maximum price per purchase (10 USD)', 'daily spending limit (50 EUR)'] });
  });
});

describe('overCap', () => {
  it.each([
    ['62.00', 'USD', usd('60.00'), '2.00'],
    ['60.00', 'USD', usd('60.00'), null],
    ['99.00', 'EUR', usd('60.00'), null],
    ['99.00', 'USD', null, null],
    [null, 'USD', usd('60.00'), null],
  ])('%s %s with cap %j → %s', (amount, currency, cap, expected) => {
    expect(overCap(amount, currency, cap)).toBe(expected);
  });
});
