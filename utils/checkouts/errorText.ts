import { t } from '../i18n';
import type { ConnectionResult } from '../smartcheckout/connection';
import type { ServiceError } from './provider';

/** A service failure in the user's language; the service's own explanation is shown as it gave it. */
export function describeServiceError(error: ServiceError): string {
  const status = error.status ?? '';
  switch (error.kind) {
    case 'auth':
      return t('errorAuth');
    case 'not_found':
      return t('errorNotFound');
    case 'rate_limited':
      return t('errorRateLimited');
    case 'validation':
      return error.serviceMessage ? t('errorValidationSaid', error.serviceMessage) : t('errorValidation', status);
    case 'server':
      return t('errorServer', status);
    case 'network':
      return t('errorNetwork');
    case 'timeout':
      return t('errorTimeout');
    case 'unexpected_response':
      return t('errorUnexpected');
    case 'http':
      return t('errorHttp', status);
  }
}

/** What "Test connection" found, in words; `ok` when the key was accepted. */
export function describeConnection(result: ConnectionResult): { ok: boolean; message: string } {
  if (result.outcome === 'works') return { ok: true, message: t('connectionWorks') };
  if (result.outcome === 'found') return { ok: false, message: t('connectionFound') };
  if (!result.error) return { ok: false, message: t('connectionError') };
  if (result.error.kind === 'auth') return { ok: false, message: t('connectionRejected', result.error.status ?? '') };
  return { ok: false, message: t('connectionProblem', describeServiceError(result.error)) };
}
