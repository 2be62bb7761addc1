import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractProduct } from '../utils/product/extract';

// Injected on demand (activeTab + scripting) when the user acts; never registered on pages.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main: () => extractProduct(document, location.href),
});
