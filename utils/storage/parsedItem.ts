import { storage, type StorageItemKey } from 'wxt/utils/storage';
import type * as z from 'zod/mini';

export interface ParsedItem<T> {
  /** The stored value, parsed; the fallback when nothing is stored or the stored value is unreadable. */
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Calls `callback` with the parsed value whenever it changes (in any extension context). */
  watch(callback: (value: T) => void): () => void;
}

/**
 * A storage item whose every read is validated with `schema`. A corrupt value is reported and copied to
 * `<key>:corrupt` before anything overwrites it, so nothing the user saved is lost silently.
 */
export function defineParsedItem<S extends z.ZodMiniType>(
  key: StorageItemKey,
  options: { schema: S; fallback: () => z.output<S>; version: number; migrations?: Record<number, (old: any) => any> },
): ParsedItem<z.output<S>> {
  const item = storage.defineItem<unknown>(key, { version: options.version, migrations: options.migrations });

  function parse(raw: unknown): z.output<S> {
    if (raw === null || raw === undefined) return options.fallback();
    const result = options.schema.safeParse(raw);
    if (result.success) return result.data;
    // Only the key is logged: the value may hold personal data.
    console.warn(`Stored "${key}" does not match its schema; using defaults and keeping a copy in "${key}:corrupt".`);
    void storage.setItem(`${key}:corrupt` as StorageItemKey, raw);
    return options.fallback();
  }

  return {
    get: async () => parse(await item.getValue()),
    set: (value) => item.setValue(options.schema.parse(value)),
    watch: (callback) => item.watch((raw) => callback(parse(raw))),
  };
}
