/**
 * Whether a Diddo key says test or live mode. Keys carry a mode, but their format is not published:
 * `_test_` / `_live_` inside the key is our reading; null when the key does not say.
 */
export function modeOfDiddoKey(key: string): 'test' | 'live' | null {
  const words = key.trim().toLowerCase().split(/[_-]/);
  if (words.includes('test')) return 'test';
  if (words.includes('live')) return 'live';
  return null;
}
