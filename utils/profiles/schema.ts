import * as z from 'zod/mini';
import { type MessageKey, t } from '../shared/i18n';
import { isCountryCode } from './countries';
import { normalisePostalCode, postalCodeError } from './postalCodes';
import { subdivisionsOf } from './subdivisions';

/** A zod error message in the user's language, looked up only when the check fails. */
const say = (key: MessageKey, ...substitutions: (string | number)[]) => ({ error: () => t(key, ...substitutions) });

const field = (label: MessageKey, max: number) =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((value) => value.replace(/\s+/g, ' ').trim()),
    ),
    z.string().check(z.maxLength(max, { error: () => t('profileTooLong', t(label), max) })),
  );
const required = (label: MessageKey, max: number) => z.pipe(field(label, max), z.string().check(z.minLength(1, { error: () => t('profileRequired', t(label)) })));

/** Accepts "+44 20 7123 4567", "(020) 7123-4567" with a leading +; stores E.164 (+442071234567). */
const phone = z
  .pipe(
    z.string(),
    z.transform((value) => value.replace(/[\s().-]/g, '')),
  )
  .check(z.refine((value) => value === '' || /^\+[1-9]\d{6,14}$/.test(value), say('profilePhoneFormat')));

/** An address profile; parsed at every boundary (form, storage, import). */
export const profileSchema = z
  .pipe(
    z.object({
      id: z.string().check(z.minLength(1), z.maxLength(64)),
      label: required('fieldLabel', 40),
      firstName: required('fieldFirstName', 80),
      lastName: required('fieldLastName', 80),
      email: z.pipe(field('fieldEmail', 254), z.email(say('profileEmail'))),
      phone,
      address1: required('fieldAddress1', 200),
      address2: field('fieldAddress2', 200),
      city: required('fieldCity', 100),
      province: field('fieldProvince', 100),
      postalCode: required('fieldPostalCode', 20),
      country: z.string().check(z.refine(isCountryCode, say('profileChooseCountry'))),
    }),
    z.transform((p) => ({
      ...p,
      postalCode: normalisePostalCode(p.country, p.postalCode),
      province: subdivisionsOf(p.country) ? p.province.toUpperCase() : p.province,
    })),
  )
  .check(
    z.superRefine((p, ctx) => {
      for (const [path, message] of Object.entries(addressErrors(p))) ctx.addIssue({ code: 'custom', path: [path], message });
    }),
  );

/** Checks that depend on the country: State / province from its list, postal code in its format. */
function addressErrors(p: { country: string; province: string; postalCode: string }): Partial<Record<'province' | 'postalCode', string>> {
  const errors: Partial<Record<'province' | 'postalCode', string>> = {};
  const subdivisions = subdivisionsOf(p.country);
  if (subdivisions && !subdivisions.some(([code]) => code === p.province.trim().toUpperCase())) errors.province = t('profileChooseProvince');
  const postal = p.postalCode.trim() ? postalCodeError(p.country, p.postalCode) : null;
  if (postal) errors.postalCode = postal;
  return errors;
}
export type Profile = z.infer<typeof profileSchema>;
export type ProfileField = Exclude<keyof Profile, 'id'>;

/** Field-by-field error messages for a profile form. */
export function profileErrors(input: unknown): Partial<Record<ProfileField, string>> {
  const result = profileSchema.safeParse(input);
  if (result.success) return {};
  const errors: Partial<Record<ProfileField, string>> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0] as ProfileField | undefined;
    if (key && !errors[key]) errors[key] = issue.message;
  }
  // zod skips the country checks once another field failed; report them anyway, next to their fields.
  const fields = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  if (typeof fields.country === 'string' && isCountryCode(fields.country)) {
    const address = addressErrors({ country: fields.country, province: String(fields.province ?? ''), postalCode: String(fields.postalCode ?? '') });
    for (const [key, message] of Object.entries(address)) errors[key as ProfileField] ??= message;
  }
  return errors;
}

/** The `shipping_address` object the contract defines (the widely used buyer_info shape). */
export function toShippingAddress(profile: Profile) {
  return {
    first_name: profile.firstName,
    last_name: profile.lastName,
    email: profile.email,
    phone: profile.phone,
    address1: profile.address1,
    address2: profile.address2,
    city: profile.city,
    province_code: profile.province,
    postal_code: profile.postalCode,
    country_code: profile.country,
  };
}

/** One line for confirmations: "Home — Ada Lovelace, 12 St James's Square, London SW1Y 4JH, GB". */
export function describeProfile(profile: Profile): string {
  const place = [profile.address1, profile.address2, [profile.city, profile.province, profile.postalCode].filter(Boolean).join(' '), profile.country]
    .filter(Boolean)
    .join(', ');
  return `${profile.label} — ${profile.firstName} ${profile.lastName}, ${place}`;
}
