// Amounts and currencies as services write them, read leniently at the adapter boundary: what can be read is
// normalised (upper-case ISO code, canonical decimal string); what cannot is kept as bounded text in its own
// field, so an odd value is shown as it came and never makes a checkout unreadable.
import * as z from 'zod/mini';
import { type Money, parseAmount } from '../money/money';
import { normaliseCurrency } from '../product/price';

/** Longest text kept of an amount or currency that could not be read (the record caps them the same). */
const AMOUNT_TEXT_MAX = 60;
const CURRENCY_TEXT_MAX = 16;
const SCALE = 10_000;

/** Any value a service may send in an amount or currency field; read by the functions below, never trusted as is. */
export const serviceValue = () => z.optional(z.unknown());

/** Ten-thousandths as a canonical decimal string with at least two and at most four fraction digits: 12990000 → "1299.00". */
export function unitsToDecimal(units: number): string {
  const whole = Math.floor(units / SCALE);
  const fraction = String(units % SCALE).padStart(4, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${whole}.${fraction}`;
}

/** An amount that could not be read, kept as the service's text (bounded) to be shown as it came; null when absent. */
export function amountAsText(raw: unknown): string | null {
  return rawText(raw, AMOUNT_TEXT_MAX);
}

/** The service's value as bounded plain text, or null when it sent nothing. */
function rawText(raw: unknown, max: number): string | null {
  if (raw === null || raw === undefined) return null;
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' || typeof raw === 'boolean') text = String(raw);
  else text = JSON.stringify(raw) ?? '';
  text = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return text ? text.slice(0, max) : null;
}

/** A canonical decimal string ("29.00", "0.125", "1299.00") for a number or text in any common format; null when unreadable. */
export function readDecimal(raw: unknown): string | null {
  const parsed = parseAmount(typeof raw === 'string' ? raw.trim() : raw);
  return parsed ? unitsToDecimal(parsed.units) : null;
}

/** An upper-case ISO 4217 code for "usd", " Usd ", "USD"; null when absent or unreadable. */
export function readCurrency(raw: unknown): string | null {
  return normaliseCurrency(raw);
}

/**
 * What a service reported as paid or charged: the amount as a canonical decimal and the currency as an ISO code
 * when they can be read; otherwise each field keeps the service's text (bounded), so views show it as it came and
 * the spending limits treat it as unreadable. A currency named in the amount's text fills a missing currency field.
 */
export function readReportedMoney(amount: unknown, currency: unknown): { amount: string | null; currency: string | null } {
  const parsed = parseAmount(typeof amount === 'string' ? amount.trim() : amount);
  const code = readCurrency(currency);
  const clash = parsed?.currency && code && parsed.currency !== code;
  return {
    amount: parsed && !clash ? unitsToDecimal(parsed.units) : rawText(amount, AMOUNT_TEXT_MAX),
    currency: code ?? parsed?.currency ?? rawText(currency, CURRENCY_TEXT_MAX),
  };
}

/** Money a service quoted (what the customer will pay), only when both amount and currency can be read; else null. */
export function readQuotedMoney(amount: unknown, currency: unknown): Money | null {
  const reported = readReportedMoney(amount, currency);
  if (reported.amount === null || reported.currency === null) return null;
  if (readDecimal(reported.amount) !== reported.amount || !/^[A-Z]{3}$/.test(reported.currency)) return null;
  return { amount: reported.amount, currency: reported.currency };
}
