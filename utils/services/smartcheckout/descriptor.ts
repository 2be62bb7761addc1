import { AGENT_POLL, type ServiceDescriptor } from '../service';

export const smartcheckoutService: ServiceDescriptor = {
  id: 'smartcheckout',
  name: 'Smartcheckout',
  kind: 'agent',
  defaultBaseUrl: () => 'https://api.smartcheckout.dev',
  keyMode: () => null,
  checkoutPageUrl: null,
  endsAtExpiry: false,
  poll: AGENT_POLL,
};
