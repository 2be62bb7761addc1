import * as z from 'zod/mini';
import { t } from '../shared/i18n';
import type { Profile, ProfileField } from './schema';
import type { ProfilesState } from './storage';
import { validateProfileDraft } from './validate';

export const EXPORT_FORMAT = 'smartcheckout-profiles';
const MAX_FILE_BYTES = 1_000_000;
const MAX_PROFILES = 100;

const FIELD_NAMES: ProfileField[] = ['label', 'firstName', 'lastName', 'email', 'phone', 'address1', 'address2', 'city', 'province', 'postalCode', 'country'];

/** The JSON a user downloads with "Export profiles". */
export function exportProfiles(state: ProfilesState): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, defaultProfileId: state.defaultProfileId, profiles: state.profiles }, null, 2);
}

const fileSchema = z.union([
  z.object({ format: z.optional(z.literal(EXPORT_FORMAT)), version: z.optional(z.literal(1)), defaultProfileId: z.nullish(z.string()), profiles: z.array(z.unknown()) }),
  z.array(z.unknown()),
]);

export type ImportResult = { ok: true; state: ProfilesState; added: number } | { ok: false; reason: string };

/**
 * Imports a file the user picked. Its size is checked before any of it is read: a huge file is refused with
 * the reason instead of being loaded into memory.
 */
export async function importProfilesFile(state: ProfilesState, file: Pick<Blob, 'size' | 'text'>, newId: () => string): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, reason: t('importTooLarge') };
  return importProfiles(state, await file.text(), newId);
}

/**
 * Adds the profiles in an exported file to `state`. All or nothing: any invalid profile refuses the whole
 * file with the reason, and existing profiles are never overwritten (a clashing id gets a new one).
 */
export function importProfiles(state: ProfilesState, text: string, newId: () => string): ImportResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, reason: t('importTooLarge') };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: t('importNotJson') };
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) return { ok: false, reason: t('importNotExport') };
  const entries = Array.isArray(file.data) ? file.data : file.data.profiles;
  if (entries.length === 0) return { ok: false, reason: t('importEmpty') };
  if (state.profiles.length + entries.length > MAX_PROFILES) return { ok: false, reason: t('importTooMany', MAX_PROFILES) };

  const taken = new Set(state.profiles.map((p) => p.id));
  const imported: Profile[] = [];
  for (const [index, entry] of entries.entries()) {
    const source = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
    const draft = Object.fromEntries(FIELD_NAMES.map((name) => [name, typeof source[name] === 'string' ? source[name] : ''])) as Record<ProfileField, string>;
    const sourceId = typeof source.id === 'string' && source.id ? source.id : null;
    const id = sourceId && !taken.has(sourceId) ? sourceId : newId();
    taken.add(id);
    const result = validateProfileDraft(id, draft);
    if ('errors' in result) {
      const [field, message] = Object.entries(result.errors)[0]!;
      const name = draft.label || `#${index + 1}`;
      return { ok: false, reason: t('importInvalidProfile', index + 1, name, message ?? field) };
    }
    imported.push(result.profile);
  }
  return { ok: true, added: imported.length, state: { profiles: [...state.profiles, ...imported], defaultProfileId: state.defaultProfileId ?? imported[0]!.id } };
}
