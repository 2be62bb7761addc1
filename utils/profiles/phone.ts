import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

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
      error: country
        ? 'Phone is not a valid number for the chosen country; include the country code if it is from elsewhere (e.g. +44 20 7123 4567)'
        : 'Phone must start with + and the country code (e.g. +44 20 7123 4567), or choose the country first',
    };
  }
  return { phone: parsed.number };
}
