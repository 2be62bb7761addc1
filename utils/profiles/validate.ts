import { normalisePhone } from './phone';
import { type Profile, type ProfileField, profileErrors, profileSchema } from './schema';

export type ProfileDraft = Record<ProfileField, string>;

/** Validates a draft as typed by a person (or read from an import): a clean profile, or errors by field. */
export function validateProfileDraft(id: string, draft: ProfileDraft): { profile: Profile } | { errors: Partial<Record<ProfileField, string>> } {
  const phone = normalisePhone(draft.phone, draft.country);
  const candidate = { id, ...draft, phone: 'phone' in phone ? phone.phone : '' };
  const errors = profileErrors(candidate);
  if ('error' in phone) errors.phone = phone.error;
  if (Object.keys(errors).length) return { errors };
  return { profile: profileSchema.parse(candidate) };
}
