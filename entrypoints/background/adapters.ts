import type { ServiceAdapter } from '../../utils/services/adapter';
import { createCreemAdapter } from '../../utils/services/creem/adapter';
import type { CreemOrder } from '../../utils/services/creem/order';
import { createDemoAdapter } from '../../utils/services/demo/adapter';
import { createDiddoAdapter } from '../../utils/services/diddo/adapter';
import type { DiddoOrder } from '../../utils/services/diddo/order';
import type { ServiceId } from '../../utils/services/registry';
import { createShoppexAdapter } from '../../utils/services/shoppex/adapter';
import type { ShoppexOrder } from '../../utils/services/shoppex/order';
import { createSmartcheckoutAdapter } from '../../utils/services/smartcheckout/adapter';

/** A service whose start request carries no order of its own. */
type NoOrder = Record<string, never>;

/** The order each service reads; a new service cannot be added to the registry without naming its order here. */
interface ServiceOrders {
  smartcheckout: NoOrder;
  shoppex: ShoppexOrder;
  creem: CreemOrder;
  diddo: DiddoOrder;
  demo: NoOrder;
}

/** One adapter per service, each checked against its own service's order (no entry can hold another's adapter). */
type AdapterTable = { [S in ServiceId]: ServiceAdapter<ServiceOrders[S]> };

/** How the background talks to each checkout service: one adapter per registry entry. */
export function createAdapters(): Record<ServiceId, ServiceAdapter> {
  const adapters: AdapterTable = {
    smartcheckout: createSmartcheckoutAdapter(),
    shoppex: createShoppexAdapter(),
    creem: createCreemAdapter(),
    diddo: createDiddoAdapter(),
    demo: createDemoAdapter(),
  };
  return adapters;
}
