import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { SPEND_WINDOW_MS, spendsMoney } from './limits';
import { CHECKOUT_STATES, type CheckoutRecord } from './record';
import { allowanceSchema } from './recordSchema';
import { moneySchema } from '../money/money';

/**
 * The spend ledger: what the spending limits need of purchases that left the history (cleared by the user
 * or trimmed), kept for the 30 days the longest limit looks back. Clearing the list never resets a limit.
 */
const KEY = 'local:spendLedger' as const;
/** More entries than anyone buys in 30 days; the oldest go first. */
const MAX_ENTRIES = 5000;

const text = (max: number) => z.nullable(z.string().check(z.maxLength(max)));

export const spendEntrySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  state: z.enum(CHECKOUT_STATES),
  createdAt: z.number(),
  amount: text(60),
  currency: text(16),
  quantity: z.int().check(z.minimum(1)),
  product: z.object({ price: text(60), currency: text(16) }),
  allowance: allowanceSchema,
  /** The purchase's hold (entries written before holds have none). */
  ceiling: z.optional(z.nullable(moneySchema)),
  maxSpend: z.optional(z.array(moneySchema)),
});
export type SpendEntry = z.infer<typeof spendEntrySchema>;

/** Raw stored list: each entry is parsed on its own so one corrupt entry never drops the others. */
const ledgerItem = storage.defineItem<unknown[]>(KEY, { fallback: [], version: 1 });

export interface Ledger {
  entries: SpendEntry[];
  /** Stored entries that failed the schema; kept untouched. */
  unreadable: unknown[];
}

function split(raw: unknown): Ledger {
  const ledger: Ledger = { entries: [], unreadable: [] };
  for (const entry of Array.isArray(raw) ? raw : raw === null || raw === undefined ? [] : [raw]) {
    const parsed = spendEntrySchema.safeParse(entry);
    if (parsed.success) ledger.entries.push(parsed.data);
    else ledger.unreadable.push(entry);
  }
  return ledger;
}

export async function readLedger(): Promise<Ledger> {
  return split(await ledgerItem.getValue());
}

export function watchLedger(callback: (ledger: Ledger) => void): () => void {
  return ledgerItem.watch((raw) => callback(split(raw)));
}

/** Writes the ledger. Only the checkout store calls this, inside its serialised writes. */
export async function writeLedger(ledger: Ledger): Promise<void> {
  await ledgerItem.setValue([...ledger.entries.slice(-MAX_ENTRIES), ...ledger.unreadable]);
}

/** What a purchase leaves in the ledger; null when it cost the user nothing (failed, never sent, a checkout link the customer pays, or the demo). */
export function toSpendEntry(record: CheckoutRecord): SpendEntry | null {
  if (record.state === 'failed' || record.state === 'not_sent' || !spendsMoney(record.service)) return null;
  const { id, state, createdAt, amount, currency, quantity, allowance, ceiling, maxSpend } = record;
  return { id, state, createdAt, amount, currency, quantity, product: { price: record.product.price, currency: record.product.currency }, allowance, ceiling, maxSpend };
}

/** Adds what `records` spent to the ledger, and drops entries no limit looks at any more (older than 30 days at `now`). */
export function addToLedger(entries: SpendEntry[], records: CheckoutRecord[], now: number | null): SpendEntry[] {
  const added = records.map(toSpendEntry).filter((entry): entry is SpendEntry => entry !== null);
  const known = new Set(added.map((entry) => entry.id));
  const all = [...entries.filter((entry) => !known.has(entry.id)), ...added].sort((a, b) => a.createdAt - b.createdAt);
  return now === null ? all : all.filter((entry) => entry.createdAt >= now - SPEND_WINDOW_MS);
}
