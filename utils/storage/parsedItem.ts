import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type * as z from 'zod/mini';

export interface ParsedItem<T> {
  /** The stored value, parsed; the fallback when nothing is stored or the stored value is unreadable. */
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Calls `callback` with the parsed value whenever it changes (in any extension context). */
  watch(callback: (value: T) => void): () => void;
  /** Applies `redact` to a copy of a corrupt value kept by an older version (which did not redact); removes it when nothing may be kept. */
  scrubCorruptCopy(): Promise<void>;
}

/**
 * A storage item whose every read is validated with `schema`. A corrupt value is reported and copied to
 * `<key>:corrupt` before anything overwrites it, so nothing the user saved is lost silently. `redact` decides what
 * of it may be kept (an item holding credentials drops them); returning undefined keeps no copy at all.
 */
export function defineParsedItem<S extends z.ZodMiniType>(
  key: StorageItemKey,
  options: {
    schema: S;
    fallback: () => z.output<S>;
    version: number;
    migrations?: Record<number, (old: any) => any>;
    redact?: (raw: unknown) => unknown;
  },
): ParsedItem<z.output<S>> {
  const item = storage.defineItem<unknown>(key, { version: options.version, migrations: options.migrations });
  const copyKey = `${key}:corrupt` as StorageItemKey;
  const redact = options.redact ?? ((raw: unknown) => raw);

  function parse(raw: unknown): z.output<S> {
    if (raw === null || raw === undefined) return options.fallback();
    const result = options.schema.safeParse(raw);
    if (result.success) return result.data;
    // Only the key is logged: the value may hold personal data.
    console.warn(`Stored "${key}" does not match its schema; using defaults and keeping what may be kept in "${copyKey}".`);
    const kept = redact(raw);
    void (kept === undefined ? storage.removeItem(copyKey) : storage.setItem(copyKey, kept));
    return options.fallback();
  }

  async function scrubCorruptCopy(): Promise<void> {
    if (!options.redact) return;
    const copy = await storage.getItem<unknown>(copyKey);
    if (copy === null || copy === undefined) return;
    const kept = options.redact(copy);
    if (kept === undefined) await storage.removeItem(copyKey);
    else if (JSON.stringify(kept) !== JSON.stringify(copy)) await storage.setItem(copyKey, kept);
  }

  return {
    get: async () => parse(await item.getValue()),
    set: (value) => item.setValue(options.schema.parse(value)),
    watch: (callback) => item.watch((raw) => callback(parse(raw))),
    scrubCorruptCopy,
  };
}
