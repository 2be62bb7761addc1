/** The generic reader's index of the page: price and swatch candidates and areas to skip, found in one pass. */

/** At most this many candidates of one kind (prices, swatches) are looked at. */
export const MAX_CANDIDATES = 400;
/** At most this many elements are indexed: a size budget for giant pages (ancestors come first, so areas stay known). */
const MAX_INDEXED = 60_000;
const PRICE_MARK = /price/i;
const SWATCH_MARK = /selected|current|active/i;

/** Areas that describe other products or the site: header, nav, footer, related products, carousels. */
const SKIP_TAGS = new Set(['header', 'nav', 'footer']);
const SKIP_CLASS = /recommend|related|carousel|upsell|cross-?sell|also-|similar-|mini-?cart|cart-(?:drawer|flyout|popup|dropdown)|slick-track|swiper-wrapper/i;
export const STRUCK_TAGS = new Set(['del', 's', 'strike']);
/** Any of the marks above, for one cheap test per element. */
const ANY_MARK = /* @__PURE__ */ (() => new RegExp(`${PRICE_MARK.source}|${SWATCH_MARK.source}|${SKIP_CLASS.source}`, 'i'))();

/**
 * The elements the generic reader looks at, found in one pass over the page. Chromium matches case-insensitive
 * substring selectors (`[class*="price" i]`) slowly, element by element and selector by selector; one loop
 * with a regular expression per attribute is several times faster on large pages.
 */
export interface PageIndex {
  /** Class or id naming a price, `itemprop="price"`, or `data-price`; in document order. */
  prices: Element[];
  /** Pressed, checked or selected controls, or a class naming selected/current/active; in document order. */
  swatches: Element[];
  /** Roots of areas about other products or the site. */
  skipRoots: Set<Element>;
}

/** In document order; `a` and `b` are each in document order already. */
function mergeInOrder(a: Element[], b: Element[]): Element[] {
  if (!a.length || !b.length) return a.length ? a : b;
  const merged = [...new Set([...a, ...b])];
  return merged.sort((x, y) => (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** Finds, in one pass, the elements the generic reader looks at. */
export function indexPage(doc: Document): PageIndex {
  const index: PageIndex = { prices: [], swatches: [], skipRoots: new Set() };
  // Presence and exact-value selectors are fast; only the substring tests on class and id run here.
  const marked = doc.querySelectorAll('header, nav, footer, [class], [id]');
  const count = Math.min(marked.length, MAX_INDEXED);
  for (let i = 0; i < count; i += 1) {
    const element = marked[i]!;
    const classes = element.getAttribute('class') ?? '';
    const id = element.getAttribute('id') ?? '';
    // One cheap test first: most elements carry none of the marks.
    if (!SKIP_TAGS.has(element.localName) && !ANY_MARK.test(classes) && !ANY_MARK.test(id)) continue;
    if (SKIP_TAGS.has(element.localName) || SKIP_CLASS.test(classes) || /related/i.test(id)) index.skipRoots.add(element);
    if (PRICE_MARK.test(classes) || PRICE_MARK.test(id)) index.prices.push(element);
    if (SWATCH_MARK.test(classes)) index.swatches.push(element);
  }
  const limit = (list: NodeListOf<Element>) => [...list].slice(0, MAX_INDEXED);
  index.prices = mergeInOrder(index.prices, limit(doc.querySelectorAll('[itemprop="price"], [data-price]')));
  index.swatches = mergeInOrder(index.swatches, limit(doc.querySelectorAll('[aria-checked="true"], [aria-pressed="true"], [aria-selected="true"]')));
  return index;
}

/** True when `element` (or an ancestor) is an area about other products or the site, or a struck-out price. */
export function inSkippedArea(index: PageIndex, element: Element, struck = false): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (index.skipRoots.has(node) || (struck && STRUCK_TAGS.has(node.localName))) return true;
  }
  return false;
}

/** True when the page hides `element` (or an ancestor). */
export function isHidden(element: Element): boolean {
  const html = element as HTMLElement;
  return html.hidden || element.closest('[hidden], [aria-hidden="true"]') !== null || html.style?.display === 'none';
}
