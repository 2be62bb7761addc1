import { LINK_POLL, type ServiceDescriptor } from '../service';
import { modeOfDiddoKey } from './key';

export const diddoService: ServiceDescriptor = {
  id: 'diddo',
  name: 'Diddo',
  kind: 'link',
  // The API host is not published: the user enters it.
  defaultBaseUrl: () => null,
  // Keys carry a mode (test or live); shown when the key says which.
  keyMode: modeOfDiddoKey,
  checkoutPageUrl: 'https://checkout.shopdiddo.com',
  endsAtExpiry: true,
  poll: LINK_POLL,
};
