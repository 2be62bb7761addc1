import { browser, type Browser } from 'wxt/browser';
import { describeConnection, describeServiceError } from '../../utils/checkouts/errorText';
import { asServiceError } from '../../utils/checkouts/provider';
import { createLifecycle, type LifecycleDeps } from '../../utils/checkouts/lifecycle';
import { createScheduler } from '../../utils/checkouts/schedule';
import { clearFinished, readCheckouts, removeUnreadable } from '../../utils/checkouts/store';
import { openConfirmWindow } from '../../utils/background/contextMenu';
import { hasHostAccess } from '../../utils/settings/hostAccess';
import { t } from '../../utils/shared/i18n';
import { isExtensionPage, type QueryReply } from '../../utils/messages/messages';
import { messageSchema } from '../../utils/messages/messageSchema';
import { showCheckoutNotification, showOrderNotification, showStorageProblemNotification } from '../../utils/background/notifications';
import { createEarlyReads } from '../../utils/popup/popupEarlyRead';
import { readPopupStart } from '../../utils/popup/popupStart';
import { profilesStorage } from '../../utils/profiles/storage';
import { apiKeyOf, baseUrlOf, connectionOf } from '../../utils/settings/connections';
import { readServiceState } from '../../utils/settings/connectionStorage';
import { serviceOf, type ServiceId } from '../../utils/services/registry';
import { checkBaseUrl, cleanApiKey, normaliseBaseUrl } from '../../utils/settings/settings';
import { createAdapters } from './adapters';
import { createCartService } from './cartService';
import { createWatchService } from './watchService';

/** Builds the background's checkout service from the real browser, storage and services. */
export function createCheckoutService(overrides: Partial<LifecycleDeps> = {}) {
  let scheduler: ReturnType<typeof createScheduler> | undefined;
  const adapters = overrides.adapters ?? createAdapters();
  const lifecycle = createLifecycle({
    now: Date.now,
    random: Math.random,
    newId: () => crypto.randomUUID(),
    isOnline: () => globalThis.navigator?.onLine !== false,
    hasHostAccess: (baseUrl) => hasHostAccess(baseUrl).catch(() => false),
    loadContext: async () => ({ ...(await readServiceState()), profiles: await profilesStorage.get() }),
    adapters,
    notify: showCheckoutNotification,
    notifyOrder: showOrderNotification,
    notifyStorageProblem: showStorageProblemNotification,
    onScheduleChange: () => scheduler?.changed(),
    ...overrides,
  });
  scheduler = createScheduler(lifecycle, overrides.now ?? Date.now);
  // The popup's first read, started when the browser requests the popup's page (`popupRequests.ts`).
  const earlyReads = createEarlyReads(readPopupStart, overrides.now ?? Date.now);
  const cart = createCartService(lifecycle, { now: overrides.now ?? Date.now, newId: overrides.newId ?? (() => crypto.randomUUID()), readTab: overrides.readTab });
  // Price watches: their checks buy through the same lifecycle, holds, limits and receipts.
  const watches = createWatchService(lifecycle, overrides.now ?? Date.now);

  /** "Test connection": the typed key and base URL, or the saved ones, against the service's harmless read. */
  async function testConnection(message: { service: ServiceId; apiBaseUrl: string; apiKey: string | null }) {
    const { settings, sessionKeys } = await readServiceState();
    const apiKey = message.apiKey !== null ? cleanApiKey(message.apiKey) : apiKeyOf(settings, sessionKeys, message.service);
    if (!apiKey) return { ok: false, message: t('connectionNoKey') };
    const typed = message.apiBaseUrl.trim();
    const baseUrl = typed || serviceOf(message.service).defaultBaseUrl(apiKey);
    if (!baseUrl) return { ok: false, message: t('serviceBaseUrlRequired', serviceOf(message.service).name) };
    const problem = checkBaseUrl(baseUrl);
    if (problem) return { ok: false, message: problem };
    // The saved key goes only where it is saved to go: a typed, unsaved base URL could be anyone's host.
    const savedBaseUrl = baseUrlOf(message.service, settings.services[message.service], apiKey);
    if (message.apiKey === null && (!savedBaseUrl || normaliseBaseUrl(baseUrl) !== normaliseBaseUrl(savedBaseUrl))) {
      return { ok: false, message: t('connectionSaveBaseUrlFirst') };
    }
    const saved = connectionOf(settings, sessionKeys, message.service);
    const connection = { service: message.service, apiKey, baseUrl: normaliseBaseUrl(baseUrl), typedBaseUrl: typed || null, checkoutUrl: saved?.checkoutUrl ?? null, mode: serviceOf(message.service).keyMode(apiKey) };
    return describeConnection(await adapters[message.service].testConnection(connection), serviceOf(message.service).name);
  }

  /** A read the popup needs before creating a checkout, through the service's adapter (views never call services). */
  async function runQuery(message: { service: ServiceId; query: string; params: unknown; profileId: string | null }): Promise<QueryReply> {
    const service = serviceOf(message.service);
    const query = adapters[message.service].queries?.[message.query];
    const params = query?.params.safeParse(message.params);
    if (!query || !params?.success) return { ok: false, code: 'invalid', message: t('startInvalidOrder', service.name) };
    const [{ settings, sessionKeys }, profiles] = await Promise.all([readServiceState(), profilesStorage.get()]);
    const connection = connectionOf(settings, sessionKeys, message.service);
    if (!connection) return { ok: false, code: 'no_api_key', message: t('startNoServiceKey', service.name) };
    const profile = profiles.profiles.find((p) => p.id === message.profileId) ?? null;
    try {
      return { ok: true, result: await query.run(connection, params.data, { profile }) };
    } catch (thrown) {
      const error = asServiceError(thrown);
      return { ok: false, code: error.kind, message: describeServiceError(error, service.name) };
    }
  }

  /** `runtime.onMessage` handler: validates the message and its sender, then delegates. */
  function handleMessage(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return undefined; // not ours: let other listeners answer
    if (!isExtensionPage(sender)) {
      return Promise.resolve({ ok: false, code: 'forbidden', message: t('forbiddenSender') });
    }
    const message = parsed.data;
    switch (message.type) {
      case 'checkout:start':
        return lifecycle.start(message);
      case 'checkout:recheck':
        return lifecycle.recheck(message.id).then((record) => ({ ok: true as const, record }));
      case 'checkout:resolve':
        return lifecycle.resolve(message.id).then((record) => ({ ok: true as const, record }));
      case 'checkouts:seen':
        return lifecycle.markSeen().then(() => ({ ok: true as const }));
      case 'popup:open':
        // Opening the popup is looking at the purchases: once it has what it shows, failed ones leave the badge.
        return earlyReads.take(message).then((start) => {
          void lifecycle.markSeen();
          return start;
        });
      case 'checkouts:clear-finished':
        return clearFinished((overrides.now ?? Date.now)()).then((removed) => ({ ok: true as const, removed }));
      case 'checkouts:remove-unreadable':
        return removeUnreadable(message.key).then((removed) => ({ ok: true as const, removed }));
      case 'settings:test-connection':
        return testConnection(message);
      case 'service:query':
        return runQuery(message);
      case 'cart:add':
      case 'cart:update':
      case 'cart:remove':
      case 'cart:empty':
      case 'cart:refresh':
      case 'cart:buy':
      case 'cart:link':
        return cart.handle(message);
      case 'watch:create':
      case 'watch:check-now':
      case 'watch:pause':
      case 'watch:delete':
        return watches.handle(message);
    }
  }

  /** Work to do whenever the worker starts: recover interrupted checkouts, resume polling. */
  async function resume(): Promise<void> {
    await lifecycle.recover();
    await scheduler!.run();
    await watches.recoverClaims().catch(() => {});
    await watches.resume().catch(() => {});
  }

  return { lifecycle, scheduler, adapters, handleMessage, resume, earlyReads, cart, watches };
}

/** Opens the checkout a notification was about, in the history. */
export async function openPurchase(recordId: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#purchase-${encodeURIComponent(recordId)}`) });
}

/**
 * A purchase not sent because its page changed: the confirm window opens again for its shop tab, where the user
 * sees the page as it is now and decides; the history when the tab is gone.
 */
export async function reviewAgain(recordId: string): Promise<void> {
  const record = (await readCheckouts()).records.find((r) => r.id === recordId);
  const tabId = record?.confirmedRequest?.tabId ?? null;
  const tab = tabId === null ? null : await browser.tabs.get(tabId).catch(() => null);
  if (tabId === null || !tab) return openPurchase(recordId);
  await openConfirmWindow({ tabId }, '', record!.service);
}
