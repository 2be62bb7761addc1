import * as z from 'zod/mini';
import { defineParsedItem } from '../storage/parsedItem';
import { type Profile, profileSchema } from './schema';

export const profilesStateSchema = z.object({
  profiles: z.array(profileSchema).check(z.maxLength(100)),
  defaultProfileId: z.nullable(z.string()),
});
export type ProfilesState = z.infer<typeof profilesStateSchema>;

/** Saved address profiles and which one is the default. */
export const profilesStorage = defineParsedItem('local:profiles', {
  schema: profilesStateSchema,
  fallback: () => ({ profiles: [], defaultProfileId: null }),
  version: 1,
});
