import { describe, expect, it } from 'vitest';
import { checkLimits, chargedAmount, overAllowance, spendHistory } from '../../utils/checkouts/limits';
import type { CheckoutRecord } from '../../utils/checkouts/record';
import { DEFAULT_SAFETY, type Safety } from '../../utils/settings/settings';

const NOW = new Date(2026, 10, 21, 15, 0, 0).getTime();
const HOUR = 3_600_000;

function record(overrides: Partial<CheckoutRecord>): CheckoutRecord {
  return {
    id: 'r', service: 'smartcheckout', intent: 'i', checkoutId: 'c', checkoutUrl: null, expiresAt: null, quoted: null, orderLabel: '', state: 'completed', serviceStatus: null,
    product: { url: 'https://shop.example/p', name: 'P', image: null, price: '10.00', currency: 'USD' },
    variant: null, variantLabel: '', quantity: 1, maxPrice: null, maxSpend: [], allowance: { daily: null, monthly: null }, ceiling: null, reportedProduct: null, confirmedRequest: null, drift: null, startNote: null, receipt: null, profileId: 'p', profileLabel: 'Home', prompt: '',
    amount: '10.00', currency: 'USD', notes: null, lastError: null, createdAt: NOW - HOUR, updatedAt: NOW,
    pollingSince: null, deadlineAt: NOW, nextPollAt: null, polls: 1, errorStreak: 0, pendingNotification: null, notifications: [], seen: true,
    ...overrides,
  };
}

const safety = (overrides: Partial<Safety>): Safety => ({ ...DEFAULT_SAFETY, ...overrides });
const usd = (amount: string) => ({ amount, currency: 'USD' });

describe('checkLimits', () => {
  it('passes everything when no limit is set; the ceiling is still the total plus the allowance for shipping and tax', () => {
    expect(checkLimits({ price: '999.00', currency: 'USD', quantity: 9 }, DEFAULT_SAFETY, [], NOW)).toEqual({
      blocked: null,
      unchecked: [],
      uncheckedNote: null,
      maxSpend: [usd('11688.30')],
      allowance: { daily: null, monthly: null },
      ceiling: usd('11688.30'),
      mostCeiling: null,
    });
  });

  it.each([
    ['under the cap', '20.00', 3, null],
    ['exactly at the cap', '20.00', 3, null],
    ['over the cap by price × quantity', '31.00', 2, 'Blocked by your maximum price per purchase: 62.00 USD is 2.00 USD over the 60.00 USD cap.'],
  ])('price cap: %s', (_name, price, quantity, blocked) => {
    const cap = _name === 'under the cap' ? '61.00' : '60.00';
    expect(checkLimits({ price, currency: 'USD', quantity }, safety({ maxPrice: usd(cap) }), [], NOW).blocked).toBe(blocked);
  });

  it('counts completed purchases of today at their charge and purchases under way or unknown at their hold, not failed or unsent ones or yesterday', () => {
    const held = (state: CheckoutRecord['state'], price: string, ceiling: string, quantity = 1) =>
      record({ state, amount: null, currency: null, product: { ...record({}).product, price }, quantity, ceiling: usd(ceiling), maxSpend: [usd(ceiling)] });
    const history = [
      record({ amount: '40.00' }),
      held('processing', '15.00', '45.00', 2),
      held('confirmed', '1.00', '6.00'),
      held('outcome_unknown', '5.00', '5.00'),
      held('failed', '500.00', '500.00'),
      held('not_sent', '500.00', '500.00'),
      record({ amount: '500.00', createdAt: new Date(2026, 10, 20, 23, 0).getTime() }),
    ];
    // Spent or held today: 40 + 45 + 6 + 5 = 96 (the purchase under way holds its ceiling, not its listed 30.00).
    expect(checkLimits({ price: '4.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('100') }), history, NOW).blocked).toBeNull();
    expect(checkLimits({ price: '5.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('100') }), history, NOW).blocked).toBe(
      'Blocked by your daily spending limit: this purchase (5.00 USD) would bring today’s spending to 101.00 USD, 1.00 USD over the 100 USD limit.',
    );
  });

  it('a purchase under way recorded before holds holds what remained of the limit when it started', () => {
    const legacy = record({ state: 'processing', amount: null, currency: null, maxSpend: [], allowance: { daily: usd('70.00'), monthly: null } });
    expect(checkLimits({ price: '31.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('100') }), [legacy], NOW).blocked).toMatch(/^Blocked by your daily spending limit/);
    expect(checkLimits({ price: '30.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('100') }), [legacy], NOW).blocked).toBeNull();
  });

  it('a completed purchase whose charge cannot be read counts at its ceiling', () => {
    const odd = record({ amount: 'about 40', ceiling: usd('52.00'), maxSpend: [usd('52.00')] });
    expect(checkLimits({ price: '48.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('100') }), [odd], NOW).blocked).toBeNull();
    expect(checkLimits({ price: '49.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('100') }), [odd], NOW).blocked).toMatch(/101.00 USD/);
  });

  it('the 30-day limit looks back 30 days', () => {
    const history = [record({ amount: '300.00', createdAt: NOW - 29 * 24 * HOUR }), record({ amount: '900.00', createdAt: NOW - 31 * 24 * HOUR })];
    const result = checkLimits({ price: '250.00', currency: 'USD', quantity: 1 }, safety({ monthlyLimit: usd('500.00') }), history, NOW);
    expect(result.blocked).toMatch(/^Blocked by your 30-day spending limit: .* 550.00 USD, 50.00 USD over the 500.00 USD limit\.$/);
  });

  it('never guesses: an unknown price or another currency is reported as unchecked (to be confirmed), and says which limit', () => {
    const result = checkLimits({ price: null, currency: null, quantity: 1 }, safety({ maxPrice: usd('10'), dailyLimit: { amount: '50', currency: 'EUR' } }), [], NOW);
    expect(result).toEqual({
      blocked: null,
      unchecked: ['maximum price per purchase (10 USD)', 'daily spending limit (50 EUR)'],
      uncheckedNote:
        'The price is unknown, so these limits could not be checked: maximum price per purchase (10 USD); daily spending limit (50 EUR). The agent is told the most it may spend; confirm only if you know what this costs.',
      maxSpend: [usd('10.00'), { amount: '50.00', currency: 'EUR' }],
      allowance: { daily: { amount: '50.00', currency: 'EUR' }, monthly: null },
      ceiling: usd('10.00'),
      mostCeiling: usd('10.00'),
    });
  });

  it('tells the agent the smallest of the cap and what remains of each limit, per currency, the purchase’s first', () => {
    const history = [record({ amount: '70.00' }), record({ amount: '100.00', currency: 'EUR', createdAt: NOW - 5 * 24 * HOUR })];
    const result = checkLimits(
      { price: '20.00', currency: 'USD', quantity: 1 },
      safety({ maxPrice: usd('60'), dailyLimit: usd('100'), monthlyLimit: { amount: '400', currency: 'EUR' } }),
      history,
      NOW,
    );
    // The EUR limit cannot be checked against a USD price; the 70 USD purchase counts as the whole EUR limit (no allowance recorded).
    expect(result.blocked).toBe('Blocked by your 30-day spending limit: the purchases of the last 30 days already count 500.00 EUR of the 400 EUR limit.');
    const open = checkLimits({ price: '20.00', currency: 'USD', quantity: 1 }, safety({ maxPrice: usd('60'), dailyLimit: usd('100'), monthlyLimit: usd('400') }), history.slice(0, 1), NOW);
    expect(open).toMatchObject({ blocked: null, maxSpend: [usd('30.00')], allowance: { daily: usd('30.00'), monthly: usd('330.00') } });
  });

  it('a limit already used up blocks even a purchase whose price is unknown', () => {
    const result = checkLimits({ price: null, currency: null, quantity: 1 }, safety({ dailyLimit: usd('50') }), [record({ amount: '50.00' })], NOW);
    expect(result.blocked).toBe('Blocked by your daily spending limit: today’s purchases already count 50.00 USD of the 50 USD limit.');
  });

  it.each([
    ['unreadable', { amount: 'about 40' }],
    ['negative', { amount: '-40.00' }],
    ['in another currency', { amount: '40.00', currency: 'EUR' }],
    ['missing', { amount: null, currency: null }],
    ['with a currency that contradicts the text', { amount: '40.00 EUR', currency: 'USD' }],
  ])('a completed amount that is %s counts as the purchase’s allowance for that limit', (_name, overrides) => {
    const odd = record({ ...overrides, allowance: { daily: usd('45.00'), monthly: null } });
    expect(checkLimits({ price: '5.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('50') }), [odd], NOW).blocked).toBeNull();
    expect(checkLimits({ price: '5.01', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('50') }), [odd], NOW).blocked).toMatch(/^Blocked by your daily spending limit/);
    // Recorded before the limit existed (no allowance): the whole limit.
    const older = record({ ...overrides });
    expect(checkLimits({ price: null, currency: null, quantity: 1 }, safety({ dailyLimit: usd('50') }), [older], NOW).blocked).toMatch(/already count 50.00 USD/);
  });

  it('a purchase still open whose price is unknown counts as its allowance, not 0', () => {
    const open = record({ state: 'processing', amount: null, currency: null, product: { ...record({}).product, price: null, currency: null }, allowance: { daily: usd('40.00'), monthly: null } });
    expect(checkLimits({ price: '10.01', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('50') }), [open], NOW).blocked).toMatch(/^Blocked/);
  });

  it('purchases cleared from the history still count, once', () => {
    const entry = record({ id: 'gone', amount: '45.00' });
    expect(spendHistory([entry], [entry])).toHaveLength(1);
    expect(checkLimits({ price: '10.00', currency: 'USD', quantity: 1 }, safety({ dailyLimit: usd('50') }), spendHistory([], [entry]), NOW).blocked).toMatch(/^Blocked/);
  });
});

describe('chargedAmount', () => {
  it.each([
    ['49.99', 'USD', { units: 499_900, currency: 'USD' }],
    ['1,299.00', 'USD', { units: 12_990_000, currency: 'USD' }],
    ['1.299,00 EUR', null, { units: 12_990_000, currency: 'EUR' }],
    ['1.299,00 EUR', 'EUR', { units: 12_990_000, currency: 'EUR' }],
    ['$1299', 'USD', { units: 12_990_000, currency: 'USD' }],
    ['49.99', null, null],
    ['49.99', 'dollars', null],
    ['-5', 'USD', null],
    ['40 EUR', 'USD', null],
  ])('%j %j → %j', (amount, currency, expected) => {
    expect(chargedAmount({ amount, currency })).toEqual(expected);
  });
});

describe('overAllowance', () => {
  const done = (amount: string | null, currency: string | null, maxSpend = [usd('60.00')]) => ({ amount, currency, maxSpend, maxPrice: null });
  it.each([
    [done('62.00', 'USD'), { charged: '62.00 USD', excess: '2.00 USD', allowed: '60.00 USD' }],
    [done('1,299.00', 'USD'), { charged: '1299.00 USD', excess: '1239.00 USD', allowed: '60.00 USD' }],
    [done('60.00', 'USD'), null],
    [done('99.00', 'EUR'), null],
    [done('99.00', 'USD', []), null],
    [done(null, 'USD'), null],
    [{ amount: '61.00', currency: 'USD', maxSpend: [], maxPrice: usd('60.00') }, { charged: '61.00 USD', excess: '1.00 USD', allowed: '60.00 USD' }],
  ])('%j → %j', (record, expected) => {
    expect(overAllowance(record)).toEqual(expected);
  });
});
