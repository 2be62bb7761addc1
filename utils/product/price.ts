/**
 * Normalises a price as written on a page ("1,299.00", "1.299,00", "12,50", 19.9, "$ 24") to a decimal
 * string with "." and at least two decimals ("1299.00", "12.50", "19.90", "24.00"); null when it is not a price.
 */
export function normalisePrice(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? withCents(String(value)) : null;
  if (typeof value !== 'string') return null;
  const match = value.match(/\d[\d.,\s\u00a0\u202f']*/);
  if (!match) return null;
  const cleaned = match[0].replace(/[\s\u00a0\u202f']/g, '').replace(/[.,]+$/, '');
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
    normalised = dots > 1 || (dots === 1 && cleaned.length - lastDot - 1 === 3 && cleaned.length > 4 && !/^0\./.test(cleaned)) ? cleaned.replace(/\./g, '') : cleaned;
  }
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(normalised)) return null;
  return withCents(normalised.replace(/^0+(?=\d)/, ''));
}

/** "24" → "24.00", "19.9" → "19.90", "67.8400" → "67.84", "1.2345" stays. */
function withCents(amount: string): string {
  const [whole, fraction = ''] = amount.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${whole}.${trimmed.padEnd(2, '0')}`;
}

/** ISO 4217 code from a value that should be one; null otherwise. */
export function normaliseCurrency(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const code = value.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/** Hints about the shop's locale, used to read "$" and other shared symbols. */
export interface LocaleHints {
  /** Lower-case hostname, e.g. "www.bestbuy.ca". */
  host: string;
  /** The page's `lang`, e.g. "en-CA". */
  lang: string;
}

const UNAMBIGUOUS: [RegExp, string][] = [
  [/US\$|USD/i, 'USD'],
  [/C\$|CA\$|CAD/i, 'CAD'],
  [/A\$|AU\$|AUD/i, 'AUD'],
  [/NZ\$|NZD/i, 'NZD'],
  [/HK\$|HKD/i, 'HKD'],
  [/S\$|SGD/i, 'SGD'],
  [/R\$|BRL/i, 'BRL'],
  [/MX\$|MXN/i, 'MXN'],
  [/€|EUR/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/₹|INR/i, 'INR'],
  [/₩|KRW/i, 'KRW'],
  [/₺|TRY/i, 'TRY'],
  [/₽|RUB/i, 'RUB'],
  [/zł|PLN/i, 'PLN'],
  [/ر\.س|SAR/, 'SAR'],
  [/د\.إ|AED/, 'AED'],
  [/CHF/, 'CHF'],
  [/SEK/, 'SEK'],
  [/NOK/, 'NOK'],
  [/DKK/, 'DKK'],
];

/** Country of a host's top-level domain, for reading "$", "¥" and "kr". */
function countryOf(hints: LocaleHints): string | null {
  const region = hints.lang.split(/[-_]/)[1]?.toUpperCase();
  if (region && region.length === 2) return region;
  const tld = hints.host.split('.').pop() ?? '';
  if (tld === 'com' || tld === 'us') return 'US';
  return tld.length === 2 ? tld.toUpperCase() : null;
}

const DOLLAR_BY_COUNTRY: Record<string, string> = { US: 'USD', CA: 'CAD', AU: 'AUD', NZ: 'NZD', SG: 'SGD', HK: 'HKD', MX: 'MXN' };
const YEN_BY_COUNTRY: Record<string, string> = { JP: 'JPY', CN: 'CNY' };
const KRONA_BY_COUNTRY: Record<string, string> = { SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK' };

/**
 * The currency a price text is written in, using the page's locale for shared symbols ("$", "¥", "kr").
 * Null when unsure: we never guess silently.
 */
export function currencyFromText(text: string, hints: LocaleHints): string | null {
  for (const [pattern, code] of UNAMBIGUOUS) if (pattern.test(text)) return code;
  const country = countryOf(hints);
  if (/\$/.test(text)) return country ? DOLLAR_BY_COUNTRY[country] ?? null : null;
  if (/[¥￥]/.test(text)) return country ? YEN_BY_COUNTRY[country] ?? null : null;
  if (/\bkr\b/i.test(text)) return country ? KRONA_BY_COUNTRY[country] ?? null : null;
  return null;
}

/** A price with its currency read from a text such as "$1,299.00" or "7,95 EUR"; null when it holds no price. */
export function parsePriceText(text: string, hints: LocaleHints): { price: string; currency: string | null } | null {
  const price = normalisePrice(text);
  return price ? { price, currency: currencyFromText(text, hints) } : null;
}
