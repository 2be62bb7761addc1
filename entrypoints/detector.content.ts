import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractProduct } from '../utils/product/extract';

// Injected on demand (activeTab + scripting) when the user acts; never registered on pages.
// The result travels as JSON text: executeScript's own serialisation does not keep key order, and the
// order of variant options ("Size M, Color Blue") is what the shopper saw.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: () => JSON.stringify(extractProduct(document, location.href)),
});
