/** Where the services' connections are kept: the settings and the keys held for this browser session only. */
import * as z from 'zod/mini';
import { connectedServices, connectionOf, type SessionKeys } from './connections';
import { type ServiceSettings, cleanApiKey, settingsStorage, type Settings } from './settings';
import { defineParsedItem } from '../storage/parsedItem';
import { SERVICE_IDS, type ServiceId } from '../services/registry';

/**
 * Keys the user asked to forget when the browser closes. `storage.session` lives in memory, is dropped when the
 * browser closes, and (in Chrome) is readable only by the extension's own pages and worker.
 */
export const sessionKeysStorage = defineParsedItem('session:serviceKeys', {
  schema: z.partialRecord(z.enum(SERVICE_IDS), z.pipe(z.string().check(z.maxLength(500)), z.transform(cleanApiKey))),
  fallback: () => ({}),
  version: 1,
  // Every value here is a key: a corrupt one is not kept.
  redact: () => undefined,
});

/** Settings and session keys, read together. */
export async function readServiceState(): Promise<{ settings: Settings; sessionKeys: SessionKeys }> {
  const [settings, sessionKeys] = await Promise.all([settingsStorage.get(), sessionKeysStorage.get()]);
  return { settings, sessionKeys };
}

/** Saves one service's connection: the key goes to local or session storage as the user chose, never both. */
export async function saveServiceSettings(id: ServiceId, next: ServiceSettings): Promise<void> {
  const { settings, sessionKeys } = await readServiceState();
  const apiKey = cleanApiKey(next.apiKey);
  const keys: SessionKeys = { ...sessionKeys };
  if (next.forgetOnClose && apiKey) keys[id] = apiKey;
  else delete keys[id];
  const connectedBefore = connectedServices(settings, sessionKeys);
  const services = { ...settings.services, [id]: { ...settings.services[id], ...next, apiKey: next.forgetOnClose ? '' : apiKey } };
  const updated: Settings = { ...settings, services };
  // The first service connected becomes the default, so the popup knows what to offer.
  if (!updated.defaultService || !connectedBefore.includes(updated.defaultService)) {
    updated.defaultService = connectionOf(updated, keys, id) ? id : updated.defaultService;
  }
  await sessionKeysStorage.set(keys);
  await settingsStorage.set(updated);
}

/** Forgets a service's key (wherever it is kept); its other settings stay for the next time. */
export async function disconnectService(id: ServiceId): Promise<void> {
  const { settings, sessionKeys } = await readServiceState();
  const keys = { ...sessionKeys };
  delete keys[id];
  const updated: Settings = { ...settings, services: { ...settings.services, [id]: { ...settings.services[id], apiKey: '' } } };
  if (updated.defaultService === id) updated.defaultService = connectedServices(updated, keys)[0] ?? null;
  await sessionKeysStorage.set(keys);
  await settingsStorage.set(updated);
  // A copy of corrupt settings kept by an older version may still hold the key.
  await scrubCorruptCopies();
}

/** Removes the keys an older version may have left in copies of corrupt settings or session keys. */
export async function scrubCorruptCopies(): Promise<void> {
  await Promise.all([settingsStorage.scrubCorruptCopy(), sessionKeysStorage.scrubCorruptCopy()]);
}

/**
 * Switches a service that needs no key (the demo) on or off. Switched on, it becomes the default only when no other
 * service is connected; switched off, the default moves to another connected service.
 */
export async function setServiceEnabled(id: ServiceId, enabled: boolean): Promise<void> {
  const { settings, sessionKeys } = await readServiceState();
  const updated: Settings = { ...settings, services: { ...settings.services, [id]: { ...settings.services[id], enabled } } };
  const connected = connectedServices(updated, sessionKeys);
  if (!updated.defaultService || !connected.includes(updated.defaultService)) updated.defaultService = enabled && connected.length === 1 ? id : connected[0] ?? null;
  await settingsStorage.set(updated);
}
