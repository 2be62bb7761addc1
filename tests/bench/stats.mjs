// Small statistics for the benchmarks.

/** The value below which `p` % of `values` fall (nearest rank). */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 50);

/** A repeatable pseudo-random sequence in [0, 1) (mulberry32), so every run buys at the same times. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How long after `completedAt` a purchase started at `startedAt` would be noticed if it were polled only by an
 * alarm every `periodMs` (the first one `periodMs` after the start), as a packed MV3 extension is limited to.
 */
export function alarmsOnlyDelay(startedAt, completedAt, periodMs) {
  const polls = Math.max(1, Math.ceil((completedAt - startedAt) / periodMs));
  return startedAt + polls * periodMs - completedAt;
}
