import { useEffect, useState } from 'react';
import type { ParsedItem } from '../utils/storage/parsedItem';
import { type Ledger, readLedger, watchLedger } from '../utils/checkouts/ledger';
import { type CheckoutList, readCheckouts, watchCheckouts } from '../utils/checkouts/store';

/** The current value of a parsed storage item, kept live; undefined while loading. */
export function useStored<T>(item: ParsedItem<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let active = true;
    void item.get().then((v) => active && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      active = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/** Every purchase record, kept live (read-only: the background writes them). */
export function useCheckouts(): CheckoutList | undefined {
  const [list, setList] = useState<CheckoutList>();
  useEffect(() => {
    let active = true;
    void readCheckouts().then((l) => active && setList(l));
    const unwatch = watchCheckouts(setList);
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return list;
}

/** The spend ledger (purchases cleared from the history that the spending limits still count), kept live. */
export function useLedger(): Ledger | undefined {
  const [ledger, setLedger] = useState<Ledger>();
  useEffect(() => {
    let active = true;
    void readLedger().then((l) => active && setLedger(l));
    const unwatch = watchLedger(setLedger);
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return ledger;
}
