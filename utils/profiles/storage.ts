import { z } from 'zod';
import { defineParsedItem } from '../storage/parsedItem';
import { type Profile, profileSchema } from './schema';

export const profilesStateSchema = z.object({
  profiles: z.array(profileSchema).max(100),
  defaultProfileId: z.string().nullable(),
});
export type ProfilesState = z.infer<typeof profilesStateSchema>;

/** Saved address profiles and which one is the default. */
export const profilesStorage = defineParsedItem('local:profiles', {
  schema: profilesStateSchema,
  fallback: () => ({ profiles: [], defaultProfileId: null }),
  version: 1,
});

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
