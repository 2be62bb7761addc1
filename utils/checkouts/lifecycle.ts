import { type Connection, connectionOf, type SessionKeys } from '../connections';
import { t } from '../i18n';
import { type ProfilesState } from '../profiles/storage';
import { defaultProfile } from '../profiles/state';
import { type ProductSnapshot } from '../product/snapshot';
import { describeVariant, isDemoPageUrl, withOptionOrder } from '../product/describe';
import type { ServiceAdapter } from '../services/adapter';
import { isSimulated, type PollPlan, serviceOf, type ServiceId } from '../services/registry';
import type { CheckoutReport } from '../services/types';
import { type Detection, detectInTab } from '../product/detectInTab';
import type { Money } from '../money';
import type { Profile } from '../profiles/schema';
import type { Settings } from '../settings';
import { describeServiceError } from './errorText';
import { completionAlert } from './alert';
import { checkLimits, safetyFor, spendHistory } from './limits';
import { unreadableSpendSources } from './unreadable';
import { asServiceError, type ServiceError } from './provider';
import { createReceipt } from './receipt';
import { type CheckoutRecord, type CheckoutStateName, type NotificationEvent } from './record';
import { hasUnseen, readCheckouts, updateCheckout, updateCheckouts } from './store';
import { judgeReread, type Offer, offerOf, type Reread } from './reread';
import { buildPrompt, purchaseDetails } from './userData';

/** Polling of agent purchases (`AGENT_POLL` in the registry; the figures are explained there). */
export const FAST_POLL_MS = 3_000;
export const FIRST_POLL_MS = FAST_POLL_MS;
export const FAST_PHASE_MS = 2 * 60_000;
export const SLOW_POLL_MS = 60_000;
/** After a failed poll: 2 s, doubling with each failure in a row, at most a minute (with jitter). */
export const ERROR_BACKOFF_MS = 2_000;
export const MAX_ERROR_BACKOFF_MS = 60_000;
/** The longest wait a service's Retry-After can ask for. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;
export const POLL_DEADLINE_MS = 30 * 60_000;
/** A 404 this soon after the checkout started may only mean the service has not stored it yet. */
export const NOT_FOUND_GRACE_MS = 2 * 60_000;
/** The same product, variant, quantity, profile and service again within this window is the same checkout. */
export const DUPLICATE_WINDOW_MS = 60_000;
/** A checkout link is polled this long past its expiry, so the service can say how it ended. */
export const EXPIRY_GRACE_MS = 2 * 60_000;
/** A confirmed purchase not yet sent (its worker stopped) is taken up again after this long. */
export const CONFIRMED_RETRY_MS = 10_000;
/** A confirmation older than this (the browser was closed before it was sent) is asked again, never sent. */
export const CONFIRMATION_TTL_MS = 15 * 60_000;

export interface StartRequest {
  /** Which checkout service; Smartcheckout when not said (requests made before there were several). */
  service?: ServiceId;
  product: ProductSnapshot;
  quantity: number;
  profileId: string;
  /** The user's own words (agent purchases). */
  instructions: string;
  /** Text the user selected on the page (context menu): a hint about the product, not instructions. */
  hint?: string | null;
  /**
   * The popup's id for this attempt, used as the record id and idempotency key: sending the same attempt again
   * (after the background did not answer) finds the first one instead of starting a second checkout.
   */
  attemptId?: string;
  /** The prompt the user saw and confirmed; the purchase is sent only if it is still exactly what would be sent. */
  confirmedPrompt?: string;
  /** The service's own part (a store product, an amount, a cart): read by the service's adapter. */
  order?: unknown;
  /** Say with a notification that it started (when no popup is there to show it). */
  notifyStarted?: boolean;
  /** The most the agent may spend, as the user set it for this purchase in the confirmation. */
  ceiling?: Money | null;
  /**
   * The shop tab and its offer as the user saw it: the background reads the tab once more before sending, and
   * sends nothing if the price, currency or variant moved (the popup may be closed by then).
   */
  tabId?: number | null;
  seen?: Offer | null;
}

export type StartResult =
  | { ok: true; record: CheckoutRecord; duplicate: boolean }
  | {
      ok: false;
      code:
        | 'no_api_key'
        | 'no_profile'
        | 'offline'
        | 'no_access'
        | 'over_limit'
        | 'needs_confirmation'
        | 'confirmation_changed'
        | 'storage'
        | 'auth'
        | 'rejected'
        | 'invalid_order';
      message: string;
    };

export interface LifecycleContext {
  settings: Settings;
  sessionKeys: SessionKeys;
  profiles: ProfilesState;
}

export interface LifecycleDeps {
  now(): number;
  random(): number;
  newId(): string;
  isOnline(): boolean;
  /** Whether the browser lets the extension reach a service's base URL (Firefox lets users withhold it). */
  hasHostAccess(baseUrl: string): Promise<boolean>;
  loadContext(): Promise<LifecycleContext>;
  /** How to talk to each service. */
  adapters: Record<ServiceId, ServiceAdapter>;
  /** Shows the notification for `event` (idempotent per record and event); returns what it said. */
  notify(record: CheckoutRecord, event: NotificationEvent): Promise<{ title: string; message: string }>;
  /** Called after any change that may move the next poll time. */
  onScheduleChange(): void;
  /** Tells the user that checkout updates cannot be saved (storage refuses writes); called once per run of failures. */
  notifyStorageProblem?(): Promise<unknown>;
  /** Reads the product in a tab again (the drift check before sending a confirmed purchase); `detectInTab` unless replaced. */
  readTab?(tabId: number): Promise<Detection>;
}

/** What sending a recorded checkout needs besides its record. */
interface Sending {
  connection: Connection;
  profile: Profile;
  order: unknown;
  product: ProductSnapshot;
  instructions: string;
  hint: string | null;
  notifyStarted: boolean;
  /** A service's refusal keeps the record (as not sent) instead of forgetting it: no popup may be there to say it. */
  keepRejected?: boolean;
}

/** Answers that do not say whether a create started a checkout (timeout, conflict, client closed), besides 5xx. */
const UNKNOWN_OUTCOME_STATUSES = new Set([408, 409, 499]);

/** Errors after which the service certainly did not create anything: the key or the request was refused. */
export function isDefiniteRejection(error: ServiceError): boolean {
  if (error.kind === 'auth' || error.kind === 'validation' || error.kind === 'rate_limited') return true;
  if (error.kind !== 'http' && error.kind !== 'not_found') return false;
  return error.status !== null && error.status >= 400 && error.status < 500 && !UNKNOWN_OUTCOME_STATUSES.has(error.status);
}

/** Report outcomes that end a checkout, and the state each ends in. */
const FINAL_OUTCOMES: Partial<Record<CheckoutReport['outcome'], CheckoutStateName>> = {
  completed: 'completed',
  failed: 'failed',
  paid: 'paid',
  expired: 'expired',
  cancelled: 'cancelled',
  voided: 'voided',
  refunded: 'refunded',
  reversed: 'reversed',
  disputed: 'disputed',
};

export function intentOf(request: StartRequest, orderKey = ''): string {
  const variant = request.product.variant;
  const variantKey = variant ? variant.id ?? variant.sku ?? JSON.stringify(variant.options) : '';
  const service = request.service ?? 'smartcheckout';
  // Smartcheckout's intent is what it always was, so a purchase started before an update is still recognised.
  const base = [request.product.url, variantKey, request.quantity, request.profileId];
  return JSON.stringify(service === 'smartcheckout' ? base : [...base, service, orderKey]);
}

/** Delay before the next poll of a checkout polled for `elapsedMs` that is still open. */
export function pollDelayAfter(elapsedMs: number, plan: PollPlan = serviceOf('smartcheckout').poll): number {
  return elapsedMs < plan.fastPhaseMs ? plan.fastMs : plan.slowMs;
}

/** When polling of `record` began (or began again with "Check again"). */
function pollingStartedAt(record: CheckoutRecord): number {
  return record.pollingSince ?? record.deadlineAt - serviceOf(record.service).poll.deadlineMs;
}

/** Delay before the next poll after `streak` consecutive failures: exponential, capped, with jitter. */
export function errorBackoffMs(streak: number, random: number): number {
  const base = Math.min(MAX_ERROR_BACKOFF_MS, ERROR_BACKOFF_MS * 2 ** Math.max(0, streak - 1));
  return Math.round(base * (0.5 + random / 2));
}

/** When to stop following a checkout that started polling at `now`. */
function deadlineFor(service: ServiceId, now: number, expiresAt: number | null): number {
  const longest = now + serviceOf(service).poll.deadlineMs;
  return expiresAt !== null ? Math.min(longest, Math.max(now, expiresAt) + EXPIRY_GRACE_MS) : longest;
}

/** The checkout state machine: start, poll, finish. Every transition is persisted before it is acted on. */
export function createLifecycle(deps: LifecycleDeps) {
  const postsInFlight = new Set<string>();
  const pollsInFlight = new Set<string>();
  const deliveries = new Set<string>();
  /** Checkouts whose last save failed: not polled again before `until`. */
  const holds = new Map<string, { streak: number; until: number }>();
  /** Changes the service already made true that storage refused to save; saved again before polling. */
  const unsaved = new Map<string, (r: CheckoutRecord) => CheckoutRecord>();

  async function start(request: StartRequest): Promise<StartResult> {
    const serviceId = request.service ?? 'smartcheckout';
    const service = serviceOf(serviceId);
    const adapter = deps.adapters[serviceId];
    const agent = service.kind === 'agent';
    const { settings, sessionKeys, profiles } = await deps.loadContext();
    const connection = connectionOf(settings, sessionKeys, serviceId);
    if (!connection) return { ok: false, code: 'no_api_key', message: t('startNoServiceKey', service.name) };
    const profile = profiles.profiles.find((p) => p.id === request.profileId) ?? null;
    if (!profile) {
      const message = defaultProfile(profiles) ? t('startProfileGone') : t('startNoProfile');
      return { ok: false, code: 'no_profile', message };
    }
    const order = adapter.orderSchema.safeParse(request.order ?? {});
    if (!order.success) return { ok: false, code: 'invalid_order', message: t('startInvalidOrder', service.name) };
    // The demo moves no money and sends nothing, so it needs neither the network nor host access; the demo
    // page's product exists only inside the extension, so no real service is ever asked for it.
    const simulated = isSimulated(serviceId);
    if (!simulated && isDemoPageUrl(request.product.url)) return { ok: false, code: 'invalid_order', message: t('startDemoProductOnly', service.name) };
    if (!simulated && !deps.isOnline()) return { ok: false, code: 'offline', message: t('startOffline') };
    if (!simulated && !(await deps.hasHostAccess(connection.baseUrl))) {
      const host = new URL(connection.baseUrl).host;
      return { ok: false, code: 'no_access', message: t(agent ? 'startNoServiceAccess' : 'startNoServiceAccessLink', service.name, host) };
    }

    const now = deps.now();
    const intent = intentOf(request, adapter.intentKey(order.data));
    const { product } = request;
    const cost = { price: product.price, currency: product.currency, quantity: request.quantity };
    // From the popup, the page is read once more before sending: by the background, so closing the popup loses nothing.
    const recheck = request.tabId !== undefined && request.tabId !== null && request.seen ? { tabId: request.tabId, seen: request.seen } : null;
    type Outcome = { record: CheckoutRecord; duplicate: boolean } | { refused: Exclude<StartResult, { ok: true }> };
    let outcome: Outcome;
    try {
      outcome = await updateCheckouts<Outcome>((records, ledger, unreadable) => {
        const earlier =
          (request.attemptId ? records.find((r) => r.id === request.attemptId) : undefined) ??
          records.find((r) => r.intent === intent && now - r.createdAt < DUPLICATE_WINDOW_MS && r.state !== 'failed' && r.state !== 'not_sent');
        if (earlier) return { records, result: { record: earlier, duplicate: true } };
        // Only an agent spends the user's money: limits, the most it may spend, and the user's confirmation.
        // Checked inside the same serialised write, so two purchases started together cannot both fit a limit:
        // each holds its ceiling from this write on.
        let spending: Pick<CheckoutRecord, 'maxPrice' | 'maxSpend' | 'allowance' | 'prompt' | 'ceiling'> = { maxPrice: null, maxSpend: [], allowance: { daily: null, monthly: null }, prompt: '', ceiling: null };
        if (agent) {
          // The built-in demo spends nothing: no cap or limit applies to it, but it is confirmed like a real purchase.
          const safety = safetyFor(serviceId, settings.safety);
          // A stored record that cannot be read still holds what it may have spent.
          const history = [...spendHistory(records, ledger), ...unreadableSpendSources([...unreadable], now)];
          const limits = checkLimits(cost, safety, history, now, request.ceiling ?? null);
          if (limits.blocked) return { records, result: { refused: { ok: false, code: 'over_limit', message: limits.blocked } } };
          const prompt = buildPrompt(purchaseDetails(request, profile, limits.maxSpend));
          // The popup is not the only way in: whatever needs the user's confirmation is refused here without it.
          if (request.confirmedPrompt !== undefined && request.confirmedPrompt !== prompt) {
            return { records, result: { refused: { ok: false, code: 'confirmation_changed', message: t('startConfirmationChanged') } } };
          }
          if (request.confirmedPrompt === undefined && (settings.safety.confirmEachPurchase || limits.unchecked.length)) {
            const message = limits.uncheckedNote ? `${t('startNeedsConfirmation')} ${limits.uncheckedNote}` : t('startNeedsConfirmation');
            return { records, result: { refused: { ok: false, code: 'needs_confirmation', message } } };
          }
          spending = { maxPrice: safety.maxPrice, maxSpend: limits.maxSpend, allowance: limits.allowance, prompt, ceiling: limits.ceiling };
        }
        const created: CheckoutRecord = {
          id: request.attemptId ?? deps.newId(),
          service: serviceId,
          intent,
          checkoutId: null,
          checkoutUrl: null,
          expiresAt: null,
          quoted: agent ? null : adapter.quote(order.data, request),
          orderLabel: orderLabelOf(order.data),
          state: recheck ? 'confirmed' : 'starting',
          serviceStatus: null,
          product: { url: product.url, name: product.name, image: product.image, price: product.price, currency: product.currency },
          variant: product.variant,
          variantLabel: describeVariant(product.variant),
          quantity: request.quantity,
          ...spending,
          confirmedRequest: recheck
            ? { product, instructions: request.instructions, hint: request.hint ?? null, order: request.order, ...recheck, optionOrder: Object.keys(product.variant?.options ?? {}) }
            : null,
          drift: null,
          startNote: null,
          reportedProduct: null,
          // What the user approved, written once with the record and never changed after.
          receipt: createReceipt({ product, quantity: request.quantity, quoted: agent ? null : adapter.quote(order.data, request), ceiling: spending.ceiling, service: serviceId, profile, prompt: spending.prompt, approvedAt: now }),
          profileId: profile.id,
          profileLabel: profile.label,
          amount: null,
          currency: null,
          notes: null,
          lastError: null,
          createdAt: now,
          updatedAt: now,
          pollingSince: null,
          deadlineAt: now + service.poll.deadlineMs,
          nextPollAt: null,
          polls: 0,
          errorStreak: 0,
          pendingNotification: null,
          notifications: [],
          seen: true,
        };
        postsInFlight.add(created.id);
        return { records: [created, ...records], result: { record: created, duplicate: false } };
      });
    } catch {
      // Nothing was written, so nothing is sent: a checkout we could not record could never be followed.
      void deps.notifyStorageProblem?.();
      return { ok: false, code: 'storage', message: t('startStorageFailed') };
    }
    if ('refused' in outcome) return outcome.refused;
    const { record, duplicate } = outcome;
    if (duplicate) return { ok: true, record, duplicate };
    if (record.state === 'confirmed') {
      // Recorded: the background owns the purchase from here. The popup's answer waits for the page to be read and
      // the purchase sent (so a refusal is said there); closed meanwhile, nothing is lost and a notification tells.
      deps.onScheduleChange();
      const sent = await proceed(record.id);
      if (sent && !sent.ok) return sent;
      const now = (await readCheckouts().catch(() => null))?.records.find((r) => r.id === record.id);
      return { ok: true, record: now ?? record, duplicate: false };
    }
    const sending = { connection, profile, order: order.data, product, instructions: request.instructions, hint: request.hint ?? null, notifyStarted: request.notifyStarted ?? false };
    try {
      return await send(record, sending);
    } finally {
      postsInFlight.delete(record.id);
    }
  }

  /** Creates the checkout of a record written as `starting` (never retried: a lost answer may mean it exists). */
  async function send(record: CheckoutRecord, sending: Sending): Promise<StartResult> {
    const serviceId = record.service;
    const service = serviceOf(serviceId);
    const agent = service.kind === 'agent';
    try {
      const checkout = await deps.adapters[serviceId].create(sending.connection, {
        order: sending.order,
        product: sending.product,
        quantity: record.quantity,
        profile: sending.profile,
        instructions: sending.instructions,
        hint: sending.hint,
        maxSpend: record.maxSpend,
        intentId: record.id,
      });
      const at = deps.now();
      const accept = (r: CheckoutRecord): CheckoutRecord =>
        r.state !== 'starting'
          ? r
          : {
              ...r,
              checkoutId: checkout.checkoutId,
              checkoutUrl: checkout.checkoutUrl,
              expiresAt: checkout.expiresAt,
              quoted: checkout.amount ?? r.quoted,
              state: 'processing',
              serviceStatus: agent ? 'processing' : null,
              updatedAt: at,
              pollingSince: at,
              deadlineAt: deadlineFor(serviceId, at, checkout.expiresAt),
              nextPollAt: at + service.poll.fastMs,
              pendingNotification: sending.notifyStarted ? 'started' : r.pendingNotification,
            };
      let accepted: CheckoutRecord | null;
      try {
        accepted = await updateCheckout(record.id, accept);
        clearHold(record.id);
      } catch {
        // The service has the checkout; keep it in memory and save it again after a pause.
        unsaved.set(record.id, accept);
        holdAfterStorageFailure(record.id);
        accepted = accept(record);
      }
      deps.onScheduleChange();
      if (accepted?.pendingNotification === 'started') await deliver(accepted).catch(() => {});
      return { ok: true, record: accepted ?? record, duplicate: false };
    } catch (thrown) {
      const error = asServiceError(thrown);
      if (isDefiniteRejection(error)) {
        const message = t(agent ? 'startRejected' : 'startLinkRejected', describeServiceError(error, service.name));
        // The service certainly created nothing. Sent from the popup: forget the attempt, the popup says why. Sent by
        // the background alone (a confirmed purchase): kept as not sent, and a notification says why.
        if (sending.keepRejected) await endUnsent(record.id, null, message, 'starting');
        else await updateCheckouts((records) => ({ records: records.filter((r) => r.id !== record.id), result: null }));
        return { ok: false, code: error.kind === 'auth' ? 'auth' : 'rejected', message };
      }
      const unknown = await markOutcomeUnknown(record.id, describeServiceError(error, service.name));
      return { ok: true, record: unknown ?? record, duplicate: false };
    }
  }

  /**
   * Sends a confirmed purchase: the shop tab is read once more and nothing is sent if the price, currency or
   * variant moved (a notification says what changed); a tab that cannot be read again (closed, another page) lets
   * what was confirmed go, within its ceiling, and the history says so. Runs in the background alone, so the popup
   * may close at any moment; a worker stopped here takes it up again when it starts.
   */
  async function proceed(id: string): Promise<StartResult | null> {
    postsInFlight.add(id);
    try {
      const record = (await readCheckouts()).records.find((r) => r.id === id);
      const pending = record?.state === 'confirmed' ? record.confirmedRequest : null;
      if (!record || !pending) return null;
      if (deps.now() - record.createdAt > CONFIRMATION_TTL_MS) return await endUnsent(id, null, t('notSentStale'));
      let verdict: Reread = { send: true, unread: false };
      if (pending.tabId !== null && pending.seen) {
        const fresh = await (deps.readTab ?? detectInTab)(pending.tabId).catch((): Detection => ({ kind: 'unreadable', message: '' }));
        verdict = judgeReread(pending.seen, fresh);
      }
      if (!verdict.send) return await endUnsent(id, verdict.drift, null);
      const { settings, sessionKeys, profiles } = await deps.loadContext();
      const connection = connectionOf(settings, sessionKeys, record.service);
      const profile = profiles.profiles.find((p) => p.id === record.profileId) ?? null;
      const order = deps.adapters[record.service].orderSchema.safeParse(pending.order ?? {});
      if (!connection) return await endUnsent(id, null, t('startNoServiceKey', serviceOf(record.service).name));
      if (!profile || !order.success) return await endUnsent(id, null, t('startProfileGone'));
      const product = { ...pending.product, variant: withOptionOrder(pending.product.variant, pending.optionOrder) };
      const request = { product, quantity: record.quantity, instructions: pending.instructions, hint: pending.hint };
      // Exactly what the user confirmed is sent, or nothing (the profile was edited meanwhile, say).
      if (serviceOf(record.service).kind === 'agent' && buildPrompt(purchaseDetails(request, profile, record.maxSpend)) !== record.prompt) {
        return await endUnsent(id, null, t('startConfirmationChanged'));
      }
      let moved = false;
      const starting = await update(id, (r) => {
        if (r.state !== 'confirmed') return r;
        moved = true;
        return { ...r, state: 'starting', confirmedRequest: null, startNote: verdict.unread ? t('sentWithoutReread') : null };
      });
      if (!moved || !starting) return null;
      return await send(starting, { connection, profile, order: order.data, product, instructions: pending.instructions, hint: pending.hint, notifyStarted: false, keepRejected: true });
    } catch {
      // Storage refused a read or write: the purchase stays confirmed and is taken up again shortly.
      return null;
    } finally {
      postsInFlight.delete(id);
      deps.onScheduleChange();
    }
  }

  /**
   * A confirmed purchase that is not sent: the page changed, what it needs is gone, or the service refused it
   * (`from` 'starting': certainly nothing created). The user is told and decides again.
   */
  async function endUnsent(id: string, drift: CheckoutRecord['drift'], reason: string | null, from: 'confirmed' | 'starting' = 'confirmed'): Promise<null> {
    let moved = false;
    const ended = await update(id, (r) => {
      if (r.state !== from || r.checkoutId !== null) return r;
      moved = true;
      return { ...r, state: 'not_sent', drift, lastError: reason, nextPollAt: null, pendingNotification: 'not_sent' };
    });
    if (moved && ended) await deliver(ended).catch(() => {});
    return null;
  }

  async function markOutcomeUnknown(id: string, reason: string) {
    const updated = await updateCheckout(id, (r) =>
      r.state !== 'starting' ? r : { ...r, state: 'outcome_unknown', lastError: reason, updatedAt: deps.now(), pendingNotification: 'outcome_unknown' },
    );
    if (updated?.pendingNotification) await deliver(updated);
    return updated;
  }

  async function poll(id: string): Promise<void> {
    if (pollsInFlight.has(id)) return;
    pollsInFlight.add(id);
    try {
      await pollOnce(id);
      clearHold(id);
    } catch {
      // Storage refused a read or write: keep the checkout as it is stored and try again after a growing pause.
      holdAfterStorageFailure(id);
    } finally {
      pollsInFlight.delete(id);
    }
  }

  async function pollOnce(id: string): Promise<void> {
    const record = (await readCheckouts()).records.find((r) => r.id === id);
    if (!record || record.state !== 'processing') return;
    if (!record.checkoutId) {
      await update(id, (r) => ({ ...r, state: 'outcome_unknown', nextPollAt: null }));
      return;
    }
    if (deps.now() >= record.deadlineAt) {
      await stopFollowing(record);
      return;
    }
    const name = serviceOf(record.service).name;
    const { settings, sessionKeys } = await deps.loadContext();
    const connection: Connection | null = connectionOf(settings, sessionKeys, record.service);
    if (!connection) {
      // Disconnected (or a key forgotten when the browser closed): keep the checkout, try again later.
      await applyPollError(record, { kind: 'auth', status: null, retryAfterMs: null, serviceMessage: null }, t('pollNotConnected', name));
      return;
    }
    let report: CheckoutReport;
    try {
      report = await deps.adapters[record.service].status(connection, record.checkoutId);
      // An answer about another checkout is no answer about this one.
      if (report.id !== record.checkoutId) throw { kind: 'unexpected_response', status: null, retryAfterMs: null, serviceMessage: null } satisfies ServiceError;
    } catch (thrown) {
      const error = asServiceError(thrown);
      await applyPollError(record, error, describeServiceError(error, name));
      return;
    }
    const state = FINAL_OUTCOMES[report.outcome];
    if (state) {
      const finished = await update(id, (r) => {
        if (r.state !== 'processing') return r;
        const next: CheckoutRecord = {
          ...r,
          state,
          serviceStatus: report.rawStatus,
          // A service that reports payment without an amount (a cart's status) was paid what it was created for.
          amount: report.amount ?? (state === 'paid' ? r.quoted?.amount ?? null : null),
          currency: report.amount ? report.currency : state === 'paid' ? r.quoted?.currency ?? null : null,
          notes: report.notes,
          reportedProduct: report.product ?? r.reportedProduct,
          lastError: null,
          nextPollAt: null,
          polls: r.polls + 1,
          seen: state !== 'failed',
        };
        const event: NotificationEvent =
          state === 'completed' ? (completionAlert(next) ? 'over_cap' : 'completed') : state === 'failed' ? 'failed' : state === 'paid' ? 'paid' : 'ended';
        return { ...next, pendingNotification: event };
      });
      // A notification that could not be shown stays pending and is shown at the next worker start.
      if (finished?.pendingNotification) await deliver(finished).catch(() => {});
      return;
    }
    await update(id, (r) => {
      const now = deps.now();
      const nextPollAt = now + pollDelayAfter(now - pollingStartedAt(r), serviceOf(r.service).poll);
      return { ...r, serviceStatus: report.rawStatus, lastError: null, errorStreak: 0, polls: r.polls + 1, nextPollAt };
    });
  }

  /** Past the deadline: a link whose payment window closed has expired; anything else is no longer followed. */
  async function stopFollowing(record: CheckoutRecord) {
    const expired = serviceOf(record.service).endsAtExpiry && record.expiresAt !== null && deps.now() >= record.expiresAt;
    const ended = await update(record.id, (r) =>
      r.state !== 'processing'
        ? r
        : expired
          ? { ...r, state: 'expired', nextPollAt: null, pendingNotification: 'ended' }
          : { ...r, state: 'stopped', nextPollAt: null, pendingNotification: 'stopped' },
    );
    if (ended?.pendingNotification) await deliver(ended).catch(() => {});
  }

  async function applyPollError(record: CheckoutRecord, error: ServiceError, words: string) {
    const { id } = record;
    const early = deps.now() - record.createdAt < NOT_FOUND_GRACE_MS;
    if (error.kind === 'not_found' && !early) {
      await update(id, (r) => ({ ...r, state: 'not_found', lastError: words, nextPollAt: null }));
      return;
    }
    await update(id, (r) => {
      const errorStreak = r.errorStreak + 1;
      const wait =
        error.kind === 'rate_limited' && error.retryAfterMs !== null
          ? Math.min(MAX_RETRY_AFTER_MS, Math.max(error.retryAfterMs, ERROR_BACKOFF_MS))
          : errorBackoffMs(errorStreak, deps.random());
      const lastError = error.kind === 'not_found' ? t('errorNotFoundYet') : words;
      return { ...r, lastError, errorStreak, polls: r.polls + 1, nextPollAt: deps.now() + wait };
    });
  }

  function holdAfterStorageFailure(id: string) {
    const streak = (holds.get(id)?.streak ?? 0) + 1;
    holds.set(id, { streak, until: deps.now() + errorBackoffMs(streak, deps.random()) });
    if (streak === 1) void deps.notifyStorageProblem?.().catch(() => {});
  }

  function clearHold(id: string) {
    holds.delete(id);
  }

  const heldUntil = (id: string) => holds.get(id)?.until ?? 0;

  /** Saves again what storage refused before, once each pause is over. */
  async function saveUnsaved(now: number) {
    for (const [id, change] of unsaved) {
      if (heldUntil(id) > now) continue;
      try {
        await updateCheckout(id, change);
        unsaved.delete(id);
        clearHold(id);
      } catch {
        holdAfterStorageFailure(id);
      }
    }
  }

  function update(id: string, change: (r: CheckoutRecord) => CheckoutRecord) {
    const result = updateCheckout(id, (r) => ({ ...change(r), updatedAt: deps.now() }));
    return result.finally(() => deps.onScheduleChange());
  }
  /** Shows a pending notification, then records it as shown. */
  async function deliver(record: CheckoutRecord): Promise<void> {
    const event = record.pendingNotification;
    if (!event || deliveries.has(record.id)) return;
    deliveries.add(record.id);
    try {
      const shown = await deps.notify(record, event);
      await updateCheckout(record.id, (r) =>
        r.pendingNotification !== event ? r : { ...r, pendingNotification: null, notifications: [...r.notifications, { event, ...shown, at: deps.now() }] },
      );
    } finally {
      deliveries.delete(record.id);
    }
  }

  /** Puts a checkout we stopped checking back into polling ("Check again"). */
  async function recheck(id: string): Promise<CheckoutRecord | null> {
    const now = deps.now();
    return update(id, (r) =>
      (r.state === 'stopped' || r.state === 'not_found') && r.checkoutId
        ? { ...r, state: 'processing', lastError: null, errorStreak: 0, pollingSince: now, deadlineAt: deadlineFor(r.service, now, r.expiresAt !== null && r.expiresAt > now ? r.expiresAt : null), nextPollAt: now }
        : r,
    );
  }

  /** The user has looked at their failed purchases (popup or history opened). */
  async function markSeen(): Promise<void> {
    // Usually nothing is unseen: then nothing is written, and no view has to read the purchases again.
    if (!(await hasUnseen())) return;
    await updateCheckouts((records) => ({ records: records.map((r) => (r.seen ? r : { ...r, seen: true })), result: null }));
  }

  /** The user checked a purchase whose outcome was unknown and marks it resolved. */
  async function resolve(id: string): Promise<CheckoutRecord | null> {
    return update(id, (r) => (r.state === 'outcome_unknown' ? { ...r, state: 'resolved', pendingNotification: null } : r));
  }

  /**
   * Run once when the worker starts: a purchase left `starting` by a worker that died mid-POST has an
   * unknown outcome (never re-posted); one left `confirmed` was never sent and is sent now; notifications decided
   * but not shown are shown now.
   */
  async function recover(): Promise<void> {
    const { records } = await readCheckouts();
    for (const record of records) {
      if (record.state === 'starting' && !postsInFlight.has(record.id)) {
        await markOutcomeUnknown(record.id, t('startInterrupted'));
      } else if (record.state === 'confirmed' && !postsInFlight.has(record.id)) {
        // Confirmed but never sent: nothing was posted, so it is sent now (after reading the page once more).
        void proceed(record.id);
      } else if (record.pendingNotification) {
        await deliver(record);
      }
    }
  }

  /** Polls every purchase whose next poll is due (and not paused after a failed save). */
  async function pollDue(): Promise<void> {
    const now = deps.now();
    await saveUnsaved(now);
    const { records } = await readCheckouts();
    const due = records.filter((r) => r.state === 'processing' && Math.max(r.nextPollAt ?? 0, heldUntil(r.id)) <= now);
    for (const r of records) {
      if (postsInFlight.has(r.id) || r.updatedAt + CONFIRMED_RETRY_MS > now) continue;
      if (r.state === 'confirmed') void proceed(r.id);
      // Left starting by a worker that stopped mid-POST (this one is not posting it): its outcome is unknown.
      else if (r.state === 'starting') await markOutcomeUnknown(r.id, t('startInterrupted')).catch(() => {});
    }
    await Promise.all(due.map((r) => poll(r.id)));
  }

  /** When the next poll (or save) is due, or null when nothing is being polled. */
  async function nextPollAt(): Promise<number | null> {
    const { records } = await readCheckouts();
    const times = records.filter((r) => r.state === 'processing' && !unsaved.has(r.id)).map((r) => Math.max(r.nextPollAt ?? 0, heldUntil(r.id)));
    // A purchase confirmed or being started keeps the worker's alarm alive until it is sent and answered.
    for (const r of records) {
      if (r.state === 'confirmed' || r.state === 'starting') times.push(postsInFlight.has(r.id) ? deps.now() + CONFIRMED_RETRY_MS : r.updatedAt + CONFIRMED_RETRY_MS);
    }
    for (const id of unsaved.keys()) times.push(heldUntil(id));
    return times.length ? Math.min(...times) : null;
  }

  return { start, poll, pollDue, nextPollAt, recheck, resolve, markSeen, recover };
}
export type Lifecycle = ReturnType<typeof createLifecycle>;

/** The service-side item in words, when an order names one (a store product's name). */
function orderLabelOf(order: unknown): string {
  if (order && typeof order === 'object' && 'label' in order && typeof (order as { label: unknown }).label === 'string') return (order as { label: string }).label.slice(0, 300);
  return '';
}
