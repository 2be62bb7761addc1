import { t } from '../shared/i18n';

// Postal code formats for the countries we check; elsewhere any non-empty code is accepted.
const FORMATS: Record<string, { pattern: RegExp; example: string; normalise?: (code: string) => string }> = {
  US: { pattern: /^\d{5}(-\d{4})?$/, example: '94103, 94103-1234' },
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d$/, example: 'K1A 0B1', normalise: (c) => c.replace(/^(\w{3})\s*(\w{3})$/, '$1 $2') },
  GB: { pattern: /^(GIR 0AA|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})$/, example: 'SW1Y 4JH', normalise: (c) => c.replace(/^(\S+?)\s*(\d[A-Z]{2})$/, '$1 $2') },
  DE: { pattern: /^\d{5}$/, example: '10115' },
  FR: { pattern: /^\d{5}$/, example: '75001' },
  NL: { pattern: /^[1-9]\d{3} [A-Z]{2}$/, example: '1012 AB', normalise: (c) => c.replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2') },
  AU: { pattern: /^\d{4}$/, example: '2000' },
  JP: { pattern: /^\d{3}-\d{4}$/, example: '100-0001', normalise: (c) => c.replace(/^(\d{3})-?(\d{4})$/, '$1-$2') },
  BR: { pattern: /^\d{5}-\d{3}$/, example: '01310-100', normalise: (c) => c.replace(/^(\d{5})-?(\d{3})$/, '$1-$2') },
  IN: { pattern: /^[1-9]\d{5}$/, example: '110001', normalise: (c) => c.replace(/\s/g, '') },
};

/** The postal code in its usual form for `country` (upper case, standard spacing). */
export function normalisePostalCode(country: string, code: string): string {
  const upper = code.trim().replace(/\s+/g, ' ').toUpperCase();
  return FORMATS[country]?.normalise?.(upper) ?? upper;
}

/** An error in words when `code` is not a postal code of `country`; null when it is (or we do not check). */
export function postalCodeError(country: string, code: string): string | null {
  const format = FORMATS[country];
  if (!format) return null;
  return format.pattern.test(normalisePostalCode(country, code)) ? null : t('postalCodeFormat', format.example);
}
