import { type ComponentType, lazy } from 'react';
import type { ServiceId } from '../../utils/services/registry';
import type { OrderPanelProps } from './orderPanel';

/**
 * The popup's part for each checkout-link service: what it needs beyond the page's product (an amount, one of the
 * store's products, a cart and its shipping). Loaded only when that service is chosen.
 */
export const ORDER_PANELS: Partial<Record<ServiceId, { Panel: ComponentType<OrderPanelProps>; quantity: boolean }>> = {
  shoppex: { Panel: lazy(() => import('./ShoppexOrder')), quantity: true },
  creem: { Panel: lazy(() => import('./CreemOrder')), quantity: true },
  // A Diddo cart holds its own quantities.
  diddo: { Panel: lazy(() => import('./DiddoOrder')), quantity: false },
};
