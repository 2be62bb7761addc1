import { type Profile, type ProfileField, toShippingAddress } from '../../profiles/schema';
import { subdivisionsOf } from '../../profiles/subdivisions';

/** Diddo's `buyer_info` (also the body of a customer session token request). */
export interface DiddoBuyerInfo {
  first_name: string;
  last_name: string;
  email: string;
  /** E.164, with the country code. */
  phone: string;
  address1: string;
  address2: string;
  city: string;
  /** ISO 3166-2 subdivision without the country prefix ("NY"); empty where addresses have none. */
  province_code: string;
  postal_code: string;
  /** ISO 3166-1 alpha-2. */
  country_code: string;
}

/** The profile as Diddo's buyer_info: the same shape as the shipping address every service receives. */
export function buyerInfoFromProfile(profile: Profile): DiddoBuyerInfo {
  return toShippingAddress(profile);
}

/** What a shipped order needs, in form order. Phone is our reading of "phone with country code". */
const REQUIRED: readonly ProfileField[] = ['firstName', 'lastName', 'email', 'phone', 'address1', 'city', 'province', 'postalCode', 'country'];

/**
 * The profile fields Diddo needs that this profile lacks, in form order: empty required fields, and the
 * State / province code where the country's addresses need one (US, CA, …) and it is missing or unknown.
 */
export function missingForDiddo(profile: Pick<Profile, ProfileField>): ProfileField[] {
  return REQUIRED.filter((field) => {
    const value = String(profile[field] ?? '').trim();
    if (field !== 'province') return !value;
    const subdivisions = subdivisionsOf(profile.country);
    return subdivisions !== null && !subdivisions.some(([code]) => code === value.toUpperCase());
  });
}
