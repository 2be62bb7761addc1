/** Which checkout services are connected, worked out from the settings and session keys (`connectionStorage.ts` keeps them). */
import type { ServiceSettings, Settings } from './settings';
import { isSimulated, SERVICE_IDS, serviceOf, type ServiceId } from '../services/registry';
import type { Connection } from '../services/service';

export type { Connection } from '../services/service';

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
