import type { Connection } from './service';
import type { ServiceClientOptions } from './types';

/** A client's options for a connection, over the browser's fetch: the key goes to this base URL only. */
export function clientOptions(connection: Connection, timeoutMs?: number): ServiceClientOptions {
  return { baseUrl: connection.baseUrl, apiKey: connection.apiKey, fetch: globalThis.fetch.bind(globalThis), timeoutMs };
}
