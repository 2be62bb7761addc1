import { useEffect, useState } from 'react';
import type { Opened, Opening } from './opening';

/** The popup's first read once it is done (at once when it was done before the view started); null until then. */
export function useOpened(opening: Opening): Opened | null {
  const [opened, setOpened] = useState(opening.settled);
  useEffect(() => {
    if (opened) return;
    let active = true;
    void opening.promise.then((done) => active && setOpened(done));
    return () => {
      active = false;
    };
  }, [opening, opened]);
  return opened;
}
