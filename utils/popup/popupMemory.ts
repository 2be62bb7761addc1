import * as z from 'zod/mini';
import { SERVICE_IDS, type ServiceId } from '../services/registry';
import { defineParsedItem } from '../storage/parsedItem';

const MAX_SITES = 200;
const MAX_TARGETS = 50;

/** The checkout service last chosen on each site (by host), so the popup offers it again there. */
export const serviceBySiteStorage = defineParsedItem('local:serviceBySite', {
  schema: z.record(z.string().check(z.maxLength(253)), z.enum(SERVICE_IDS)),
  fallback: () => ({}),
  version: 1,
});

/**
 * The checkout the popup last showed for a tab or link, so closing and reopening the popup shows it again.
 * Session storage: forgotten with the browser session, like the tabs themselves.
 */
export const popupCheckoutStorage = defineParsedItem('session:popupCheckout', {
  schema: z.record(z.string().check(z.maxLength(4100)), z.string().check(z.maxLength(64))),
  fallback: () => ({}),
  version: 1,
});

/** Remembers `service` for `host` (most recent last; the oldest are forgotten beyond a limit). */
export async function rememberService(host: string, service: ServiceId): Promise<void> {
  const current = await serviceBySiteStorage.get();
  const { [host]: _previous, ...others } = current;
  const entries = Object.entries({ ...others, [host]: service }).slice(-MAX_SITES);
  await serviceBySiteStorage.set(Object.fromEntries(entries));
}

/** Remembers which checkout the popup shows for `target` (a tab or a link); null forgets it. */
export async function rememberCheckout(target: string, recordId: string | null): Promise<void> {
  const { [target]: _previous, ...others } = await popupCheckoutStorage.get();
  const entries = Object.entries(recordId ? { ...others, [target]: recordId } : others).slice(-MAX_TARGETS);
  await popupCheckoutStorage.set(Object.fromEntries(entries));
}
