import type { ServiceAdapter } from '../../utils/services/adapter';
import type { ServiceId } from '../../utils/services/registry';
import { createSmartcheckoutAdapter } from '../../utils/smartcheckout/adapter';

/** How the background talks to each checkout service: one adapter per registry entry. */
export function createAdapters(): Record<ServiceId, ServiceAdapter> {
  const smartcheckout = createSmartcheckoutAdapter() as ServiceAdapter;
  return { smartcheckout, shoppex: smartcheckout, creem: smartcheckout, diddo: smartcheckout };
}
