import { readCheckouts } from './store';
import { deliver, type LifecycleState } from './lifecycleState';
import { proceed, resendLost } from './send';

/**
 * Run once when the worker starts: a purchase left `starting` by a worker that died mid-POST has an
 * unknown outcome (never re-posted), unless it is a checkout link whose service's create is idempotent (sent again
 * under the same key, to learn the checkout it made); one left `confirmed` was never sent and is sent now; notifications decided
 * but not shown are shown now.
 */
export async function recover(ctx: LifecycleState): Promise<void> {
  const { records } = await readCheckouts();
  for (const record of records) {
    if (record.state === 'starting' && !ctx.postsInFlight.has(record.id)) {
      await resendLost(ctx, record);
    } else if (record.state === 'confirmed' && !ctx.postsInFlight.has(record.id)) {
      // Confirmed but never sent: nothing was posted, so it is sent now (after reading the page once more).
      void proceed(ctx, record.id);
    } else if (record.pendingNotification) {
      await deliver(ctx, record);
    }
  }
}
