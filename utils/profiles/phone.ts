import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { t } from '../shared/i18n';

/**
 * Normalises a phone number as typed ("020 7123 4567", "+44 (0)20 7123-4567") to E.164 (+442071234567),
 * using `country`'s calling code when the number has none. Returns an error in words when it is not a
 * valid number. Used by the profile form and import only, so the background never loads phone metadata.
 */
export function normalisePhone(input: string, country: string): { phone: string } | { error: string } {
  const trimmed = input.trim();
  if (!trimmed) return { phone: '' };
  const parsed = parsePhoneNumberFromString(trimmed, (country || undefined) as CountryCode | undefined);
  if (!parsed || !parsed.isValid()) {
    return {
      error: country ? t('phoneInvalidForCountry') : t('phoneNeedsCountryCode'),
    };
  }
  return { phone: parsed.number };
}
