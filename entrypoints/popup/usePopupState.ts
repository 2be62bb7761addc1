import { useEffect, useMemo, useState } from 'react';
import type { PopupStart } from '../../utils/popup/popupStart';
import type { LiveState } from './liveState';
import type { Opened } from './opening';

/** The stored values the popup shows; undefined until the first read is done. `checkouts` (every purchase) comes after the first card. */
export type PopupState = Partial<LiveState> & { records: PopupStart['records'] };

function fromStart(start: PopupStart): Partial<LiveState> {
  return { settings: start.settings, sessionKeys: start.sessionKeys, profiles: start.profiles, bySite: start.serviceBySite, shown: start.popupCheckout };
}

/**
 * Settings, profiles, popup memory and purchases: first as the popup's first read found them, then kept live. Keeping
 * them live (watching storage, checking each value again, reading every purchase) is loaded once the first read is
 * on screen (`later`), never in the task that draws it.
 */
export function usePopupState(opened: Opened | null, later: boolean): PopupState {
  const first = useMemo(() => (opened ? fromStart(opened.start) : {}), [opened]);
  const [live, setLive] = useState<Partial<LiveState>>({});
  useEffect(() => {
    if (!opened || !later) return;
    let active = true;
    let unwatch = () => {};
    void import('./liveState').then(({ watchPopupState }) => {
      if (active) unwatch = watchPopupState(first, (patch) => setLive((current) => ({ ...current, ...patch })));
    });
    return () => {
      active = false;
      unwatch();
    };
  }, [opened, first, later]);
  return { ...first, ...live, records: opened?.start.records ?? [] };
}
