import { useEffect, useState } from 'react';
import type { CheckoutList } from '../../utils/checkouts/store';
import type { PopupStart } from '../../utils/popupStart';
import type { LiveState } from './liveState';
import type { Opening } from './opening';

/** The stored values the popup shows; undefined until the first read is done. `checkouts` (every purchase) comes after the first card. */
export type PopupState = Partial<LiveState> & { records: PopupStart['records'] };

function fromStart(start: PopupStart | undefined): PopupState {
  if (!start) return { records: [] };
  return { settings: start.settings, sessionKeys: start.sessionKeys, profiles: start.profiles, bySite: start.serviceBySite, shown: start.popupCheckout, records: start.records };
}

/**
 * Settings, profiles, popup memory and purchases: first as the popup's first read found them, then kept live. Keeping
 * them live (watching storage, checking each value again, reading every purchase) is loaded after the first card.
 */
export function usePopupState(opening: Opening): PopupState & { checkouts: CheckoutList | undefined } {
  const [state, setState] = useState<PopupState>(() => fromStart(opening.settled?.start));
  useEffect(() => {
    let active = true;
    let unwatch = () => {};
    void opening.promise.then(async ({ start }) => {
      if (!active) return;
      const known = fromStart(start);
      setState((current) => (current.settings ? current : known));
      const { watchPopupState } = await import('./liveState');
      if (active) unwatch = watchPopupState(known, (patch) => setState((current) => ({ ...current, ...patch })));
    });
    return () => {
      active = false;
      unwatch();
    };
  }, [opening]);
  return { ...state, checkouts: state.checkouts };
}
