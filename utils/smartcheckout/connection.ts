import type { SmartcheckoutClient } from './client';
import { isSmartcheckoutError, type SmartcheckoutError } from './errors';

export type ConnectionResult =
  /** 404 for the made-up id: the key was accepted. */
  | { outcome: 'works' }
  /** The service returned a checkout for an id that cannot exist. */
  | { outcome: 'found' }
  | { outcome: 'failed'; error: Pick<SmartcheckoutError, 'kind' | 'status' | 'retryAfterMs' | 'serviceMessage'> | null };

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
