import { browser } from 'wxt/browser';
import { openConfirmWindow } from '../../utils/background/contextMenu';
import { showWatchNotification } from '../../utils/background/watchNotifications';
import type { Lifecycle } from '../../utils/checkouts/lifecycle';
import type { ParsedMessage, WatchReply } from '../../utils/messages/messages';
import { profilesStorage } from '../../utils/profiles/storage';
import { readServiceState } from '../../utils/settings/connectionStorage';
import { t } from '../../utils/shared/i18n';
import { checkWatches, type WatchDeps } from '../../utils/watch/check';
import { createWatch, releaseLostClaims, setPaused, sitePattern, siteToRelease } from '../../utils/watch/manage';
import { connectionOf } from '../../utils/settings/connections';
import { SERVICE_IDS } from '../../utils/services/registry';
import { readLedger } from '../../utils/checkouts/ledger';
import { readCheckouts } from '../../utils/checkouts/store';
import { summariseUnreadable } from '../../utils/checkouts/unreadable';
import { nextCheckAt, STORE_TIMING, type WatchTiming } from '../../utils/watch/schedule';
import type { Watch } from '../../utils/watch/schema';
import { readWatches, updateWatches } from '../../utils/watch/store';
import { closeReader, fetchPage, readInBackgroundTab, readPage } from './pageReader';

export const WATCH_ALARM = 'price-watch';
/** The end-to-end test build only (`SMARTCHECKOUT_BUILD=e2e`): seconds instead of hours. Store builds never have it. */
const TEST_TIMING: WatchTiming = { intervalMs: 3000, siteSpacingMs: 0 };
export const WATCH_TIMING: WatchTiming = import.meta.env.WATCH_TEST_TIMING === true ? TEST_TIMING : STORE_TIMING;

type WatchMessage = Extract<ParsedMessage, { type: `watch:${string}` }>;

/** The background's price watches: the checks (alarm), the messages from the popup and Options, "Buy now". */
export function createWatchService(lifecycle: Lifecycle, now: () => number = Date.now) {
  const deps: WatchDeps = {
    now,
    newId: () => crypto.randomUUID(),
    timing: WATCH_TIMING,
    fetchPage,
    readPage,
    readInTab: readInBackgroundTab,
    async buy(watch, product, purchaseId) {
      const mandate = watch.mandate!;
      const result = await lifecycle.start({
        service: 'smartcheckout',
        product,
        quantity: watch.quantity,
        profileId: watch.profileId,
        instructions: watch.instructions,
        attemptId: purchaseId,
        mandate: { watchId: watch.id, ceiling: mandate.ceiling, signedAt: mandate.signedAt, until: mandate.until },
      });
      return result.ok ? { ok: true } : { ok: false, message: result.message };
    },
    notify: showWatchNotification,
  };
  let queue: Promise<unknown> = Promise.resolve();

  /** Sets the one alarm to the next due check, or clears it when no watch is active (an idle browser hears nothing). */
  async function schedule(next: number | null): Promise<void> {
    if (next === null) {
      if (await browser.alarms.get(WATCH_ALARM)) await browser.alarms.clear(WATCH_ALARM);
      return;
    }
    await browser.alarms.create(WATCH_ALARM, { when: Math.max(next, now() + 1000) });
  }

  /** Checks what is due (or one watch, "Check now"), one run at a time, then sets the alarm again. */
  function run(onlyId: string | null = null): Promise<void> {
    const next = queue.then(async () => {
      const due = await checkWatches(deps, onlyId).finally(closeReader);
      await schedule(due);
    });
    queue = next.catch(() => {});
    return next;
  }

  /**
   * At a worker start, in turn with the checks (a check the waking alarm started has recorded its purchase by then):
   * a claim whose purchase was never recorded is taken back.
   */
  function recoverClaims(): Promise<void> {
    const next = queue.then(async () => {
      // Usually no watch holds a recent claim: then the purchases and the ledger are not read at all.
      if (releaseLostClaims((await readWatches()).watches, new Set(), now(), '') === null) return;
      const [{ records, unreadable }, ledger] = await Promise.all([readCheckouts(), readLedger()]);
      const unreadableIds = [...unreadable, ...ledger.unreadable].map((entry, i) => summariseUnreadable(entry, i).id);
      const known = new Set([...records.map((r) => r.id), ...unreadableIds, ...ledger.entries.map((e) => e.id)]);
      await updateWatches((state) => {
        const watches = releaseLostClaims(state.watches, known, now(), t('watchClaimReleased'));
        return { state: watches ? { ...state, watches } : null, result: null };
      });
    });
    queue = next.catch(() => {});
    return next;
  }

  /** At every worker start: the alarm from what is stored (no request is made here). */
  async function resume(): Promise<void> {
    const state = await readWatches();
    await schedule(nextCheckAt(state, now(), WATCH_TIMING));
  }

  async function create(message: Extract<WatchMessage, { type: 'watch:create' }>): Promise<WatchReply> {
    const pattern = sitePattern({ product: message.product });
    // The popup asked the browser for this one site; without it the page cannot be read, so nothing is saved.
    if (!pattern || !(await browser.permissions.contains({ origins: [pattern] }).catch(() => false))) {
      return { ok: false, message: t('watchNoAccess') };
    }
    const [{ settings }, profiles] = await Promise.all([readServiceState(), profilesStorage.get()]);
    const profile = profiles.profiles.find((p) => p.id === message.profileId) ?? null;
    const id = crypto.randomUUID();
    const result = await updateWatches((state) => {
      const created = createWatch(state, message, { profile, safety: settings.safety, now: now(), id });
      return { state: created.ok ? { ...state, watches: [created.watch, ...state.watches] } : null, result: created };
    });
    if (!result.ok) return result;
    await resume();
    return { ok: true, watch: result.watch };
  }

  /** Applies `change` to one watch; replies with it as written. */
  async function change(id: string, apply: (watch: Watch) => Watch | null): Promise<WatchReply> {
    const result = await updateWatches((state) => {
      const watch = state.watches.find((w) => w.id === id);
      if (!watch) return { state: null, result: null };
      const next = apply(watch);
      const watches = next ? state.watches.map((w) => (w.id === id ? next : w)) : state.watches.filter((w) => w.id !== id);
      return { state: { ...state, watches }, result: { watch: next } };
    });
    if (!result) return { ok: false, message: t('watchNotFound') };
    await resume();
    return { ok: true, ...result };
  }

  /** Gives back the shop site's access once no watch reads it (a checkout service on that site keeps it). */
  async function releaseSite(deleted: Watch): Promise<void> {
    const [{ settings, sessionKeys }, { watches }] = await Promise.all([readServiceState(), readWatches()]);
    const serviceUrls = SERVICE_IDS.flatMap((id) => [connectionOf(settings, sessionKeys, id)?.baseUrl, settings.services[id].apiBaseUrl].filter((url): url is string => !!url));
    const pattern = siteToRelease(deleted, watches, serviceUrls);
    // Access the manifest itself grants cannot be given back; that is no error.
    if (pattern) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  }

  /** The watch messages from the popup and Options (already checked against the schema and the sender). */
  async function handle(message: WatchMessage): Promise<WatchReply> {
    switch (message.type) {
      case 'watch:create':
        return create(message);
      case 'watch:pause':
        return change(message.id, (w) => setPaused(w, message.paused, now()));
      case 'watch:delete': {
        const deleted = (await readWatches()).watches.find((w) => w.id === message.id) ?? null;
        const reply = await change(message.id, () => null);
        if (reply.ok && deleted) await releaseSite(deleted);
        return reply;
      }
      case 'watch:check-now': {
        await run(message.id);
        const watch = (await readWatches()).watches.find((w) => w.id === message.id) ?? null;
        return watch ? { ok: true, watch } : { ok: false, message: t('watchNotFound') };
      }
    }
  }

  return { run, resume, recoverClaims, handle };
}
export type WatchService = ReturnType<typeof createWatchService>;

/** "Buy now" on a watch's notification: the product's page opens, then the usual confirmation for it. */
export async function buyNow(watchId: string): Promise<void> {
  const watch = (await readWatches()).watches.find((w) => w.id === watchId);
  if (!watch) return;
  const tab = await browser.tabs.create({ url: watch.product.url });
  if (tab.id === undefined) return;
  await new Promise<void>((resolve) => {
    const done = (id: number, info: { status?: string }) => {
      if (id !== tab.id || info.status !== 'complete') return;
      browser.tabs.onUpdated.removeListener(done);
      resolve();
    };
    browser.tabs.onUpdated.addListener(done);
    setTimeout(() => resolve(), 15_000);
  });
  await openConfirmWindow({ tabId: tab.id }, '', 'smartcheckout');
}

/** Opens Options at the price watches. */
export async function openWatches(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#price-watches') });
}
