import { Mutex } from 'async-mutex';
import { defineParsedItem } from '../storage/parsedItem';
import { type WatchState, watchStateSchema } from './schema';

/** Every price watch and the per-site request times; a corrupt value is reported and copied to `watches:corrupt`. */
export const watchStorage = defineParsedItem('local:watches', {
  schema: watchStateSchema,
  fallback: (): WatchState => ({ watches: [], sites: {} }),
  version: 1,
});

const mutex = new Mutex();

/** Reads the watches (for views: read-only). */
export function readWatches(): Promise<WatchState> {
  return watchStorage.get();
}

/**
 * Read-modify-write of the watches, serialised so two checks (or a check and a click in Options) never lose each
 * other. Only the background calls this: it is the single writer of watches. `change` returns the new state, or
 * null to write nothing.
 */
export function updateWatches<T>(change: (state: WatchState) => { state: WatchState | null; result: T }): Promise<T> {
  return mutex.runExclusive(async () => {
    const { state, result } = change(await watchStorage.get());
    if (state) await watchStorage.set(state);
    return result;
  });
}
