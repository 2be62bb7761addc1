import { t } from '../shared/i18n';
import { readCheckouts } from './store';
import { deliver, type LifecycleState } from './lifecycleState';
import { markOutcomeUnknown } from './end';
import { proceed } from './send';

/**
 * Run once when the worker starts: a purchase left `starting` by a worker that died mid-POST has an
 * unknown outcome (never re-posted); one left `confirmed` was never sent and is sent now; notifications decided
 * but not shown are shown now.
 */
export async function recover(ctx: LifecycleState): Promise<void> {
  const { records } = await readCheckouts();
  for (const record of records) {
    if (record.state === 'starting' && !ctx.postsInFlight.has(record.id)) {
      await markOutcomeUnknown(ctx, record.id, t('startInterrupted'));
    } else if (record.state === 'confirmed' && !ctx.postsInFlight.has(record.id)) {
      // Confirmed but never sent: nothing was posted, so it is sent now (after reading the page once more).
      void proceed(ctx, record.id);
    } else if (record.pendingNotification) {
      await deliver(ctx, record);
    }
  }
}
