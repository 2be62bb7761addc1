import { LINK_POLL, type ServiceDescriptor } from '../service';

const isTestKey = (key: string) => key.startsWith('creem_test_');

export const creemService: ServiceDescriptor = {
  id: 'creem',
  name: 'Creem',
  kind: 'link',
  // Keys only work in their own environment: a test key talks to the test API.
  defaultBaseUrl: (key) => (isTestKey(key) ? 'https://test-api.creem.io' : 'https://api.creem.io'),
  keyMode: (key) => (!key ? null : isTestKey(key) ? 'test' : 'live'),
  checkoutPageUrl: null,
  endsAtExpiry: false,
  poll: LINK_POLL,
};
