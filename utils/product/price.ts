/**
 * Normalises a price as written on a page ("1,299.00", "1.299,00", "12,50", 19.9, "$ 24") to a decimal
 * string with "." ("1299.00", "12.50", "19.90", "24"); null when it is not a price.
 */
export function normalisePrice(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? formatNumber(value) : null;
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(/[^\d.,]/g, '');
  if (!/\d/.test(cleaned)) return null;
  const lastComma = cleaned.lastIndexOf(',');
  const lastDot = cleaned.lastIndexOf('.');
  let normalised: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both separators: the later one is the decimal separator.
    normalised = lastComma > lastDot ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const decimals = cleaned.length - lastComma - 1;
    const single = cleaned.indexOf(',') === lastComma;
    normalised = single && decimals !== 3 ? cleaned.replace(',', '.') : cleaned.replace(/,/g, '');
  } else {
    const dots = cleaned.split('.').length - 1;
    normalised = dots > 1 || (dots === 1 && cleaned.length - lastDot - 1 === 3 && cleaned.length > 4) ? cleaned.replace(/\./g, '') : cleaned;
  }
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(normalised)) return null;
  return normalised.replace(/^0+(?=\d)/, '');
}

function formatNumber(value: number): string {
  const fixed = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return fixed;
}

/** ISO 4217 code from a value that should be one; null otherwise. */
export function normaliseCurrency(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const code = value.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}
