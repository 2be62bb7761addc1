import { connectionOf } from '../settings/connections';
import { t } from '../shared/i18n';
import { withOptionOrder } from '../product/describe';
import { type Detection, detectInTab } from '../product/detectInTab';
import { NO_CHECKOUT_LINKS } from '../product/snapshot';
import { serviceOf } from '../services/registry';
import { describeServiceError } from './errorText';
import { asServiceError } from './provider';
import type { CheckoutRecord } from './record';
import { readCheckouts, updateCheckout, updateCheckouts } from './store';
import { judgeReread, type Reread } from './reread';
import { buildPrompt, purchaseDetails } from '../services/smartcheckout/userData';
import type { Sending, StartResult } from './lifecycleTypes';
import { CONFIRMATION_TTL_MS, deadlineFor, isDefiniteRejection } from './lifecycleRules';
import { clearHold, deliver, holdAfterStorageFailure, type LifecycleState, update } from './lifecycleState';
import { endUnsent, markOutcomeUnknown } from './end';

/** Creates the checkout of a record written as `starting` (never retried: a lost answer may mean it exists). */
export async function send(ctx: LifecycleState, record: CheckoutRecord, sending: Sending): Promise<StartResult> {
  const serviceId = record.service;
  const service = serviceOf(serviceId);
  const agent = service.kind === 'agent';
  try {
    const checkout = await ctx.deps.adapters[serviceId].create(sending.connection, {
      order: sending.order,
      product: sending.product,
      quantity: record.quantity,
      profile: sending.profile,
      instructions: sending.instructions,
      hint: sending.hint,
      maxSpend: record.maxSpend,
      intentId: record.id,
    });
    const at = ctx.deps.now();
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
      clearHold(ctx, record.id);
    } catch {
      // The service has the checkout; keep it in memory and save it again after a pause.
      ctx.unsaved.set(record.id, accept);
      holdAfterStorageFailure(ctx, record.id);
      accepted = accept(record);
    }
    ctx.deps.onScheduleChange();
    if (accepted?.pendingNotification === 'started') await deliver(ctx, accepted).catch(() => {});
    return { ok: true, record: accepted ?? record, duplicate: false };
  } catch (thrown) {
    const error = asServiceError(thrown);
    if (isDefiniteRejection(error)) {
      const message = t(agent ? 'startRejected' : 'startLinkRejected', describeServiceError(error, service.name));
      // The service certainly created nothing. Sent from the popup: forget the attempt, the popup says why. Sent by
      // the background alone (a confirmed purchase): kept as not sent, and a notification says why.
      if (sending.keepRejected) await endUnsent(ctx, record.id, null, message, 'starting');
      else await updateCheckouts((records) => ({ records: records.filter((r) => r.id !== record.id), result: null }));
      return { ok: false, code: error.kind === 'auth' ? 'auth' : 'rejected', message };
    }
    const unknown = await markOutcomeUnknown(ctx, record.id, describeServiceError(error, service.name));
    return { ok: true, record: unknown ?? record, duplicate: false };
  }
}

/**
 * Sends a confirmed purchase: the shop tab is read once more and nothing is sent if the price, currency or
 * variant moved (a notification says what changed); a tab that cannot be read again (closed, another page) lets
 * what was confirmed go, within its ceiling, and the history says so. Runs in the background alone, so the popup
 * may close at any moment; a worker stopped here takes it up again when it starts.
 */
export async function proceed(ctx: LifecycleState, id: string): Promise<StartResult | null> {
  ctx.postsInFlight.add(id);
  try {
    const record = (await readCheckouts()).records.find((r) => r.id === id);
    const pending = record?.state === 'confirmed' ? record.confirmedRequest : null;
    if (!record || !pending) return null;
    if (ctx.deps.now() - record.createdAt > CONFIRMATION_TTL_MS) return await endUnsent(ctx, id, null, t('notSentStale'));
    let verdict: Reread = { send: true, unread: false };
    if (pending.tabId !== null && pending.seen) {
      const fresh = await (ctx.deps.readTab ?? detectInTab)(pending.tabId).catch((): Detection => ({ kind: 'unreadable', message: '' }));
      verdict = judgeReread(pending.seen, fresh);
    }
    if (!verdict.send) return await endUnsent(ctx, id, verdict.drift, null);
    const { settings, sessionKeys, profiles } = await ctx.deps.loadContext();
    const connection = connectionOf(settings, sessionKeys, record.service);
    const profile = profiles.profiles.find((p) => p.id === record.profileId) ?? null;
    const order = ctx.deps.adapters[record.service].orderSchema.safeParse(pending.order ?? {});
    if (!connection) return await endUnsent(ctx, id, null, t('startNoServiceKey', serviceOf(record.service).name));
    if (!profile || !order.success) return await endUnsent(ctx, id, null, t('startProfileGone'));
    const product = { ...pending.product, variant: withOptionOrder(pending.product.variant, pending.optionOrder) };
    const request = { product, quantity: record.quantity, instructions: pending.instructions, hint: pending.hint };
    // Exactly what the user confirmed is sent, or nothing (the profile was edited meanwhile, say).
    if (serviceOf(record.service).kind === 'agent' && buildPrompt(purchaseDetails(request, profile, record.maxSpend)) !== record.prompt) {
      return await endUnsent(ctx, id, null, t('startConfirmationChanged'));
    }
    let moved = false;
    const starting = await update(ctx, id, (r) => {
      if (r.state !== 'confirmed') return r;
      moved = true;
      return { ...r, state: 'starting', confirmedRequest: null, startNote: verdict.unread ? t('sentWithoutReread') : null };
    });
    if (!moved || !starting) return null;
    return await send(ctx, starting, { connection, profile, order: order.data, product, instructions: pending.instructions, hint: pending.hint, notifyStarted: false, keepRejected: true });
  } catch {
    // Storage refused a read or write: the purchase stays confirmed and is taken up again shortly.
    return null;
  } finally {
    ctx.postsInFlight.delete(id);
    ctx.deps.onScheduleChange();
  }
}

/**
 * A create whose answer was lost (the worker stopped mid-POST). For a checkout link whose service documents an
 * idempotent create, it is sent once more with the same key and the order as first sent: the service answers with
 * the checkout it made (or makes it now), and the link is followed. Anything else — an agent purchase, another
 * service, what it needs gone — has an unknown outcome and is never sent again.
 */
export async function resendLost(ctx: LifecycleState, record: CheckoutRecord): Promise<void> {
  const adapter = ctx.deps.adapters[record.service];
  const link = serviceOf(record.service).kind !== 'agent' && adapter.idempotentCreate === true;
  const order = link && record.sentOrder != null ? adapter.orderSchema.safeParse(record.sentOrder) : null;
  const { settings, sessionKeys, profiles } = await ctx.deps.loadContext();
  const connection = connectionOf(settings, sessionKeys, record.service);
  const profile = profiles.profiles.find((p) => p.id === record.profileId) ?? null;
  if (!order?.success || !connection || !profile || !ctx.deps.isOnline()) {
    await markOutcomeUnknown(ctx, record.id, t('startInterrupted'));
    return;
  }
  const product = { ...record.product, availability: null, sku: null, mpn: null, gtin: null, brand: null, variant: record.variant, sources: [], checkoutLinks: NO_CHECKOUT_LINKS };
  ctx.postsInFlight.add(record.id);
  try {
    await send(ctx, record, { connection, profile, order: order.data, product, instructions: '', hint: null, notifyStarted: false, keepRejected: true });
  } finally {
    ctx.postsInFlight.delete(record.id);
  }
}
