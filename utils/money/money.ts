import * as z from 'zod/mini';
import { currencyFromText, normaliseCurrency, normalisePrice } from '../product/price';

/** An amount as a decimal string ("60.00") with its ISO 4217 currency. */
export const moneySchema = z.object({
  amount: z.string().check(z.regex(/^\d{1,9}(\.\d{1,4})?$/, 'Amount must be a number like 60 or 60.00')),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'Currency must be a three-letter code like USD')),
});
export type Money = z.infer<typeof moneySchema>;

// Amounts are compared in ten-thousandths, as integers, so 0.1 + 0.2 never lands over a limit.
const SCALE = 10_000;
const CANONICAL = /^(\d{1,9})(?:\.(\d{1,4}))?$/;

/**
 * Units of a canonical decimal amount ("60", "60.00", "0.1234"), as the extension writes them. Anything
 * else is a programming error: amounts from outside (the service, storage) go through `parseAmount`.
 */
export function toUnits(amount: string): number {
  const match = CANONICAL.exec(amount);
  if (!match) throw new RangeError(`Not a canonical amount: ${JSON.stringify(amount).slice(0, 40)}`);
  return Number(match[1]) * SCALE + Number((match[2] ?? '').padEnd(4, '0'));
}

export function fromUnits(units: number): string {
  return (units / SCALE).toFixed(2);
}

/** "60.00 USD" */
export function formatAmount(units: number, currency: string): string {
  return `${fromUnits(units)} ${currency}`;
}

/** Money from units, in the canonical form `moneySchema` accepts. */
export function moneyOf(units: number, currency: string): Money {
  return { amount: fromUnits(Math.max(0, units)), currency };
}

/** Multiplies a decimal amount by a whole quantity. */
export function times(amount: string, quantity: number): number {
  return toUnits(amount) * quantity;
}

export interface ParsedAmount {
  /** Ten-thousandths of the currency unit; never negative. */
  units: number;
  /** The currency the text names, when it names one unambiguously. */
  currency: string | null;
}

/** One number, grouped by thousands ("1,299.00", "1.299,00", "1 299", "1'299") or plain ("1299.5", "12,50"). */
const NUMBER = /^(?:\d{1,3}(?:([,. '\u2019])\d{3})(?:\1\d{3})*(?:[.,]\d{1,4})?|\d{1,12}(?:[.,]\d{1,4})?)$/;
/** Text around the number: nothing, or a currency code or symbol (no signs, words or other numbers). */
const AFFIX = /^[^\d\s+\-\u2212()]{0,4}$/u;
/** Symbols that name a currency only with the shop's locale: read, but the currency stays unknown. */
const AMBIGUOUS_SYMBOLS = new Set(['$', '¥', '￥', 'kr']);
const NO_HINTS = { host: '', lang: '' };

/** The currency an affix names: a code or symbol; `undefined` when the affix is not a currency at all. */
function affixCurrency(affix: string): string | null | undefined {
  if (!affix) return null;
  if (/^[A-Za-z]{3}$/.test(affix)) return normaliseCurrency(affix) ?? undefined;
  // "$", "¥" or "kr" alone does not say which currency: never guessed here (page reading may use the shop's locale).
  if (AMBIGUOUS_SYMBOLS.has(affix.toLowerCase())) return null;
  const code = currencyFromText(affix, NO_HINTS);
  if (code) return code;
  return AMBIGUOUS_SYMBOLS.has(affix.toLowerCase()) ? null : undefined;
}

/**
 * Reads an amount the extension did not write itself (the service's `amount_str`, a stored value) strictly:
 * one non-negative number in any common local format, with at most a currency code or symbol before or
 * after it. Null for anything else — empty, words, signs, exponents, NaN/Infinity, several numbers, more than
 * four decimals, or a billion and more — so a caller can never mistake an unreadable amount for 0.
 */
export function parseAmount(raw: unknown): ParsedAmount | null {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0 || raw >= 1e9) return null;
    const units = Math.round(raw * SCALE);
    return Math.abs(units - raw * SCALE) < 1e-6 ? { units, currency: null } : null;
  }
  if (typeof raw !== 'string' || raw.length > 64) return null;
  const text = raw.replace(/[\u00a0\u202f]/g, ' ').trim();
  // A bare "29.125" is a decimal as services and the extension write it, not 29 thousand: read exactly.
  if (CANONICAL.test(text)) return { units: toUnits(text), currency: null };
  const match = /^(\D*?)\s*(\d[\d.,' \u2019]*\d|\d)\s*(\D*)$/u.exec(text);
  if (!match) return null;
  const [, prefix = '', number = '', suffix = ''] = match;
  if (!AFFIX.test(prefix) || !AFFIX.test(suffix) || !NUMBER.test(number)) return null;
  const before = affixCurrency(prefix);
  const after = affixCurrency(suffix);
  if (before === undefined || after === undefined) return null;
  if (before && after && before !== after) return null;
  const decimal = normalisePrice(number.replace(/\u2019/g, "'"));
  if (decimal === null || !CANONICAL.test(decimal)) return null;
  return { units: toUnits(decimal), currency: before ?? after ?? null };
}
