import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { checkoutLinkCandidates } from '../utils/product/checkoutLinks';
import { extractProduct } from '../utils/product/extract';

// Injected on demand (activeTab + scripting) when the user acts; never registered on pages. An unlisted
// script rather than a content script: it needs no extension API, so it carries no browser polyfill.
// The result travels as JSON text: executeScript's own serialisation does not keep key order, and the
// order of variant options ("Size M, Color Blue") is what the shopper saw. Which checkout links the
// candidate URLs name is decided by the extension (`detectInTab`), not in the page.
export default defineUnlistedScript(() =>
  JSON.stringify({ ...extractProduct(document, location.href), checkoutLinkCandidates: checkoutLinkCandidates(document, location.href) }),
);
