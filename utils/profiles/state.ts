/** Working with the saved profiles: the default one, adding, removing, undoing, duplicating (`storage.ts` keeps them). */
import { t } from '../shared/i18n';
import type { Profile } from './schema';
import type { ProfilesState } from './storage';

/** The default profile, else the first one, else null. */
export function defaultProfile(state: ProfilesState): Profile | null {
  return state.profiles.find((p) => p.id === state.defaultProfileId) ?? state.profiles[0] ?? null;
}

/** Inserts or replaces `profile`; the first profile saved becomes the default. */
export function upsertProfile(state: ProfilesState, profile: Profile): ProfilesState {
  const exists = state.profiles.some((p) => p.id === profile.id);
  const profiles = exists ? state.profiles.map((p) => (p.id === profile.id ? profile : p)) : [...state.profiles, profile];
  return { profiles, defaultProfileId: state.defaultProfileId ?? profile.id };
}

/** Removes a profile; the default moves to the first remaining one. Returns what undo needs. */
export function removeProfile(state: ProfilesState, id: string): { state: ProfilesState; removed: { profile: Profile; index: number; wasDefault: boolean } | null } {
  const index = state.profiles.findIndex((p) => p.id === id);
  if (index < 0) return { state, removed: null };
  const profiles = state.profiles.filter((p) => p.id !== id);
  const wasDefault = state.defaultProfileId === id;
  return {
    state: { profiles, defaultProfileId: wasDefault ? profiles[0]?.id ?? null : state.defaultProfileId },
    removed: { profile: state.profiles[index]!, index, wasDefault },
  };
}

/** Puts a removed profile back where it was (undo). */
export function restoreProfile(state: ProfilesState, removed: { profile: Profile; index: number; wasDefault: boolean }): ProfilesState {
  if (state.profiles.some((p) => p.id === removed.profile.id)) return state;
  const profiles = [...state.profiles];
  profiles.splice(Math.min(removed.index, profiles.length), 0, removed.profile);
  return { profiles, defaultProfileId: removed.wasDefault || !state.defaultProfileId ? removed.profile.id : state.defaultProfileId };
}

/** A copy of a profile, labelled as such, placed after the original. */
export function duplicateProfile(state: ProfilesState, id: string, newId: string): ProfilesState {
  const index = state.profiles.findIndex((p) => p.id === id);
  if (index < 0) return state;
  const original = state.profiles[index]!;
  const copy = { ...original, id: newId, label: t('profileCopyLabel', original.label).slice(0, 40) };
  const profiles = [...state.profiles];
  profiles.splice(index + 1, 0, copy);
  return { ...state, profiles };
}
