import { collectLabelledTexts } from '../identifiers';
import { letters, NOT_NAME, renderedText } from '../name';
import { type LocaleHints, parsePriceText } from '../price';
import { REPORT_LIMITS } from '../reportLimits';
import { textOf } from './types';
import { indexPage, inSkippedArea, isHidden, MAX_CANDIDATES, type PageIndex, STRUCK_TAGS } from './pageIndex';
import { collectSelected, readSelectedIds, selectedOptions } from './genericOptions';
import { labelledPrices, statedAmount } from './statedPrices';
import { FORMER, type HeadingFacts, type PriceFacts, type VisiblePrice, visiblePrices } from './visiblePrices';
import { variantIdInUrl } from '../url';

export type { HeadingFacts, PriceFacts, VisiblePrice } from './visiblePrices';

export interface GenericProduct {
  name: string | null;
  /** Prices shown near the product title, the price paid now first (with the currency their text names). */
  visiblePrices: VisiblePrice[];
  /** Whether the page itself marks one of `visiblePrices` as paid now (a class or a word, not being alone). */
  marked: boolean;
  /** Every amount shown as paid in the areas around the heading (not only the nearest), for agreement with markup. */
  nearbyPrices: string[];
  /** "From" prices shown around the heading ("From $29", "NT$990起"): the lower bound of a list, no offer's own price. */
  fromPrices: string[];
  /** A price of zero or "free" shown around the heading: the one case a zero price is read. */
  shownZero: { price: string; currency: string | null } | null;
  /** Texts of the product's part of the page (the main area around its heading and price) that may label identifiers. */
  labelTexts: string[];
  /** Options the shopper has selected, read from selects, radios and pressed or checked swatches. */
  selected: Record<string, string>;
  /** A variant identifier carried by the URL (`?variant=`, `?v1=`, `dwvar_…`, `colorId`, …). */
  urlVariantId: string | null;
  /** Variant ids the selected option controls state (`data-variant-id`, `data-sku`…). */
  selectedIds: string[];
  /** The price the selected option states (`data-price`), read with the page's locale. */
  selectedPrice: { price: string; currency: string | null } | null;
}

/** What any product page shows, as the page reads it; `readGeneric` decides. */
export interface GenericFacts {
  headings: HeadingFacts[];
  /** The texts that may label identifiers, of each main part of the page an area belongs to. */
  roots: string[][];
  /** Selected options as [option name, value] in page order, before their names and values are checked. */
  selected: [string, string | null][];
  /** Variant ids the selected controls state (`data-variant-id`, `data-sku`…), as written. */
  selectedIds?: string[];
  /** Prices the selected controls state (`data-price`), as written, the control marked by its state first. */
  selectedPrices?: string[];
}


/**
 * The product's heading: of the visible `h1`s (not screen-reader texts), the one sharing the most text with what
 * other sources call the product (structured name, Open Graph, page title); else the first outside menus and carousels.
 */
function mainHeading(doc: Document, index: PageIndex, references: string[]): Element | null {
  const headings = [...doc.getElementsByTagName('h1')].slice(0, 20).filter((h) => textOf(h) && !isHidden(h) && !NOT_NAME.test(h.getAttribute('class') ?? ''));
  const keys = references.map(letters).filter(Boolean);
  let best: Element | null = null;
  let bestScore = 0;
  for (const heading of headings) {
    const h = letters(textOf(heading)!);
    const score = Math.max(0, ...keys.map((k) => (k.includes(h) || h.includes(k) ? Math.min(h.length, k.length) : 0)));
    if (score > bestScore) [best, bestScore] = [heading, score];
  }
  return best ?? headings.find((h) => !inSkippedArea(index, h)) ?? headings[0] ?? null;
}

/**
 * A price element's text as shown: cents set apart in `<sup>` or a "cents" element get their decimal mark back
 * ("$<span>31</span><sup>57</sup>" → "$31.57"); hidden parts are left out. Parts marked as a former price (struck, or a
 * class such as "old" or "redna-cena") inside a block that also shows another amount go to `former` instead.
 */
export function priceText(element: Element, former?: string[], detect = false): string {
  let out = '';
  let old = '';
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(), count = 0; node && count < 40; node = walker.nextNode(), count += 1) {
    const parent = node.parentElement!;
    // Hidden or former parts between the price element and the text (only those levels are looked at).
    let hidden = false;
    let struck = false;
    for (let up: Element | null = parent; up && up !== element && !hidden; up = up.parentElement) {
      hidden = up.hasAttribute('hidden') || up.getAttribute('aria-hidden') === 'true' || /^(script|style)$/.test(up.localName);
      struck ||= detect && isFormer(up);
    }
    if (hidden) continue;
    const text = node.nodeValue ?? '';
    const minor = parent !== element && (parent.localName === 'sup' || /cent|decimal|fraction|minor/i.test(parent.getAttribute('class') ?? ''));
    const value = minor && /^\s*\d{2}\s*$/.test(text) && /\d\s*$/.test(struck ? old : out) ? `.${text.trim()}` : text;
    if (struck) old += value;
    else out += value;
  }
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
  // Former parts are looked for only where the text shows two amounts (a cost on pages with hundreds of prices).
  if (former && !detect && element.childElementCount && TWO_AMOUNTS.test(out)) return priceText(element, former, true);
  // A former amount beside nothing else is the block's only price.
  if (!/\d/.test(out)) return clean(old + out);
  if (/\d/.test(old)) former?.push(clean(old));
  return clean(out);
}

/** Elements already tested for a former price's marks: price blocks on a page share most of their ancestors. */
const formerMarks = new WeakMap<Element, boolean>();
function isFormer(element: Element): boolean {
  let marked = formerMarks.get(element);
  if (marked === undefined) formerMarks.set(element, (marked = STRUCK_TAGS.has(element.localName) || FORMER.test(words(element))));
  return marked;
}

/** Two amounts in one text: digits apart by more than separators ("45 000 ₸ 39 990 ₸", not "1 299,00"). */
const TWO_AMOUNTS = /\d[\d.,'\s]*[^\d.,'\s][^\d]*\d/;

/**
 * Class names as words: "priceOld" → "price Old", so marks are matched at the start of a word ("price_holder" has no
 * "old"); an element selected by its state (`aria-selected`, `aria-checked`) says "selected-state".
 */
const words = (element: Element) =>
  `${element.getAttribute('class')} ${element.id} ${element.getAttribute('style')}${/true/.test(`${element.getAttribute('aria-selected')}${element.getAttribute('aria-checked')}`) ? ' selected-state' : ''}`.replace(/([a-z])([A-Z])/g, '$1 $2');

/** The words just before `element` ("Was", "UVP", "Now"), from its preceding siblings, after any number there. */
function labelBefore(element: Element): string {
  let text = '';
  // Only text and small elements: the text of a large sibling would cost as much as the whole page.
  for (let node = element.previousSibling; node && text.length < 30 && !(node as Element).childElementCount; node = node.previousSibling) text = node.textContent + text;
  return text.slice(-30).replace(/^.*\d/s, '');
}

/**
 * Price elements near the title, searched in ever wider ancestors of the heading (or of the buy button), then in the
 * whole page: not hidden, not in carts or carousels, short enough to be one price. The extension decides which of
 * them are paid, and in which area the search stops (`visiblePrices`).
 */
function collectPrices(doc: Document, index: PageIndex, heading: Element | null, rootOf: (scope: Element) => number): Pick<HeadingFacts, 'scopes' | 'prices'> {
  const seen = new Set<Element>();
  const groups = new Map<Element | null, number>([[null, -1]]);
  const prices: PriceFacts[] = [];
  const anchor = heading ?? doc.querySelector('form[action*="cart" i] button, button[name="add-to-cart"]');
  const scopes: Element[] = [];
  for (let node = anchor?.parentElement, depth = 0; node && depth < 7; node = node.parentElement, depth += 1) scopes.push(node);
  scopes.push(doc.body);
  scopes.forEach((scope, at) => {
    for (const element of index.prices.filter((e) => e !== scope && scope.contains(e)).slice(0, MAX_CANDIDATES)) {
      // Containers of many elements are not one price; a budget bounds the work on pages with thousands of prices.
      if (seen.has(element) || element.childElementCount > 12 || seen.size > 300 || prices.length >= REPORT_LIMITS.prices) continue;
      seen.add(element);
      const former: string[] = [];
      const shown = priceText(element, former);
      // An element showing no amount may state one in an attribute.
      const amount = /\d/.test(shown) ? null : statedAmount(element);
      const text = amount ?? shown;
      if (text.length > 60 || inSkippedArea(index, element) || (!amount && isHidden(element))) continue;
      let struck = false;
      let ancestorMarks = '';
      for (let node = element.parentElement, depth = 1; node && depth < 4; node = node.parentElement, depth += 1) ancestorMarks += ` ${words(node)}`;
      for (let node: Element | null = element, depth = 0; node && depth < 4; node = node.parentElement, depth += 1) struck ||= STRUCK_TAGS.has(node.localName);
      const group = element.parentElement?.parentElement ?? null;
      if (!groups.has(group)) groups.set(group, groups.size);
      const facts = { scope: at, label: labelBefore(element), marks: words(element), ancestorMarks, group: groups.get(group)! };
      prices.push({ ...facts, text, struck, ...(amount ? { stated: true } : {}) });
      // The former amount of a block showing two ("45 000 ₸ 39 990 ₸", the first marked old) is known as one.
      if (former[0] && former[0].length <= 60 && prices.length < REPORT_LIMITS.prices) prices.push({ ...facts, text: former[0], struck: true });
    }
  });
  // Label and value pairs in the area five levels around the heading (or the page when nothing anchors the search),
  // each in the nearest area holding it; looked for only where no price element around the heading shows an amount.
  const amountShown = prices.some((p) => !p.stated && p.scope < scopes.length - 1 && /\d/.test(p.text));
  for (const { element, text, label } of amountShown ? [] : labelledPrices(scopes[Math.min(4, scopes.length - 2)] ?? doc.body, index)) {
    const at = scopes.findIndex((scope) => scope.contains(element));
    if (prices.length < REPORT_LIMITS.prices) prices.push({ scope: at, text, label, marks: '', ancestorMarks: '', struck: false, group: -1, stated: true });
  }
  return { scopes: scopes.map((scope) => ({ body: scope === doc.body, root: rootOf(scope) })), prices };
}

/**
 * What any product page shows, read in the page: the product's heading for each name JSON-LD may give it (the
 * heading is the one matching `references(name)`, what the sources call the product; usually one heading for
 * all), the price elements near that heading, the texts that may label identifiers, the selected options.
 */
export function collectGeneric(doc: Document, jsonLdNames: (string | null)[], references: (jsonLdName: string | null) => string[]): GenericFacts {
  const index = indexPage(doc);
  const selectedIds: string[] = [];
  const selectedPrices: string[] = [];
  const roots: Element[] = [];
  const rootOf = (scope: Element) => {
    const root = scope.closest('main, [role="main"]') ?? doc.body;
    if (!roots.includes(root)) roots.push(root);
    return roots.indexOf(root);
  };
  const headings = new Map<Element | null, (string | null)[]>();
  for (const name of jsonLdNames) {
    const heading = mainHeading(doc, index, references(name));
    headings.set(heading, [...(headings.get(heading) ?? []), name]);
  }
  return {
    headings: [...headings].map(([heading, names]) => ({ names, name: renderedText(heading), ...collectPrices(doc, index, heading, rootOf) })),
    roots: roots.map(collectLabelledTexts),
    selected: collectSelected(doc, index, selectedIds, selectedPrices),
    selectedIds,
    selectedPrices,
  };
}

/**
 * What any product page shows: its heading (the one for what JSON-LD calls the product), the price near it, the
 * selected options, an id in the URL.
 */
export function readGeneric(facts: GenericFacts, jsonLdName: string | null, url: URL, hints: LocaleHints): GenericProduct {
  const heading = facts.headings.find((h) => h.names.includes(jsonLdName)) ?? facts.headings[0];
  const { prices, area, marked, nearby, from, shownZero } = heading ? visiblePrices(heading, hints) : { prices: [], area: -1, marked: false, nearby: [], from: [], shownZero: null };
  const root = heading?.scopes[area]?.root;
  return {
    name: heading?.name ?? null,
    visiblePrices: prices,
    marked,
    nearbyPrices: nearby,
    fromPrices: from,
    shownZero,
    labelTexts: (root === undefined ? null : facts.roots[root]) ?? [],
    selected: selectedOptions(facts.selected),
    urlVariantId: variantIdInUrl(url),
    selectedIds: readSelectedIds(facts.selectedIds ?? []),
    selectedPrice: facts.selectedPrices?.map((text) => parsePriceText(text, hints)).find((p) => p && +p.price > 0) ?? null,
  };
}
