import { LINK_POLL, type ServiceDescriptor } from '../service';
import { baseUrlForKey, modeOfKey } from './key';


export const creemService: ServiceDescriptor = {
  id: 'creem',
  name: 'Creem',
  kind: 'link',
  // Keys only work in their own environment: a test key talks to the test API.
  defaultBaseUrl: baseUrlForKey,
  keyMode: (key) => (key ? modeOfKey(key) : null),
  checkoutPageUrl: null,
  endsAtExpiry: false,
  poll: LINK_POLL,
};
