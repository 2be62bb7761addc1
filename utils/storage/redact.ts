/**
 * Copies of stored values kept for the user (a corrupt value set aside) must never keep a credential. Which
 * property holds one cannot be trusted in a value that failed its schema, so the test is deliberately broad: a
 * credential-like name at any depth, or a value that looks like a key wherever it sits.
 */

/** What a removed credential reads as in a kept copy. */
export const REMOVED = '[removed]';

/** Property names that hold, or may hold, a credential (apiKey, api_key, key, secret, token, password, auth…). */
const SECRET_NAME = /key|secret|token|passw|credential|auth|bearer|cookie|session/i;
/** A value shaped like a key: one word of 8 or more characters with a digit or an underscore (sk_live_…, UUIDs). */
const KEY_LIKE = /^(?=.*[\d_])\S{8,}$/;
/** An http(s) address: kept (base URLs), unless it carries a user name or password. */
const PLAIN_URL = /^https?:\/\/[^/@\s]+(?:[/?#]\S*)?$/i;

/** Deeper than any settings value: beyond it, everything is removed. */
const MAX_DEPTH = 16;

/** A plain number (an amount of a spending limit): never a key. */
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

function looksLikeKey(value: string): boolean {
  const text = value.trim();
  if (PLAIN_URL.test(text) || NUMBER.test(text)) return false;
  return KEY_LIKE.test(text) || /^bearer\s/i.test(text) || /^https?:\/\/[^/]*@/i.test(text);
}

/** `value` with every credential-like property or value (at any depth) replaced by `REMOVED`. */
export function withoutSecrets(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return REMOVED;
  if (typeof value === 'string') return looksLikeKey(value) ? REMOVED : value;
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, depth + 1));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      // Defined as own properties: a stored "__proto__" stays a plain name in the copy.
      Object.defineProperty(copy, name, { value: SECRET_NAME.test(name) ? REMOVED : withoutSecrets(item, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return value;
}
