import type { SmartcheckoutClient } from './client';
import type { ConnectionTest } from '../adapter';
import { isSmartcheckoutError } from './errors';

export type ConnectionResult = ConnectionTest;

/**
 * Checks a base URL and key without buying anything: a GET of a made-up checkout id. 404 means the key
 * was accepted; 401/403 means it was rejected; anything else is reported as it is.
 */
export async function testConnection(client: SmartcheckoutClient, madeUpId: string): Promise<ConnectionResult> {
  try {
    await client.getCheckout(madeUpId);
    return { outcome: 'found' };
  } catch (error) {
    if (!isSmartcheckoutError(error)) return { outcome: 'failed', error: null };
    if (error.kind === 'not_found') return { outcome: 'works' };
    const { kind, status, retryAfterMs, serviceMessage } = error;
    return { outcome: 'failed', error: { kind, status, retryAfterMs, serviceMessage } };
  }
}
