import { browser, type Browser } from 'wxt/browser';
import { t } from '../i18n';
import { hasHostAccess } from '../hostAccess';
import { isExtensionPage, messageSchema } from '../messages';
import { showCheckoutNotification, showStorageProblemNotification } from '../notifications';
import { profilesStorage } from '../profiles/storage';
import { checkBaseUrl, cleanApiKey, settingsStorage } from '../settings';
import { testConnection } from '../smartcheckout/connection';
import { createSmartcheckoutClient } from '../smartcheckout/client';
import { describeConnection } from './errorText';
import { createLifecycle, type LifecycleDeps } from './lifecycle';
import type { CheckoutProvider } from './provider';
import { createScheduler } from './schedule';
import { clearFinished } from './store';

/** The Smartcheckout implementation of the provider interface. */
export function smartcheckoutProvider(settings: { apiBaseUrl: string; apiKey: string }): CheckoutProvider {
  const client = createSmartcheckoutClient({ baseUrl: settings.apiBaseUrl, apiKey: settings.apiKey, fetch: globalThis.fetch.bind(globalThis) });
  return { create: client.createCheckout, get: client.getCheckout };
}

/** Builds the background's purchase service from the real browser, storage and API. */
export function createCheckoutService(overrides: Partial<LifecycleDeps> = {}) {
  let scheduler: ReturnType<typeof createScheduler> | undefined;
  const lifecycle = createLifecycle({
    now: Date.now,
    random: Math.random,
    newId: () => crypto.randomUUID(),
    isOnline: () => globalThis.navigator?.onLine !== false,
    hasHostAccess: (baseUrl) => hasHostAccess(baseUrl).catch(() => false),
    loadContext: async () => ({ settings: await settingsStorage.get(), profiles: await profilesStorage.get() }),
    provider: smartcheckoutProvider,
    notify: showCheckoutNotification,
    notifyStorageProblem: showStorageProblemNotification,
    onScheduleChange: () => scheduler?.changed(),
    ...overrides,
  });
  scheduler = createScheduler(lifecycle, overrides.now ?? Date.now);

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
      case 'checkouts:clear-finished':
        return clearFinished((overrides.now ?? Date.now)()).then((removed) => ({ ok: true as const, removed }));
      case 'settings:test-connection': {
        const problem = checkBaseUrl(message.apiBaseUrl);
        if (problem) return Promise.resolve({ ok: false, message: problem });
        const apiKey = cleanApiKey(message.apiKey);
        if (!apiKey) return Promise.resolve({ ok: false, message: t('connectionNoKey') });
        const client = createSmartcheckoutClient({ baseUrl: message.apiBaseUrl, apiKey, fetch: globalThis.fetch.bind(globalThis), timeoutMs: 10_000 });
        return testConnection(client, crypto.randomUUID()).then(describeConnection);
      }
    }
  }

  /** Work to do whenever the worker starts: recover interrupted purchases, resume polling. */
  async function resume(): Promise<void> {
    await lifecycle.recover();
    await scheduler!.run();
  }

  return { lifecycle, scheduler, handleMessage, resume };
}

/** Opens the purchase a notification was about, in the history. */
export async function openPurchase(recordId: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#purchase-${encodeURIComponent(recordId)}`) });
}
