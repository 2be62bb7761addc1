import { type CheckoutList, readCheckouts, watchCheckouts } from '../../utils/checkouts/store';
import type { SessionKeys } from '../../utils/settings/connections';
import { sessionKeysStorage } from '../../utils/settings/connectionStorage';
import { popupCheckoutStorage, serviceBySiteStorage } from '../../utils/popup/popupMemory';
import type { ProfilesState } from '../../utils/profiles/storage';
import { profilesStorage } from '../../utils/profiles/storage';
import type { ServiceId } from '../../utils/services/registry';
import { type Settings, settingsStorage } from '../../utils/settings/settings';
import type { ParsedItem } from '../../utils/storage/parsedItem';

/** What the popup keeps live from storage. */
export interface LiveState {
  settings: Settings;
  sessionKeys: SessionKeys;
  profiles: ProfilesState;
  bySite: Record<string, ServiceId>;
  shown: Record<string, string>;
  /** Every purchase, each checked (the spending limits count them all). */
  checkouts: CheckoutList;
}

/**
 * Watches every value the popup shows and reads each once more (a change between the first read and the watch
 * is not missed); `update` gets each value, parsed, whenever it differs from what is `known`. Returns the unwatch.
 */
export function watchPopupState(known: Partial<LiveState>, update: (patch: Partial<LiveState>) => void): () => void {
  const items: { [K in Exclude<keyof LiveState, 'checkouts'>]: ParsedItem<LiveState[K]> } = {
    settings: settingsStorage,
    sessionKeys: sessionKeysStorage,
    profiles: profilesStorage,
    bySite: serviceBySiteStorage,
    shown: popupCheckoutStorage,
  };
  const unwatchers = Object.entries(items).map(([key, item]: [string, ParsedItem<unknown>]) => {
    const seen = { json: JSON.stringify(known[key as keyof LiveState]) };
    const set = (value: unknown) => {
      // The same content again (the read after the first one, usually) changes nothing on screen.
      const json = JSON.stringify(value);
      if (json === seen.json) return;
      seen.json = json;
      update({ [key]: value });
    };
    void item.get().then(set);
    return item.watch(set);
  });
  void readCheckouts().then((checkouts) => update({ checkouts }));
  unwatchers.push(watchCheckouts((checkouts) => update({ checkouts })));
  return () => unwatchers.forEach((unwatch) => unwatch());
}
