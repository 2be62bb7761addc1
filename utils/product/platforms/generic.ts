import { collectLabelledTexts } from '../identifiers';
import { letters, NOT_NAME, renderedText } from '../name';
import { type LocaleHints, parsePriceText } from '../price';
import { REPORT_LIMITS } from '../reportLimits';
import { textOf } from './types';
import { indexPage, inSkippedArea, isHidden, MAX_CANDIDATES, type PageIndex, STRUCK_TAGS } from './pageIndex';
import { collectSelected, readSelectedIds, selectedOptions } from './genericOptions';
import { variantIdInUrl } from '../url';

/**
 * Classes and labels of a former or list price ("was", "UVP", "prima", "было", "原價"), struck or not: used only when
 * nothing else is shown. Words that also begin other words ("was" in "Waschmaschine", "prima" in "primary", "prev" in "preview") end there.
 */
const FORMER = /(?<![a-z])(?:old|was(?!\p{L})|regular|strike|crossed|line-through|list|compare|original|before|rrp|uvp|msrp|statt|vorher|avant|antes|reg\.|prev(?:ious)?(?!\p{L})|prima(?!\p{L})|prej(?:šnja)?(?!\p{L})|было|старая|原[價价]|定[價价]|建議售價|市[價价]|정가)/iu;
/** A "from" price ("From $29", "ab 19 €", "à partir de", "desde", "NT$990起"): not the price of a specific offer. */
const FROM = /(?<!\p{L})(?:from|ab|à partir de|a partir de|desde|da|od|от|starting at)\s*:?\s*\p{Sc}?\s*$/iu;
/** The same after the amount: "990起", "10,000원~". */
const FROM_AFTER = /\d\D{0,4}(?:起|[~～])\s*$/u;
/**
 * Classes, labels and texts of prices that are never the product's: instalments ("4 × 7,50 €", "/mo"), unit
 * prices ("/ kg"), savings, shipping thresholds.
 */
const NOT_PAID = /unit|per-|save|saving|sparen|discount|install?ment|financ|monthly|month|monat|mensu|cuotas|raten|klarna|afterpay|affirm|as low as|shipping|delivery|versand|livraison|envío|base-?price|grundpreis|\d\s*[x×]\s*\p{Sc}?\s*\d|\/\s*(?:mo|\d*\s*(?:kg|g|l|ml|m|m2|oz|lb|ea|each|stk|unit|piece|кг|г|л|м|шт))(?![a-z])/iu;
/**
 * Words of unit prices ("per metre", "pro kg", "je Stück", "al kg", "за 1 кг", "每公斤") and of fees ("recycling fee",
 * "Gebühr", "éco-participation"): amounts shown near the price that are not the product's.
 */
const UNIT_OR_FEE = /(?<!\p{L})(?:per|pro|je|par|al|za|за|le)\s+(?:\d+\s*)?(?:kg|g|gr|l|lt|ml|m|m2|m²|cm|mq|metre|meter|metro|mètre|litre|liter|litro|unit|piece|stück|stk|pezzo|pièce|кг|г|л|м|шт|100)(?!\p{L})|每(?:公斤|千克|公克|克|斤|100|米|公尺|升|毫升)|(?<!\p{L})(?:fee|fees|surcharge|deposit|pfand|ecotax|eco-?tax|[ée]co-?participation|[ée]co-?contribution|recycl|raee|contributo)|gebühr/iu;
/** Classes and labels of the price paid now. */
const CURRENT = /(?<![a-z])(?:sale|special|final|current|now|our.?price|offer|promo|deal|jetzt|nur|you pay)/i;

/** A price shown on the page; `current` when the page marks it as the price paid now. */
export interface VisiblePrice {
  price: string;
  currency: string | null;
  current: boolean;
}

export interface GenericProduct {
  name: string | null;
  /** Prices shown near the product title, the price paid now first (with the currency their text names). */
  visiblePrices: VisiblePrice[];
  /** Whether the page itself marks one of `visiblePrices` as paid now (a class or a word, not being alone). */
  marked: boolean;
  /** Every amount shown as paid in the areas around the heading (not only the nearest), for agreement with markup. */
  nearbyPrices: string[];
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
}

/** A price element near a heading, as the page shows it; the extension decides whether it is the price paid. */
export interface PriceFacts {
  /** The area (index into the heading's `scopes`) in which it was found first. */
  scope: number;
  text: string;
  /** The words just before it ("Was", "UVP", "Now"). */
  label: string;
  /** Its class, id and style as words, and those of its next three ancestors. */
  marks: string;
  ancestorMarks: string;
  /** Struck through (`del`, `s`, `strike`), itself or an ancestor of those. */
  struck: boolean;
  /** Its grandparent, as a number the same for prices side by side. */
  group: number;
}

/**
 * What the page shows around one heading: its rendered text, the areas searched for its price (ever wider
 * ancestors, then the whole page) and the price elements in them. `names` are the JSON-LD product names that
 * make this heading the product's.
 */
export interface HeadingFacts {
  names: (string | null)[];
  name: string | null;
  /** Each area: whether it is the page's body, and which of `GenericFacts.roots` is its main part. */
  scopes: { body: boolean; root: number }[];
  prices: PriceFacts[];
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
 * ("$<span>31</span><sup>57</sup>" → "$31.57"); hidden parts are left out.
 */
export function priceText(element: Element): string {
  let out = '';
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(), count = 0; node && count < 40; node = walker.nextNode(), count += 1) {
    const parent = node.parentElement!;
    // Hidden parts between the price element and the text (only those levels are looked at).
    let hidden = false;
    for (let up: Element | null = parent; up && up !== element && !hidden; up = up.parentElement) hidden = up.hasAttribute('hidden') || up.getAttribute('aria-hidden') === 'true' || /^(script|style)$/.test(up.localName);
    if (hidden) continue;
    const text = node.nodeValue ?? '';
    const minor = parent !== element && (parent.localName === 'sup' || /cent|decimal|fraction|minor/i.test(parent.getAttribute('class') ?? ''));
    out += minor && /^\s*\d{2}\s*$/.test(text) && /\d\s*$/.test(out) ? `.${text.trim()}` : text;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Class names as words: "priceOld" → "price Old", so marks are matched at the start of a word ("price_holder" has no "old"). */
const words = (element: Element) => `${element.getAttribute('class')} ${element.id} ${element.getAttribute('style')}`.replace(/([a-z])([A-Z])/g, '$1 $2');

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
      if (seen.has(element) || element.childElementCount > 12 || seen.size > 300) continue;
      seen.add(element);
      const text = priceText(element);
      if (text.length > 60 || inSkippedArea(index, element) || isHidden(element)) continue;
      let struck = false;
      let ancestorMarks = '';
      for (let node = element.parentElement, depth = 1; node && depth < 4; node = node.parentElement, depth += 1) ancestorMarks += ` ${words(node)}`;
      for (let node: Element | null = element, depth = 0; node && depth < 4; node = node.parentElement, depth += 1) struck ||= STRUCK_TAGS.has(node.localName);
      const group = element.parentElement?.parentElement ?? null;
      if (!groups.has(group)) groups.set(group, groups.size);
      prices.push({ scope: at, text, label: labelBefore(element), marks: words(element), ancestorMarks, struck, group: groups.get(group)! });
    }
  });
  return { scopes: scopes.map((scope) => ({ body: scope === doc.body, root: rootOf(scope) })), prices };
}

/** A price element read: its amount and whether the page marks it as former, "from" or paid now; null when not paid. */
function readPriceFacts({ text, label, marks: own, ancestorMarks, struck }: PriceFacts, hints: LocaleHints) {
  const marks = `${own} ${label}`;
  // Only its own text: the words before it may close the amount before ("12,90 € pro Meter").
  if (NOT_PAID.test(`${marks} ${text}`) || UNIT_OR_FEE.test(text)) return null;
  const parsed = parsePriceText(text, { ...hints, currencyText: label });
  if (!parsed) return null;
  // Words before the first digit ("Was $120", "原價 NT$1,280") label the amount as the label before it does.
  const lead = `${label} ${text.replace(/\d.*$/su, '')}`;
  const former = FORMER.test(lead) || struck || FORMER.test(own) || FORMER.test(ancestorMarks);
  const from = FROM.test(lead) || FROM_AFTER.test(text);
  return { ...parsed, former, from, current: !former && CURRENT.test(`${marks} ${text.slice(0, 12)}`) };
}

/**
 * The prices shown near the title, of the first area that shows one paid now: not instalments, unit prices, fees,
 * savings or shipping thresholds. Former prices (struck through, "was", "UVP") count only when nothing else is shown,
 * nor "from" prices beside a specific one; the price marked as paid now ("sale", "now") comes first. Also which area
 * the prices were found in, the paid prices of every area around the heading (what structured data may agree with),
 * and whether an area around the heading shows a price of zero or "free".
 */
function visiblePrices(heading: HeadingFacts, hints: LocaleHints) {
  // Read once for the areas around the heading (not the whole page: its prices only when no nearer area shows one).
  const read = heading.prices.map((facts) => (heading.scopes[facts.scope]?.body ? undefined : readPriceFacts(facts, hints)));
  let found: (VisiblePrice & { former: boolean; from: boolean; group: number })[] = [];
  let area = heading.scopes.length - 1;
  for (let at = 0; at < heading.scopes.length; at += 1) {
    heading.prices.forEach((facts, i) => {
      if (facts.scope !== at) return;
      const parsed = read[i] === undefined ? readPriceFacts(facts, hints) : read[i];
      if (parsed && +parsed.price > 0) found.push({ ...parsed, group: facts.group });
    });
    // A price shown struck elsewhere is a former price, also where a container repeats it ("Starting at $979.97").
    const struck = new Set(found.filter((p) => p.former).map((p) => p.price));
    const paid = found.filter((p) => !p.former && !struck.has(p.price));
    if (paid.length) {
      area = at;
      // A "from" price beside a specific one is the lowest of a list, not this offer's.
      const specific = paid.filter((p) => !p.from);
      found = specific.length ? specific : paid;
      break;
    }
  }
  if (heading.scopes[area]?.body && found.some((p) => !p.former)) found = found.filter((p) => !p.former);
  // The nearest price comes first, or the one beside it marked as paid now ("$64.95 Now $52.00"); a single
  // price shown with its currency is the current one.
  const beside = found.find((p) => p.current && p.group === found[0]?.group);
  const prices: VisiblePrice[] = (beside ? [beside, ...found.filter((p) => p !== beside)] : found).map(({ price, currency, current }) => ({ price, currency, current }));
  const marked = prices.some((p) => p.current);
  if (prices[0]?.currency && new Set(prices.map((p) => p.price)).size === 1) prices[0].current = true;
  const around = read.filter((p) => p && !p.former && !p.from);
  return {
    prices,
    area,
    // Only the page's own marks count as "current" when structured data and a price further out agree.
    marked,
    nearby: [...new Set(around.filter((p) => +p!.price > 0).map((p) => p!.price))],
    shownZero: around.find((p) => +p!.price === 0) ?? null,
  };
}

/**
 * What any product page shows, read in the page: the product's heading for each name JSON-LD may give it (the
 * heading is the one matching `references(name)`, what the sources call the product; usually one heading for
 * all), the price elements near that heading, the texts that may label identifiers, the selected options.
 */
export function collectGeneric(doc: Document, jsonLdNames: (string | null)[], references: (jsonLdName: string | null) => string[]): GenericFacts {
  const index = indexPage(doc);
  const selectedIds: string[] = [];
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
    selected: collectSelected(doc, index, selectedIds),
    selectedIds,
  };
}

/**
 * What any product page shows: its heading (the one for what JSON-LD calls the product), the price near it, the
 * selected options, an id in the URL.
 */
export function readGeneric(facts: GenericFacts, jsonLdName: string | null, url: URL, hints: LocaleHints): GenericProduct {
  const heading = facts.headings.find((h) => h.names.includes(jsonLdName)) ?? facts.headings[0];
  const { prices, area, marked, nearby, shownZero } = heading ? visiblePrices(heading, hints) : { prices: [], area: -1, marked: false, nearby: [], shownZero: null };
  const root = heading?.scopes[area]?.root;
  return {
    name: heading?.name ?? null,
    visiblePrices: prices,
    marked,
    nearbyPrices: nearby,
    shownZero,
    labelTexts: (root === undefined ? null : facts.roots[root]) ?? [],
    selected: selectedOptions(facts.selected),
    urlVariantId: variantIdInUrl(url),
    selectedIds: readSelectedIds(facts.selectedIds ?? []),
  };
}
