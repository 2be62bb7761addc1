import { readSomeCheckouts } from '../checkouts/store';
import type { CheckoutRecord } from '../checkouts/record';
import type { SessionKeys } from '../settings/connections';
import { sessionKeysStorage } from '../settings/connectionStorage';
import { t } from '../shared/i18n';
import { popupCheckoutStorage, serviceBySiteStorage } from './popupMemory';
import { type PopupTarget, popupTargetKey, RECENT_COUNT } from './popupTarget';
import { type Detection, detectInTab, linkTarget } from '../product/detectInTab';
import { profilesStorage, type ProfilesState } from '../profiles/storage';
import type { ServiceId } from '../services/registry';
import { type Settings, settingsStorage } from '../settings/settings';

/** Everything the popup shows when it opens, each part read from the page or storage and checked against its schema. */
export interface PopupStart {
  detection: Detection;
  settings: Settings;
  sessionKeys: SessionKeys;
  profiles: ProfilesState;
  serviceBySite: Record<string, ServiceId>;
  popupCheckout: Record<string, string>;
  /** The newest purchases (at least the first RECENT_COUNT readable ones, in order) and the one last shown for this target. */
  records: CheckoutRecord[];
}

/**
 * Reads what the popup shows first, all at once: the page (the detector injected into the tab) or the link, the
 * settings, profiles and popup memory, and the few purchases it lists. The background does this when the popup
 * asks, while the popup's own code is still loading; the popup does it itself when the background cannot answer.
 */
export async function readPopupStart(target: PopupTarget): Promise<PopupStart> {
  const detecting: Promise<Detection> =
    target.link !== null ? Promise.resolve(linkTarget(target.link)) : target.tabId === null ? Promise.resolve({ kind: 'unreadable', message: t('popupNoTab') }) : detectInTab(target.tabId);
  const [settings, sessionKeys, profiles, serviceBySite, popupCheckout] = await Promise.all([
    settingsStorage.get(),
    sessionKeysStorage.get(),
    profilesStorage.get(),
    serviceBySiteStorage.get(),
    popupCheckoutStorage.get(),
  ]);
  // A link is checked at once; a tab's key needs no detection.
  const key = popupTargetKey(target, target.link !== null ? await detecting : null);
  const shown = key ? popupCheckout[key] : undefined;
  const [records, detection] = await Promise.all([readSomeCheckouts(RECENT_COUNT, shown ? [shown] : []), detecting]);
  return { detection, settings, sessionKeys, profiles, serviceBySite, popupCheckout, records };
}
