import { useEffect, useState } from 'react';
import type { Detection } from '../../utils/product/detectInTab';
import type { Opening } from './opening';

/** How often the popup re-reads the page while open, so it follows the shopper's selection. */
const FOLLOW_INTERVAL_MS = 1500;

const sameDetection = (a: Detection | null, b: Detection | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the popup acts on: the product in its tab (read as the popup opens, then again while it is open, since the
 * shopper may change size or colour), or a link's target from the context menu. Null while reading. Also says
 * which tab or link it is, so the popup can find the checkout it showed there before.
 */
export function usePageDetection(opening: Opening): { detection: Detection | null; target: string | null; tabId: number | null } {
  const [detection, setDetection] = useState<Detection | null>(() => opening.settled?.start.detection ?? null);
  const [target, setTarget] = useState<string | null>(() => opening.settled?.target ?? null);
  const [tabId, setTabId] = useState<number | null>(() => opening.settled?.tabId ?? null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    void opening.promise.then((opened) => {
      if (stopped) return;
      setDetection((previous) => (sameDetection(previous, opened.start.detection) ? previous : opened.start.detection));
      setTarget(opened.target);
      setTabId(opened.tabId);
      const { tabId } = opened;
      if (tabId === null) return;
      const follow = async () => {
        if (stopped) return;
        if (document.visibilityState === 'visible') {
          // Loaded after the first read (the background made that one): the detector's report is checked here too.
          const { detectInTab } = await import('../../utils/product/detectInTab');
          const next = await detectInTab(tabId);
          if (!stopped) setDetection((previous) => (sameDetection(previous, next) ? previous : next));
        }
        timer = setTimeout(() => void follow(), FOLLOW_INTERVAL_MS);
      };
      timer = setTimeout(() => void follow(), FOLLOW_INTERVAL_MS);
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [opening]);

  return { detection, target, tabId };
}
