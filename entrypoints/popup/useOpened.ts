import { useSyncExternalStore } from 'react';
import type { Opened, Opening } from './opening';

/** The popup's first read once it is done (at once when it was done before the view started); null until then. */
export function useOpened(opening: Opening): Opened | null {
  return useSyncExternalStore(
    (changed) => {
      let active = true;
      void opening.promise.then(() => active && changed(), () => {});
      return () => {
        active = false;
      };
    },
    () => opening.settled,
  );
}
