import { LINK_POLL, type ServiceDescriptor } from '../service';

export const diddoService: ServiceDescriptor = {
  id: 'diddo',
  name: 'Diddo',
  kind: 'link',
  // The API host is not published: the user enters it.
  defaultBaseUrl: () => null,
  // Keys carry a mode (test or live); shown when the key names it.
  keyMode: (key) => (/(^|_)test(_|$)/i.test(key) ? 'test' : /(^|_)live(_|$)/i.test(key) ? 'live' : null),
  checkoutPageUrl: 'https://checkout.shopdiddo.com',
  endsAtExpiry: true,
  poll: LINK_POLL,
};
