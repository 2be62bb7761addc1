import { useEffect, useState } from 'react';
import type { Detection } from '../../utils/product/detectInTab';
import type { Opened } from './opening';

/** How often the popup re-reads the page while open, so it follows the shopper's selection. */
const FOLLOW_INTERVAL_MS = 1500;

const sameDetection = (a: Detection | null, b: Detection | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the popup acts on: the product in its tab (as the first read found it, then read again while the popup is
 * open, since the shopper may change size or colour), or a link's target from the context menu. Null while
 * reading. Also says which tab or link it is, so the popup can find the checkout it showed there before.
 */
export function usePageDetection(opened: Opened | null): { detection: Detection | null; target: string | null; tabId: number | null } {
  const [followed, setFollowed] = useState<Detection | null>(null);

  useEffect(() => {
    const tabId = opened?.tabId ?? null;
    if (!opened || tabId === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const follow = async () => {
      if (stopped) return;
      if (document.visibilityState === 'visible') {
        // Loaded once the first read is on screen: what the detector reports is checked here as it was there.
        const { detectInTab } = await import('../../utils/product/detectInTab');
        const next = await detectInTab(tabId);
        if (!stopped) setFollowed((previous) => (sameDetection(previous ?? opened.start.detection, next) ? previous : next));
      }
      timer = setTimeout(() => void follow(), FOLLOW_INTERVAL_MS);
    };
    timer = setTimeout(() => void follow(), FOLLOW_INTERVAL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [opened]);

  return { detection: followed ?? opened?.start.detection ?? null, target: opened?.target ?? null, tabId: opened?.tabId ?? null };
}
