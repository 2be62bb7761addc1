import { type PollPlan, serviceOf, type ServiceId } from '../services/registry';
import type { CheckoutRecord } from './record';
import type { ServiceError } from './provider';
import type { StartRequest } from './lifecycleTypes';

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

/** Answers that do not say whether a create started a checkout (timeout, conflict, client closed), besides 5xx. */
const UNKNOWN_OUTCOME_STATUSES = new Set([408, 409, 499]);

/** Errors after which the service certainly did not create anything: the key or the request was refused. */
export function isDefiniteRejection(error: ServiceError): boolean {
  if (error.kind === 'auth' || error.kind === 'validation' || error.kind === 'rate_limited') return true;
  if (error.kind !== 'http' && error.kind !== 'not_found') return false;
  return error.status !== null && error.status >= 400 && error.status < 500 && !UNKNOWN_OUTCOME_STATUSES.has(error.status);
}

/** What makes two starts the same purchase: the duplicate check compares it. */
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
export function pollingStartedAt(record: CheckoutRecord): number {
  return record.pollingSince ?? record.deadlineAt - serviceOf(record.service).poll.deadlineMs;
}

/** Delay before the next poll after `streak` consecutive failures: exponential, capped, with jitter. */
export function errorBackoffMs(streak: number, random: number): number {
  const base = Math.min(MAX_ERROR_BACKOFF_MS, ERROR_BACKOFF_MS * 2 ** Math.max(0, streak - 1));
  return Math.round(base * (0.5 + random / 2));
}

/** When to stop following a checkout that started polling at `now`. */
export function deadlineFor(service: ServiceId, now: number, expiresAt: number | null): number {
  const longest = now + serviceOf(service).poll.deadlineMs;
  return expiresAt !== null ? Math.min(longest, Math.max(now, expiresAt) + EXPIRY_GRACE_MS) : longest;
}

