import { createLifecycleState } from './lifecycleState';
import type { LifecycleDeps, StartRequest } from './lifecycleTypes';
import { start } from './start';
import { nextPollAt, poll, pollDue, recheck } from './follow';
import { markSeen, resolve } from './end';
import { recover } from './recover';
import { type OrderRequest, recordOrder, sendOrder } from './order';

export * from './lifecycleRules';
export type { LifecycleContext, LifecycleDeps, StartRequest, StartResult } from './lifecycleTypes';
export type { OrderRequest, OrderResult } from './order';

/**
 * The checkout state machine, told in chapters: `start` (limits, holds, the record written first, sending),
 * `follow` (polls, back-off, deadlines), `end` (final states, notifications), `recover` (a worker's start).
 * Every transition is persisted before it is acted on.
 */
export function createLifecycle(deps: LifecycleDeps) {
  const ctx = createLifecycleState(deps);
  return {
    start: (request: StartRequest) => start(ctx, request),
    poll: (id: string) => poll(ctx, id),
    pollDue: () => pollDue(ctx),
    nextPollAt: () => nextPollAt(ctx),
    recheck: (id: string) => recheck(ctx, id),
    resolve: (id: string) => resolve(ctx, id),
    markSeen,
    recover: () => recover(ctx),
    recordOrder: (request: OrderRequest) => recordOrder(ctx, request),
    sendOrder: (orderId: string) => sendOrder(ctx, orderId),
  };
}
export type Lifecycle = ReturnType<typeof createLifecycle>;
