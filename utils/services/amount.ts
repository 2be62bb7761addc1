// Money as decimal strings, converted without floating-point arithmetic wherever the input allows.

const DECIMAL = /^\d{1,9}(\.\d{1,4})?$/;

/** True for an amount we send: up to 9 integer and 4 fraction digits ("29", "29.5", "1299.99"). */
export function isDecimalAmount(amount: string): boolean {
  return DECIMAL.test(amount);
}

/** The amount in ten-thousandths, as an integer (for comparisons such as "at least 0.01"). */
export function decimalToUnits(amount: string): number {
  if (!DECIMAL.test(amount)) throw new RangeError(`Not a decimal amount: ${amount}`);
  const [whole = '0', fraction = ''] = amount.split('.');
  return Number(whole) * 10_000 + Number(fraction.padEnd(4, '0'));
}

/**
 * The JSON number for a decimal string: "29.00" → 29, "1299.99" → 1299.99. With at most 13 significant
 * digits a double holds the value exactly enough that JSON prints the same digits; checked, not assumed.
 */
export function decimalToJsonNumber(amount: string): number {
  if (!DECIMAL.test(amount)) throw new RangeError(`Not a decimal amount: ${amount}`);
  const value = Number(amount);
  const canonical = amount.replace(/^0+(?=\d)/, '').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  if (String(value) !== canonical) throw new RangeError(`Amount cannot be sent exactly: ${amount}`);
  return value;
}

/** Minor units (cents) to a decimal string, in integer arithmetic: 2900 → "29.00", 1 → "0.01". */
export function centsToDecimal(cents: number, digits = 2): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const text = String(Math.abs(cents)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, text.length - digits)}.${text.slice(text.length - digits)}`;
}

/**
 * A service's JSON number as a decimal string with at least two fraction digits, keeping every digit the
 * service sent: 29 → "29.00", 29.5 → "29.50", 1299.99 → "1299.99", 0.125 → "0.125".
 */
export function numberToDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite amount: ${value}`);
  let text = String(value);
  if (/e/i.test(text)) text = expandExponent(text);
  return padFraction(text);
}

/** A service's decimal string, checked and padded to at least two fraction digits ("58" → "58.00"). */
export function normaliseDecimalString(text: string): string | null {
  const trimmed = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return padFraction(trimmed);
}

function padFraction(text: string): string {
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

// "1e-7" → "0.0000001", "1.5e21" → "1500000000000000000000": String() uses exponents at the extremes.
function expandExponent(text: string): string {
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!match) throw new RangeError(`Unreadable amount: ${text}`);
  const [, sign, lead, rest = '', exponentText] = match;
  const digits = `${lead}${rest}`;
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
