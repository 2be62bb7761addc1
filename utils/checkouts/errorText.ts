import { t } from '../shared/i18n';
import type { ConnectionTest } from '../services/adapter';
import type { ServiceError } from './provider';

/** A service failure in the user's language; the service's own explanation is shown as it gave it. */
export function describeServiceError(error: ServiceError, service: string): string {
  const status = error.status ?? '';
  // Reasons found before anything was sent, by the extension itself.
  if (error.code === 'TOTAL_CHANGED') return t('errorTotalChanged', service, error.serviceMessage ?? '');
  if (error.code === 'PROFILE_INCOMPLETE') return t('errorProfileIncomplete', service);
  switch (error.kind) {
    case 'auth':
      return t('errorAuth', service);
    case 'not_found':
      return t('errorNotFound', service);
    case 'rate_limited':
      return t('errorRateLimited', service);
    case 'validation':
      return error.serviceMessage ? t('errorValidationSaid', service, error.serviceMessage) : t('errorValidation', service, status);
    case 'server':
      return t('errorServer', service, status);
    case 'network':
      return t('errorNetwork', service);
    case 'timeout':
      return t('errorTimeout', service);
    case 'unexpected_response':
      return t('errorUnexpected', service);
    case 'conflict':
      return error.serviceMessage ? t('errorConflictSaid', service, error.serviceMessage) : t('errorConflict', service, status);
    case 'http':
      return t('errorHttp', service, status);
  }
}

/** What "Test connection" found, in words; `ok` when the key was accepted. */
export function describeConnection(result: ConnectionTest, service: string): { ok: boolean; message: string } {
  if (result.outcome === 'works') {
    const facts = [
      result.gateways ? (result.gateways.length ? t('connectionGateways', result.gateways.join(', ')) : t('connectionNoGateways')) : null,
      result.products !== undefined ? t('connectionProducts', result.products) : null,
    ].filter(Boolean);
    return { ok: true, message: [t('connectionWorks'), ...facts].join(' ') };
  }
  if (result.outcome === 'found') return { ok: false, message: t('connectionFound') };
  if (!result.error) return { ok: false, message: t('connectionError') };
  if (result.error.kind === 'auth') return { ok: false, message: t('connectionRejected', result.error.status ?? '') };
  return { ok: false, message: t('connectionProblem', describeServiceError(result.error, service)) };
}
