import type { ServiceAdapter } from '../../utils/services/adapter';
import { createCreemAdapter } from '../../utils/services/creem/adapter';
import { createDemoAdapter } from '../../utils/services/demo/adapter';
import { createDiddoAdapter } from '../../utils/services/diddo/adapter';
import type { ServiceId } from '../../utils/services/registry';
import { createShoppexAdapter } from '../../utils/services/shoppex/adapter';
import { createSmartcheckoutAdapter } from '../../utils/smartcheckout/adapter';

/** How the background talks to each checkout service: one adapter per registry entry. */
export function createAdapters(): Record<ServiceId, ServiceAdapter> {
  return {
    smartcheckout: createSmartcheckoutAdapter() as ServiceAdapter,
    shoppex: createShoppexAdapter() as ServiceAdapter,
    creem: createCreemAdapter() as ServiceAdapter,
    diddo: createDiddoAdapter() as ServiceAdapter,
    demo: createDemoAdapter() as ServiceAdapter,
  };
}
