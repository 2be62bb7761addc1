import { useEffect, useState } from 'react';
import { sendMessage } from '../../utils/messages';
import { type Detection, detectInTab, linkTarget, targetTabId } from '../../utils/product/detectInTab';
import { t } from '../../utils/i18n';

/** How often the popup re-reads the page while open, so it follows the shopper's selection. */
const FOLLOW_INTERVAL_MS = 1500;

const sameDetection = (a: Detection | null, b: Detection | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the popup acts on: the product in its tab (read now and again while the popup is open, since the shopper
 * may change size or colour), or a link's target from the context menu. Null while reading. Also says which
 * tab or link it is, so the popup can find the checkout it showed there before.
 */
export function usePageDetection(): { detection: Detection | null; target: string | null; tabId: number | null } {
  const [detection, setDetection] = useState<Detection | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    // Opening the popup is looking at the purchases: failed ones stop showing on the badge.
    void sendMessage({ type: 'checkouts:seen' }).catch(() => {});
    const link = linkTarget(location.search);
    if (link) {
      setDetection(link);
      setTarget(link.kind === 'link' ? `url:${link.product.url}` : null);
      return;
    }
    void (async () => {
      const tabId = await targetTabId(location.search);
      if (tabId === null) {
        setDetection({ kind: 'unreadable', message: t('popupNoTab') });
        return;
      }
      setTarget(`tab:${tabId}`);
      setTabId(tabId);
      const follow = async () => {
        if (stopped) return;
        if (document.visibilityState === 'visible') {
          const next = await detectInTab(tabId);
          setDetection((previous) => (sameDetection(previous, next) ? previous : next));
        }
        timer = setTimeout(() => void follow(), FOLLOW_INTERVAL_MS);
      };
      await follow();
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return { detection, target, tabId };
}
