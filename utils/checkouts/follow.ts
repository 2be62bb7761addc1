import { type Connection, connectionOf } from '../settings/connections';
import { t } from '../shared/i18n';
import { serviceOf } from '../services/registry';
import type { CheckoutReport } from '../services/types';
import { describeServiceError } from './errorText';
import { asServiceError, type ServiceError } from './provider';
import type { CheckoutRecord } from './record';
import { readCheckouts, updateCheckout } from './store';
import { CONFIRMED_RETRY_MS, deadlineFor, ERROR_BACKOFF_MS, errorBackoffMs, MAX_RETRY_AFTER_MS, NOT_FOUND_GRACE_MS, pollDelayAfter, pollingStartedAt } from './lifecycleRules';
import { clearHold, deliver, heldUntil, holdAfterStorageFailure, type LifecycleState, update } from './lifecycleState';
import { FINAL_OUTCOMES, finish, markOutcomeUnknown } from './end';
import { proceed } from './send';

/** Asks the service once how a checkout is going (one poll per checkout at a time); a refused save pauses it. */
export async function poll(ctx: LifecycleState, id: string): Promise<void> {
  if (ctx.pollsInFlight.has(id)) return;
  ctx.pollsInFlight.add(id);
  try {
    await pollOnce(ctx, id);
    clearHold(ctx, id);
  } catch {
    // Storage refused a read or write: keep the checkout as it is stored and try again after a growing pause.
    holdAfterStorageFailure(ctx, id);
  } finally {
    ctx.pollsInFlight.delete(id);
  }
}

/** One poll: past its deadline it is no longer followed; a final outcome ends it; otherwise the next poll is planned. */
async function pollOnce(ctx: LifecycleState, id: string): Promise<void> {
  const record = (await readCheckouts()).records.find((r) => r.id === id);
  if (!record || record.state !== 'processing') return;
  if (!record.checkoutId) {
    await update(ctx, id, (r) => ({ ...r, state: 'outcome_unknown', nextPollAt: null }));
    return;
  }
  if (ctx.deps.now() >= record.deadlineAt) {
    await stopFollowing(ctx, record);
    return;
  }
  const name = serviceOf(record.service).name;
  const { settings, sessionKeys } = await ctx.deps.loadContext();
  const connection: Connection | null = connectionOf(settings, sessionKeys, record.service);
  if (!connection) {
    // Disconnected (or a key forgotten when the browser closed): keep the checkout, try again later.
    await applyPollError(ctx, record, { kind: 'auth', status: null, retryAfterMs: null, serviceMessage: null }, t('pollNotConnected', name));
    return;
  }
  let report: CheckoutReport;
  try {
    report = await ctx.deps.adapters[record.service].status(connection, record.checkoutId);
    // An answer about another checkout is no answer about this one.
    if (report.id !== record.checkoutId) throw { kind: 'unexpected_response', status: null, retryAfterMs: null, serviceMessage: null } satisfies ServiceError;
  } catch (thrown) {
    const error = asServiceError(thrown);
    await applyPollError(ctx, record, error, describeServiceError(error, name));
    return;
  }
  const state = FINAL_OUTCOMES[report.outcome];
  if (state) return finish(ctx, id, report, state);
  await update(ctx, id, (r) => {
    const now = ctx.deps.now();
    const nextPollAt = now + pollDelayAfter(now - pollingStartedAt(r), serviceOf(r.service).poll);
    return { ...r, serviceStatus: report.rawStatus, lastError: null, errorStreak: 0, polls: r.polls + 1, nextPollAt };
  });
}

/** Past the deadline: a link whose payment window closed has expired; anything else is no longer followed. */
async function stopFollowing(ctx: LifecycleState, record: CheckoutRecord) {
  const expired = serviceOf(record.service).endsAtExpiry && record.expiresAt !== null && ctx.deps.now() >= record.expiresAt;
  const ended = await update(ctx, record.id, (r) =>
    r.state !== 'processing'
      ? r
      : expired
        ? { ...r, state: 'expired', nextPollAt: null, pendingNotification: 'ended' }
        : { ...r, state: 'stopped', nextPollAt: null, pendingNotification: 'stopped' },
  );
  if (ended?.pendingNotification) await deliver(ctx, ended).catch(() => {});
}

/** A failed poll: a checkout the service does not know (past the grace) is not found; otherwise it is polled again after a pause. */
async function applyPollError(ctx: LifecycleState, record: CheckoutRecord, error: ServiceError, words: string) {
  const { id } = record;
  const early = ctx.deps.now() - record.createdAt < NOT_FOUND_GRACE_MS;
  if (error.kind === 'not_found' && !early) {
    await update(ctx, id, (r) => ({ ...r, state: 'not_found', lastError: words, nextPollAt: null }));
    return;
  }
  await update(ctx, id, (r) => {
    const errorStreak = r.errorStreak + 1;
    const wait =
      error.kind === 'rate_limited' && error.retryAfterMs !== null
        ? Math.min(MAX_RETRY_AFTER_MS, Math.max(error.retryAfterMs, ERROR_BACKOFF_MS))
        : errorBackoffMs(errorStreak, ctx.deps.random());
    const lastError = error.kind === 'not_found' ? t('errorNotFoundYet') : words;
    return { ...r, lastError, errorStreak, polls: r.polls + 1, nextPollAt: ctx.deps.now() + wait };
  });
}

/** Saves again what storage refused before, once each pause is over. */
async function saveUnsaved(ctx: LifecycleState, now: number) {
  for (const [id, change] of ctx.unsaved) {
    if (heldUntil(ctx, id) > now) continue;
    try {
      await updateCheckout(id, change);
      ctx.unsaved.delete(id);
      clearHold(ctx, id);
    } catch {
      holdAfterStorageFailure(ctx, id);
    }
  }
}

/** Puts a checkout we stopped checking back into polling ("Check again"). */
export async function recheck(ctx: LifecycleState, id: string): Promise<CheckoutRecord | null> {
  const now = ctx.deps.now();
  return update(ctx, id, (r) =>
    (r.state === 'stopped' || r.state === 'not_found') && r.checkoutId
      ? { ...r, state: 'processing', lastError: null, errorStreak: 0, pollingSince: now, deadlineAt: deadlineFor(r.service, now, r.expiresAt !== null && r.expiresAt > now ? r.expiresAt : null), nextPollAt: now }
      : r,
  );
}

/** Polls every purchase whose next poll is due (and not paused after a failed save). */
export async function pollDue(ctx: LifecycleState): Promise<void> {
  const now = ctx.deps.now();
  await saveUnsaved(ctx, now);
  const { records } = await readCheckouts();
  const due = records.filter((r) => r.state === 'processing' && Math.max(r.nextPollAt ?? 0, heldUntil(ctx, r.id)) <= now);
  for (const r of records) {
    if (ctx.postsInFlight.has(r.id) || r.updatedAt + CONFIRMED_RETRY_MS > now) continue;
    if (r.state === 'confirmed') void proceed(ctx, r.id);
    // Left starting by a worker that stopped mid-POST (this one is not posting it): its outcome is unknown.
    else if (r.state === 'starting') await markOutcomeUnknown(ctx, r.id, t('startInterrupted')).catch(() => {});
  }
  await Promise.all(due.map((r) => poll(ctx, r.id)));
}

/** When the next poll (or save) is due, or null when nothing is being polled. */
export async function nextPollAt(ctx: LifecycleState): Promise<number | null> {
  const { records } = await readCheckouts();
  const times = records.filter((r) => r.state === 'processing' && !ctx.unsaved.has(r.id)).map((r) => Math.max(r.nextPollAt ?? 0, heldUntil(ctx, r.id)));
  // A purchase confirmed or being started keeps the worker's alarm alive until it is sent and answered.
  for (const r of records) {
    if (r.state === 'confirmed' || r.state === 'starting') times.push(ctx.postsInFlight.has(r.id) ? ctx.deps.now() + CONFIRMED_RETRY_MS : r.updatedAt + CONFIRMED_RETRY_MS);
  }
  for (const id of ctx.unsaved.keys()) times.push(heldUntil(ctx, id));
  return times.length ? Math.min(...times) : null;
}
