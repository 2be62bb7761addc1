import { describe, expect, it } from 'vitest';
import { parseAmount, toUnits } from '../../utils/money/money';

describe('parseAmount: amounts the extension did not write', () => {
  it.each([
    ['1,299.00', 12_990_000, null],
    ['1.299,00 EUR', 12_990_000, 'EUR'],
    ['$1299', 12_990_000, null],
    [' 49.99 ', 499_900, null],
    ['49.99 USD', 499_900, 'USD'],
    ['USD 49.99', 499_900, 'USD'],
    ['€12,50', 125_000, 'EUR'],
    ['1 299,00 €', 12_990_000, 'EUR'],
    ["1'299.50 CHF", 12_995_000, 'CHF'],
    ['US$ 5', 50_000, 'USD'],
    ['0', 0, null],
    ['0.5', 5_000, null],
    ['29.125', 291_250, null],
    ['1.299', 12_990, null],
    ['1,299', 12_990_000, null],
    ['999999999.9999', 9_999_999_999_999, null],
    [49.99, 499_900, null],
  ])('%j → %i units, currency %s', (raw, units, currency) => {
    expect(parseAmount(raw)).toEqual({ units, currency });
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['-5'],
    ['−5'],
    ['(5.00)'],
    ['+5'],
    ['5-'],
    ['NaN'],
    ['Infinity'],
    ['1e9'],
    ['1E3'],
    ['0x10'],
    ['about 40'],
    ['12 or 13'],
    ['10 - 20'],
    ['1.2.3'],
    ['1,2,3'],
    ['49.99999'],
    ['1000000000'],
    ['99999999999999999999'],
    ['40 EUR USD'],
    ['€40 USD'],
    ['40 dollars'],
    [null],
    [undefined],
    [{}],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [-5],
    ['9'.repeat(100)],
  ])('%j is unreadable', (raw) => {
    expect(parseAmount(raw)).toBeNull();
  });
});

describe('toUnits', () => {
  it('reads the extension’s own canonical amounts exactly', () => {
    expect([toUnits('60'), toUnits('60.00'), toUnits('0.1'), toUnits('0.1234'), toUnits('999999999.9999')]).toEqual([600_000, 600_000, 1_000, 1_234, 9_999_999_999_999]);
  });

  it.each([['1,299.00'], ['-5'], ['NaN'], [''], ['1e9']])('refuses %j instead of returning NaN', (amount) => {
    expect(() => toUnits(amount)).toThrow(RangeError);
  });
});
