import { describe, expect, it } from 'vitest';
import { alarmsOnlyDelay, median, percentile, seededRandom } from '../bench/stats.mjs';

describe('benchmark statistics', () => {
  it.each([
    [[5, 1, 4, 2, 3], 50, 3],
    [[5, 1, 4, 2, 3], 95, 5],
    [Array.from({ length: 100 }, (_, i) => i + 1), 95, 95],
    [[7], 95, 7],
  ])('percentile(%j, %i) = %i (nearest rank)', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('median of an empty list is not a number, not zero', () => {
    expect(median([])).toBeNaN();
  });

  it.each([
    // Started at 0, polled every 30 s from 30 s on.
    [0, 5_000, 25_000],
    [0, 30_000, 0],
    [0, 31_000, 29_000],
    [10_000, 100_000, 0],
  ])('an alarm-only purchase started at %i and completed at %i is noticed %i ms later', (startedAt, completedAt, delay) => {
    expect(alarmsOnlyDelay(startedAt, completedAt, 30_000)).toBe(delay);
  });

  it('alarm-only delays average about half a period over spread completions', () => {
    const delays = Array.from({ length: 1000 }, (_, i) => alarmsOnlyDelay(0, 5_000 + i * 115, 30_000));
    expect(delays.reduce((a, b) => a + b, 0) / delays.length / 1000).toBeGreaterThan(13);
    expect(delays.reduce((a, b) => a + b, 0) / delays.length / 1000).toBeLessThan(17);
  });

  it('the seeded sequence repeats and stays in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const values = Array.from({ length: 50 }, () => a());
    expect(values).toEqual(Array.from({ length: 50 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(50);
  });
});
