import { Mutex } from 'async-mutex';
import { storage } from 'wxt/utils/storage';
import { type CheckoutRecord, checkoutRecordSchema, isFinal } from './record';

const KEY = 'local:checkouts' as const;
/** Finished purchases beyond this many (oldest first) are dropped from history. */
const MAX_RECORDS = 300;

/** Raw stored list: each entry is parsed on its own so one corrupt record never hides the others. */
const checkoutsItem = storage.defineItem<unknown[]>(KEY, { fallback: [], version: 1 });

export interface CheckoutList {
  records: CheckoutRecord[];
  /** Stored entries that failed the schema; kept in storage untouched. */
  unreadable: unknown[];
}

function split(raw: unknown): CheckoutList {
  const list: CheckoutList = { records: [], unreadable: [] };
  if (!Array.isArray(raw)) {
    if (raw !== null && raw !== undefined) list.unreadable.push(raw);
    return list;
  }
  for (const entry of raw) {
    const parsed = checkoutRecordSchema.safeParse(entry);
    if (parsed.success) list.records.push(parsed.data);
    else list.unreadable.push(entry);
  }
  return list;
}

/** Reads every purchase record (for views: read-only). */
export async function readCheckouts(): Promise<CheckoutList> {
  return split(await checkoutsItem.getValue());
}

/** Calls `callback` with the parsed list whenever any record changes. */
export function watchCheckouts(callback: (list: CheckoutList) => void): () => void {
  return checkoutsItem.watch((raw) => callback(split(raw)));
}

const mutex = new Mutex();

/**
 * Read-modify-write of the records, serialised so concurrent updates in the background never lose each
 * other. Only the background calls this: it is the single writer of purchase state.
 */
export function updateCheckouts<T>(change: (records: CheckoutRecord[]) => { records: CheckoutRecord[]; result: T }): Promise<T> {
  return mutex.runExclusive(async () => {
    const { records, unreadable } = split(await checkoutsItem.getValue());
    const { records: next, result } = change(records);
    await checkoutsItem.setValue([...trim(next), ...unreadable]);
    return result;
  });
}

/** Applies `change` to one record; returns the updated record, or null if it no longer exists. */
export function updateCheckout(id: string, change: (record: CheckoutRecord) => CheckoutRecord): Promise<CheckoutRecord | null> {
  return updateCheckouts((records) => {
    let updated: CheckoutRecord | null = null;
    const next = records.map((record) => (record.id === id ? (updated = change(record)) : record));
    return { records: next, result: updated };
  });
}

function trim(records: CheckoutRecord[]): CheckoutRecord[] {
  if (records.length <= MAX_RECORDS) return records;
  let excess = records.length - MAX_RECORDS;
  // Oldest finished purchases go first; anything still open is always kept.
  const byAge = [...records].sort((a, b) => a.createdAt - b.createdAt);
  const drop = new Set<string>();
  for (const record of byAge) {
    if (excess === 0) break;
    if (isFinal(record)) {
      drop.add(record.id);
      excess -= 1;
    }
  }
  return records.filter((record) => !drop.has(record.id));
}

/** States "Clear finished purchases" removes: ended, resolved by the user, or unknown to the service. */
export const FINISHED_STATES = ['completed', 'failed', 'resolved', 'not_found', 'paid', 'expired', 'cancelled', 'voided', 'refunded', 'reversed', 'disputed'] as const;

/** Removes finished checkouts; returns how many. */
export function clearFinished(): Promise<number> {
  const finished = new Set<string>(FINISHED_STATES);
  return updateCheckouts((records) => {
    const kept = records.filter((r) => !finished.has(r.state) || r.pendingNotification !== null);
    return { records: kept, result: records.length - kept.length };
  });
}
