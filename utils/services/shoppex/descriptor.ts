import { LINK_POLL, type ServiceDescriptor } from '../service';

export const shoppexService: ServiceDescriptor = {
  id: 'shoppex',
  name: 'Shoppex',
  kind: 'link',
  defaultBaseUrl: () => 'https://api.shoppex.io/dev/v1',
  keyMode: () => null,
  checkoutPageUrl: null,
  endsAtExpiry: false,
  poll: LINK_POLL,
};
