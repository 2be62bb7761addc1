import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * JSON with every object's keys in sorted order (by UTF-16 code units, as `Array.prototype.sort` orders strings) and no
 * spaces, so equal values always give the same text wherever they were built. Keys whose value is undefined are left
 * out, as `JSON.stringify` does. Anyone can recompute a receipt's digest with this and any SHA-256.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The SHA-256 of `value`'s canonical JSON (UTF-8), in lowercase hex. Synchronous: usable inside a store update. */
export function digestOf(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}
