import { browser } from 'wxt/browser';
import type { Lifecycle } from './lifecycle';

export const POLL_ALARM = 'checkout-poll';
/** The alarm only matters when the worker was killed; Chrome runs packed extensions' alarms at most every 30 s. */
const ALARM_PERIOD_MINUTES = 0.5;
/**
 * The longest the in-worker timer waits; a later poll is re-armed when it fires. Far below setTimeout's limit
 * (2^31 - 1 ms), past which a timer fires at once and would poll in a busy loop.
 */
export const MAX_TIMER_MS = 10 * 60_000;
/** When storage cannot even be read, look again after this long (the alarm also keeps watch). */
const UNREADABLE_RETRY_MS = 30_000;

/**
 * Drives polling: a timer in the worker for fast feedback, and one repeating alarm (for all pending
 * purchases) that wakes a killed worker. Both run the same `lifecycle.pollDue`.
 */
export function createScheduler(lifecycle: Lifecycle, now: () => number = Date.now) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let rescheduleAgain = false;

  async function ensureAlarm(pending: boolean) {
    const existing = await browser.alarms.get(POLL_ALARM);
    if (pending && !existing) await browser.alarms.create(POLL_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES, delayInMinutes: ALARM_PERIOD_MINUTES });
    if (!pending && existing) await browser.alarms.clear(POLL_ALARM);
  }

  /** Re-arms the in-worker timer and the alarm from what storage says is pending. */
  async function reschedule(): Promise<void> {
    let next: number | null;
    try {
      next = await lifecycle.nextPollAt();
    } catch {
      next = now() + UNREADABLE_RETRY_MS;
    }
    clearTimeout(timer);
    timer = undefined;
    await ensureAlarm(next !== null).catch(() => {});
    if (next !== null) timer = setTimeout(() => void run(), Math.min(MAX_TIMER_MS, Math.max(0, next - now())));
  }

  /** Polls what is due, then re-arms. Concurrent calls share one run. */
  function run(): Promise<void> {
    if (running) {
      rescheduleAgain = true;
      return running;
    }
    running = (async () => {
      try {
        await lifecycle.pollDue().catch(() => {});
      } finally {
        await reschedule();
        running = null;
        if (rescheduleAgain) {
          rescheduleAgain = false;
          await reschedule();
        }
      }
    })();
    return running;
  }

  /** Called when a record changed: re-arm soon, without waiting for a poll that is running. */
  function changed(): void {
    if (running) rescheduleAgain = true;
    else void reschedule();
  }

  return { run, reschedule, changed };
}
export type Scheduler = ReturnType<typeof createScheduler>;
