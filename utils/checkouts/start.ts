import { connectionOf } from '../settings/connections';
import { t } from '../shared/i18n';
import { defaultProfile } from '../profiles/state';
import { describeVariant } from '../product/describe';
import { isDemoPageUrl } from '../product/demoPage';
import { isSimulated, serviceOf, type ServiceId } from '../services/registry';
import { checkLimits, safetyFor, spendHistory } from './limits';
import { unreadableSpendSources } from './unreadable';
import { createReceipt } from './receipt';
import { type CheckoutRecord, freshBookkeeping } from './record';
import { readCheckouts, updateCheckouts } from './store';
import { buildPrompt, purchaseDetails } from '../services/smartcheckout/userData';
import type { StartRequest, StartResult } from './lifecycleTypes';
import { DUPLICATE_WINDOW_MS, intentOf } from './lifecycleRules';
import type { LifecycleState } from './lifecycleState';
import { proceed, send } from './send';

/**
 * Starts a checkout: checks the service, profile, order and limits, and writes the record first (holding its
 * ceiling); then sends it at once, or, when the page is to be read again first, leaves it confirmed for `proceed`.
 */
export async function start(ctx: LifecycleState, request: StartRequest): Promise<StartResult> {
  const serviceId = request.service ?? 'smartcheckout';
  const ready = await readyToStart(ctx, serviceId, request.profileId, request.product.url);
  if ('refused' in ready) return ready.refused;
  const { service, adapter, agent, settings, connection, profile } = ready;
  const order = adapter.orderSchema.safeParse(request.order ?? {});
  if (!order.success) return { ok: false, code: 'invalid_order', message: t('startInvalidOrder', service.name) };

  const now = ctx.deps.now();
  // An expired mandate never buys, whoever asks.
  if (request.mandate && now >= request.mandate.until) return { ok: false, code: 'needs_confirmation', message: t('watchDiffExpired') };
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
        const limits = checkLimits(cost, safety, history, now, request.mandate?.ceiling ?? request.ceiling ?? null);
        if (limits.blocked) return { records, result: { refused: { ok: false, code: 'over_limit', message: limits.blocked } } };
        const prompt = buildPrompt(purchaseDetails(request, profile, limits.maxSpend));
        // The popup is not the only way in: whatever needs the user's confirmation is refused here without it.
        if (request.confirmedPrompt !== undefined && request.confirmedPrompt !== prompt) {
          return { records, result: { refused: { ok: false, code: 'confirmation_changed', message: t('startConfirmationChanged') } } };
        }
        // A watch's mandate is the user's confirmation, signed in advance; but a limit it cannot check stops it.
        if (request.mandate && limits.unchecked.length) {
          return { records, result: { refused: { ok: false, code: 'needs_confirmation', message: `${t('startNeedsConfirmation')} ${limits.uncheckedNote ?? ''}`.trim() } } };
        }
        if (request.confirmedPrompt === undefined && !request.mandate && (settings.safety.confirmEachPurchase || limits.unchecked.length)) {
          const message = limits.uncheckedNote ? `${t('startNeedsConfirmation')} ${limits.uncheckedNote}` : t('startNeedsConfirmation');
          return { records, result: { refused: { ok: false, code: 'needs_confirmation', message } } };
        }
        spending = { maxPrice: safety.maxPrice, maxSpend: limits.maxSpend, allowance: limits.allowance, prompt, ceiling: limits.ceiling };
      }
      const created: CheckoutRecord = {
        ...freshBookkeeping(now, now + service.poll.deadlineMs),
        id: request.attemptId ?? ctx.deps.newId(),
        service: serviceId,
        intent,
        quoted: agent ? null : adapter.quote(order.data, request),
        orderLabel: orderLabelOf(order.data),
        sentOrder: !agent && adapter.idempotentCreate ? order.data : null,
        state: recheck ? 'confirmed' : 'starting',
        product: { url: product.url, name: product.name, image: product.image, price: product.price, currency: product.currency },
        variant: product.variant,
        variantLabel: describeVariant(product.variant),
        quantity: request.quantity,
        ...spending,
        confirmedRequest: recheck
          ? { product, instructions: request.instructions, hint: request.hint ?? null, order: request.order, ...recheck, optionOrder: Object.keys(product.variant?.options ?? {}) }
          : null,
        // What the user approved, written once with the record and never changed after.
        receipt: createReceipt({ product, quantity: request.quantity, quoted: agent ? null : adapter.quote(order.data, request), ceiling: spending.ceiling, service: serviceId, profile, prompt: spending.prompt, approvedAt: now, mandate: request.mandate ?? null }),
        profileId: profile.id,
        profileLabel: profile.label,
      };
      ctx.postsInFlight.add(created.id);
      return { records: [created, ...records], result: { record: created, duplicate: false } };
    });
  } catch {
    // Nothing was written, so nothing is sent: a checkout we could not record could never be followed.
    void ctx.deps.notifyStorageProblem?.();
    return { ok: false, code: 'storage', message: t('startStorageFailed') };
  }
  if ('refused' in outcome) return outcome.refused;
  const { record, duplicate } = outcome;
  if (duplicate) return { ok: true, record, duplicate };
  if (record.state === 'confirmed') {
    // Recorded: the background owns the purchase from here. The popup's answer waits for the page to be read and
    // the purchase sent (so a refusal is said there); closed meanwhile, nothing is lost and a notification tells.
    ctx.deps.onScheduleChange();
    const sent = await proceed(ctx, record.id);
    if (sent && !sent.ok) return sent;
    const now = (await readCheckouts().catch(() => null))?.records.find((r) => r.id === record.id);
    return { ok: true, record: now ?? record, duplicate: false };
  }
  const sending = { connection, profile, order: order.data, product, instructions: request.instructions, hint: request.hint ?? null, notifyStarted: request.notifyStarted ?? false };
  try {
    return await send(ctx, record, sending);
  } finally {
    ctx.postsInFlight.delete(record.id);
  }
}

/** The service-side item in words, when an order names one (a store product's name). */
function orderLabelOf(order: unknown): string {
  if (order && typeof order === 'object' && 'label' in order && typeof (order as { label: unknown }).label === 'string') return (order as { label: string }).label.slice(0, 300);
  return '';
}

/**
 * What any start checks before writing a record: the service connected, the profile there, and (unless simulated)
 * a real product, the network and host access. Shared by a single purchase and a cart's order.
 */
export async function readyToStart(ctx: LifecycleState, serviceId: ServiceId, profileId: string, productUrl: string) {
  type Refused = { refused: Exclude<StartResult, { ok: true }> };
  const service = serviceOf(serviceId);
  const adapter = ctx.deps.adapters[serviceId];
  const agent = service.kind === 'agent';
  const { settings, sessionKeys, profiles } = await ctx.deps.loadContext();
  const connection = connectionOf(settings, sessionKeys, serviceId);
  if (!connection) return { refused: { ok: false, code: 'no_api_key', message: t('startNoServiceKey', service.name) } } as Refused;
  const profile = profiles.profiles.find((p) => p.id === profileId) ?? null;
  if (!profile) {
    const message = defaultProfile(profiles) ? t('startProfileGone') : t('startNoProfile');
    return { refused: { ok: false, code: 'no_profile', message } } as Refused;
  }
  // The demo moves no money and sends nothing, so it needs neither the network nor host access; the demo
  // page's product exists only inside the extension, so no real service is ever asked for it.
  const simulated = isSimulated(serviceId);
  if (!simulated && isDemoPageUrl(productUrl)) return { refused: { ok: false, code: 'invalid_order', message: t('startDemoProductOnly', service.name) } } as Refused;
  if (!simulated && !ctx.deps.isOnline()) return { refused: { ok: false, code: 'offline', message: t('startOffline') } } as Refused;
  if (!simulated && !(await ctx.deps.hasHostAccess(connection.baseUrl))) {
    const host = new URL(connection.baseUrl).host;
    return { refused: { ok: false, code: 'no_access', message: t(agent ? 'startNoServiceAccess' : 'startNoServiceAccessLink', service.name, host) } } as Refused;
  }
  return { service, adapter, agent, settings, connection, profile };
}
