import * as z from 'zod/mini';
import { type ServiceSettings, cleanApiKey, settingsStorage, type Settings } from './settings';
import { defineParsedItem } from './storage/parsedItem';
import { isSimulated, SERVICE_IDS, serviceOf, type ServiceId } from './services/registry';
import type { Connection } from './services/service';

export type { Connection } from './services/service';

/**
 * Keys the user asked to forget when the browser closes. `storage.session` lives in memory, is dropped when the
 * browser closes, and (in Chrome) is readable only by the extension's own pages and worker.
 */
export const sessionKeysStorage = defineParsedItem('session:serviceKeys', {
  schema: z.partialRecord(z.enum(SERVICE_IDS), z.pipe(z.string().check(z.maxLength(500)), z.transform(cleanApiKey))),
  fallback: () => ({}),
  version: 1,
});
export type SessionKeys = Partial<Record<ServiceId, string>>;

/** The key of `id`, wherever the user chose to keep it. */
export function apiKeyOf(settings: Settings, sessionKeys: SessionKeys, id: ServiceId): string {
  const saved = settings.services[id];
  return saved.forgetOnClose ? sessionKeys[id] ?? '' : saved.apiKey;
}

/** The base URL requests for `id` go to: the typed one, else the service's documented base for this key. */
export function baseUrlOf(id: ServiceId, saved: Pick<ServiceSettings, 'apiBaseUrl'>, apiKey: string): string | null {
  return saved.apiBaseUrl ?? serviceOf(id).defaultBaseUrl(apiKey);
}

/** The connection to `id`, or null when it has no key or no base URL (not connected). A service that needs no key is connected while switched on. */
export function connectionOf(settings: Settings, sessionKeys: SessionKeys, id: ServiceId): Connection | null {
  const saved = settings.services[id];
  if (isSimulated(id)) return saved.enabled ? { service: id, apiKey: '', baseUrl: '', typedBaseUrl: null, checkoutUrl: null, mode: null } : null;
  const apiKey = apiKeyOf(settings, sessionKeys, id);
  const baseUrl = baseUrlOf(id, saved, apiKey);
  if (!apiKey || !baseUrl) return null;
  return { service: id, apiKey, baseUrl, typedBaseUrl: saved.apiBaseUrl, checkoutUrl: saved.checkoutUrl, mode: serviceOf(id).keyMode(apiKey) };
}

/** Connected services, in registry order. */
export function connectedServices(settings: Settings, sessionKeys: SessionKeys): ServiceId[] {
  return SERVICE_IDS.filter((id) => connectionOf(settings, sessionKeys, id) !== null);
}

/** The service to preselect: the default when it is connected, else the first connected one. */
export function preferredService(settings: Settings, sessionKeys: SessionKeys): ServiceId | null {
  const connected = connectedServices(settings, sessionKeys);
  return settings.defaultService && connected.includes(settings.defaultService) ? settings.defaultService : connected[0] ?? null;
}

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
