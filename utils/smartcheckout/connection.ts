import type { SmartcheckoutClient } from './client';
import { isSmartcheckoutError } from './errors';

export type ConnectionResult = { ok: boolean; message: string };

/**
 * Checks a base URL and key without buying anything: a GET of a made-up checkout id. 404 means the key
 * was accepted; 401/403 means it was rejected; anything else is reported as it is.
 */
export async function testConnection(client: SmartcheckoutClient, madeUpId: string): Promise<ConnectionResult> {
  try {
    await client.getCheckout(madeUpId);
    return { ok: false, message: 'Unexpected answer: the service returned a checkout for a made-up id.' };
  } catch (error) {
    if (!isSmartcheckoutError(error)) return { ok: false, message: 'Unexpected error while testing the connection.' };
    if (error.kind === 'not_found') return { ok: true, message: 'Connection works: the API key was accepted.' };
    if (error.kind === 'auth') return { ok: false, message: `API key rejected (HTTP ${error.status}).` };
    return { ok: false, message: `Connection problem: ${error.message}${error.status && !error.message.includes(String(error.status)) ? ` (HTTP ${error.status})` : ''}` };
  }
}
