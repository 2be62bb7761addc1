/**
 * Bounds of what the detector reports from a page: the page keeps within them, and the extension rejects a report
 * that does not (`pageReportSchema`). Kept apart from the schema so the injected script carries no zod.
 */
export const REPORT_LIMITS = {
  /** Every text is cut to this length (the page's own address excepted). */
  text: 8000,
  /** The page's address, reported whole: a cut address would name another page. */
  pageUrl: 16_000,
  /** The whole report as JSON text; a longer one is not even parsed. */
  reportChars: 8_000_000,
  /** JSON-LD product nodes, and the values kept of them (each costs 8 plus the length of a text). */
  products: 1000,
  productBudget: 2_000_000,
  /** Items kept of any JSON-LD array, and how deep a product node is kept. */
  jsonLdArray: 500,
  jsonLdDepth: 10,
  /** Texts read for labelled identifiers in one part of the page, and their length. */
  labelTexts: 6000,
  labelText: 80,
  /** Headings the product may have, price elements read near one, and the areas searched around it. */
  headings: 20,
  prices: 400,
  scopes: 9,
  /** Option controls read for the selected variant. */
  options: 500,
};
