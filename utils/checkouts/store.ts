import { Mutex } from 'async-mutex';
import { storage } from 'wxt/utils/storage';
import { addToLedger, type Ledger, readLedger, type SpendEntry, writeLedger } from './ledger';
import { capRecordText, type CheckoutRecord } from './record';
import { checkoutRecordSchema } from './recordSchema';
import { withoutUnreadable } from './unreadable';

const KEY = 'local:checkouts' as const;
/** Purchases beyond this many (oldest first) leave the history; what they spent stays in the spend ledger. */
const MAX_RECORDS = 300;
/** States of purchases still being started or followed: never trimmed (both end on their own). */
const ACTIVE_STATES = new Set<CheckoutRecord['state']>(['confirmed', 'starting', 'processing']);

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

/**
 * The first `newest` readable records, in order, and any record whose id is in `ids`; the others are not checked
 * (a view that shows a few purchases at once need not wait for the whole history to be).
 */
export async function readSomeCheckouts(newest: number, ids: readonly string[]): Promise<CheckoutRecord[]> {
  const raw = await checkoutsItem.getValue();
  const records: CheckoutRecord[] = [];
  let recent = 0;
  for (const entry of Array.isArray(raw) ? raw : []) {
    const wanted = ids.includes((entry as { id?: unknown } | null)?.id as string);
    if (recent >= newest && !wanted) continue;
    const parsed = checkoutRecordSchema.safeParse(entry);
    if (!parsed.success) continue;
    if (recent < newest) recent += 1;
    records.push(parsed.data);
  }
  return records;
}

/** True when a stored record says it was not seen (only a readable record with `seen: false` can be marked seen). */
export async function hasUnseen(): Promise<boolean> {
  const raw = await checkoutsItem.getValue();
  return Array.isArray(raw) && raw.some((entry) => (entry as { seen?: unknown } | null)?.seen === false);
}

/** Calls `callback` with the parsed list whenever any record changes. */
export function watchCheckouts(callback: (list: CheckoutList) => void): () => void {
  return checkoutsItem.watch((raw) => callback(split(raw)));
}

const mutex = new Mutex();

export interface StoreChange<T> {
  records: CheckoutRecord[];
  result: T;
  /** A new spend ledger, when the change moves spending into it. */
  ledger?: SpendEntry[];
}

/**
 * Read-modify-write of the records (and, when asked, the spend ledger), serialised so concurrent updates in the
 * background never lose each other. Only the background calls this: it is the single writer of purchase state.
 * Text fields are capped on every write; records trimmed from the history leave their spending in the ledger.
 * `change` also sees the stored entries that cannot be read (records, then ledger entries), kept as they are.
 */
export function updateCheckouts<T>(change: (records: CheckoutRecord[], ledger: SpendEntry[], unreadable: readonly unknown[]) => StoreChange<T>): Promise<T> {
  return mutex.runExclusive(async () => {
    const { records, unreadable } = split(await checkoutsItem.getValue());
    const ledger: Ledger = await readLedger();
    // Stored records and ledger entries that cannot be read: still spending to count (`unreadableSpendSources`).
    const next = change(records, ledger.entries, [...unreadable, ...ledger.unreadable]);
    const { kept, dropped } = trim(next.records.map(capRecordText));
    if (next.ledger || dropped.length) {
      // The ledger first: if the second write fails, a purchase is counted twice (once), never not at all.
      await writeLedger({ entries: addToLedger(next.ledger ?? ledger.entries, dropped, null), unreadable: ledger.unreadable });
    }
    await checkoutsItem.setValue([...kept, ...unreadable]);
    return next.result;
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

/** Keeps the newest MAX_RECORDS; older purchases go, whatever their state, unless still starting or being followed. */
function trim(records: CheckoutRecord[]): { kept: CheckoutRecord[]; dropped: CheckoutRecord[] } {
  if (records.length <= MAX_RECORDS) return { kept: records, dropped: [] };
  let excess = records.length - MAX_RECORDS;
  const byAge = [...records].sort((a, b) => a.createdAt - b.createdAt);
  const drop = new Set<string>();
  for (const record of byAge) {
    if (excess === 0) break;
    if (!ACTIVE_STATES.has(record.state) && record.pendingNotification === null) {
      drop.add(record.id);
      excess -= 1;
    }
  }
  return { kept: records.filter((r) => !drop.has(r.id)), dropped: records.filter((r) => drop.has(r.id)) };
}

/** States "Clear finished purchases" removes: ended, resolved by the user, or unknown to the service. */
export const FINISHED_STATES: readonly CheckoutRecord['state'][] = ['completed', 'failed', 'not_sent', 'resolved', 'not_found', 'paid', 'expired', 'cancelled', 'voided', 'refunded', 'reversed', 'disputed'];

/**
 * Removes finished purchases (completed, failed, resolved, unknown to the service), a cart order only once all its
 * items are; returns how many. What they
 * spent in the last 30 days stays in the spend ledger, so clearing the list never resets a spending limit.
 */
export function clearFinished(now: number = Date.now()): Promise<number> {
  return updateCheckouts((records, ledger) => {
    const { removed, entries } = finishedEntries(records);
    const kept = records.filter((r) => !removed.includes(r));
    return { records: kept, result: entries, ledger: addToLedger(ledger, removed, now) };
  });
}

/**
 * What "Clear finished purchases" removes: finished purchases, each cart order as one entry that goes only when every
 * one of its items is finished; `entries` counts them as the history lists them (an order once).
 */
export function finishedEntries(records: readonly CheckoutRecord[]): { removed: CheckoutRecord[]; entries: number } {
  const done = (r: CheckoutRecord) => FINISHED_STATES.includes(r.state) && r.pendingNotification === null;
  const openOrders = new Set(records.filter((r) => r.orderId && !done(r)).map((r) => r.orderId));
  const removed = records.filter((r) => done(r) && !(r.orderId && openOrders.has(r.orderId)));
  const orders = new Set(removed.flatMap((r) => (r.orderId ? [r.orderId] : [])));
  return { removed, entries: removed.filter((r) => !r.orderId).length + orders.size };
}

/**
 * Removes one stored record that cannot be read (the user's decision in the history; `key` from `unreadableKey`);
 * true when it was there. It no longer counts against the spending limits from then on.
 */
export function removeUnreadable(key: string): Promise<boolean> {
  return mutex.runExclusive(async () => {
    const { records, unreadable } = split(await checkoutsItem.getValue());
    const kept = withoutUnreadable(unreadable, key);
    if (kept.length === unreadable.length) return false;
    await checkoutsItem.setValue([...records, ...kept]);
    return true;
  });
}
