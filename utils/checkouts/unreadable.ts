import { moneySchema } from '../money/money';
import { isServiceId, serviceOf } from '../services/registry';
import { type SpendSource, spendsMoney } from './limits';
import type { Allowance } from './record';
import { allowanceSchema } from './recordSchema';

const NO_ALLOWANCE: Allowance = { daily: null, monthly: null };
/** Longest stored id kept as a spend source's id (as the ledger keeps them). */
const MAX_ID_LENGTH = 200;

/** A field of a stored entry that may be anything at all (not even an object). */
function field(entry: unknown, name: string): unknown {
  return entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>)[name] : undefined;
}

/** The entry's id when it has a usable one; else a stable stand-in from its place in the list. */
function idOf(entry: unknown, index: number): string {
  const id = field(entry, 'id');
  return typeof id === 'string' && id.trim() && id.length <= MAX_ID_LENGTH ? id : `unreadable-${index}`;
}

/** The longest any text read from an unreadable record is shown. */
const MAX_TEXT = 300;
/** The largest time a JavaScript date can hold (beyond it, `new Date` is invalid). */
const MAX_TIME = 8.64e15;

/** What can still be read of a stored record that failed the schema, all as plain text (never trusted, never a link). */
export interface UnreadableSummary {
  /** Its id when usable, else a stand-in from its place in the list. */
  id: string;
  /** The service's name, when the entry names a known service. */
  service: string | null;
  productName: string | null;
  productUrl: string | null;
  /** When it was created, when that is a readable time. */
  createdAt: number | null;
}

const textOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, MAX_TEXT) : null);

/** Reads what it can of an unreadable stored record, defensively: any field may be missing or of any type. */
export function summariseUnreadable(entry: unknown, index: number): UnreadableSummary {
  const service = field(entry, 'service');
  const product = field(entry, 'product');
  const createdAt = field(entry, 'createdAt');
  return {
    id: idOf(entry, index),
    service: isServiceId(service) ? serviceOf(service).name : null,
    productName: textOf(field(product, 'name')),
    productUrl: textOf(field(product, 'url')),
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) && Math.abs(createdAt) <= MAX_TIME ? createdAt : null,
  };
}

/**
 * Which unreadable entry a view means: its id (or stand-in) together with everything the view showed of it, so an
 * entry that moved in the list meanwhile is never taken for another.
 */
export function unreadableKey(summary: UnreadableSummary): string {
  return JSON.stringify([summary.id, summary.service, summary.productName, summary.productUrl, summary.createdAt]);
}

/** The unreadable entries without the one `key` names (`unreadableKey`); the same list when none matches. */
export function withoutUnreadable(unreadable: readonly unknown[], key: string): unknown[] {
  const index = unreadable.findIndex((entry, i) => unreadableKey(summariseUnreadable(entry, i)) === key);
  return index < 0 ? [...unreadable] : unreadable.filter((_, i) => i !== index);
}

/** True when the entry says, readably, that it belongs to a service that never spends the user's money. */
function spendsNothing(entry: unknown): boolean {
  const service = field(entry, 'service');
  return isServiceId(service) && !spendsMoney(service);
}

/**
 * Stored purchase records that failed the schema, as holds the spending limits count: an unreadable record may be
 * a purchase under way, so it counts as processing with no price (what it was allowed, or the whole limit), dated
 * now unless its own date can be read. Only entries that readably belong to a checkout link or the demo are left out.
 */
export function unreadableSpendSources(unreadable: unknown[], now: number): SpendSource[] {
  return unreadable.flatMap((entry, index): SpendSource[] => {
    if (spendsNothing(entry)) return [];
    const createdAt = field(entry, 'createdAt');
    const allowance = allowanceSchema.safeParse(field(entry, 'allowance'));
    const ceiling = moneySchema.safeParse(field(entry, 'ceiling'));
    return [
      {
        id: idOf(entry, index),
        state: 'processing',
        createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : now,
        amount: null,
        currency: null,
        quantity: 1,
        product: { price: null, currency: null },
        allowance: allowance.success ? allowance.data : NO_ALLOWANCE,
        ceiling: ceiling.success ? ceiling.data : null,
      },
    ];
  });
}
