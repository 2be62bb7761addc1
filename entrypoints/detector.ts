import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { collectReport, reportJson } from '../utils/product/collect';

// Injected on demand (activeTab + scripting) when the user acts; never registered on pages. An unlisted
// script rather than a content script: it needs no extension API, so it carries no browser polyfill.
// It only collects what the page states; the extension (`detectInTab`) checks the report and decides what the
// product is, so the parsers and their tables stay out of the page. The report travels as JSON text:
// executeScript's own serialisation does not keep key order, and the order of variant options ("Size M, Color
// Blue") is what the shopper saw.
export default defineUnlistedScript(() => reportJson(collectReport(document, location.href)));
