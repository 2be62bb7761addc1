import { setOption } from '../pageText';
import { type LocaleHints, parsePriceText } from '../price';
import { textOf, labelFor } from './types';
import { paramsOf } from '../url';

const MAX_CANDIDATES = 400;
const PLACEHOLDER = /^(choose|select|pick|choisi|sélection|wähle|bitte|elige|selecciona|scegli|kies|—|-|\s*$)/i;
const OPTION_HINT = /(colou?r|couleur|farbe|kleur|color|size|taille|gr(ö|oe)(ß|ss)e|talla|maat|tamanho|taglia|izm|storlek|swatch|variant|dimension|style|finish|upholstery)/i;
const NOT_CURRENT_PRICE = /(old|was|regular|strike|list|compare|original|before|unit|per-|rrp|uvp|msrp|save|saving|discount)/i;
/** At most this many elements are indexed: a size budget for giant pages (ancestors come first, so areas stay known). */
const MAX_INDEXED = 60_000;
const PRICE_MARK = /price/i;
const SWATCH_MARK = /selected|current|active/i;
/** Areas that describe other products or the site: header, nav, footer, related products, carousels. */
const SKIP_TAGS = new Set(['header', 'nav', 'footer']);
const SKIP_CLASS = /recommend|related|carousel/i;
const STRUCK_TAGS = new Set(['del', 's', 'strike']);

export interface GenericProduct {
  name: string | null;
  /** Prices shown near the product title, nearest first (with the currency their text names). */
  visiblePrices: { price: string; currency: string | null }[];
  /** Options the shopper has selected, read from selects, radios and pressed or checked swatches. */
  selected: Record<string, string>;
  /** A variant identifier carried by the URL (`?variant=`, `?v1=`, `dwvar_…`, `colorId`, …). */
  urlVariantId: string | null;
}

/**
 * The elements the generic reader looks at, found in one pass over the page. Chromium matches case-insensitive
 * substring selectors (`[class*="price" i]`) slowly, element by element and selector by selector; one loop
 * with a regular expression per attribute is several times faster on large pages.
 */
interface PageIndex {
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

function indexPage(doc: Document): PageIndex {
  const index: PageIndex = { prices: [], swatches: [], skipRoots: new Set() };
  // Presence and exact-value selectors are fast; only the substring tests on class and id run here.
  const marked = doc.querySelectorAll('header, nav, footer, [class], [id]');
  const count = Math.min(marked.length, MAX_INDEXED);
  for (let i = 0; i < count; i += 1) {
    const element = marked[i]!;
    const classes = element.getAttribute('class') ?? '';
    const id = element.getAttribute('id') ?? '';
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
function inSkippedArea(index: PageIndex, element: Element, struck = false): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (index.skipRoots.has(node) || (struck && STRUCK_TAGS.has(node.localName))) return true;
  }
  return false;
}

function isHidden(element: Element): boolean {
  const html = element as HTMLElement;
  return html.hidden || element.closest('[hidden], [aria-hidden="true"]') !== null || html.style?.display === 'none';
}

function mainHeading(doc: Document): Element | null {
  return [...doc.querySelectorAll('h1')].find((h) => textOf(h) && !isHidden(h)) ?? null;
}

const HIDDEN_TEXT = '[hidden], [aria-hidden="true"], .sr-only, .visually-hidden, .screen-reader-text, script, style, template';

/** An element's text with a space between elements ("<span>PELARBOJ</span><span>LED lamp</span>"), hidden parts left out. */
export function spacedText(element: Element | null): string | null {
  if (!element) return null;
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && parts.length < 200; node = walker.nextNode()) {
    if (node.parentElement?.closest(HIDDEN_TEXT)) continue;
    parts.push(node.textContent ?? '');
  }
  return parts.join(' ').replace(/\s+/g, ' ').replace(/\s+([,.:;!?])/g, '$1').trim() || null;
}

/** Price elements near the title: searched in ever wider ancestors of the heading. */
function visiblePrices(doc: Document, index: PageIndex, heading: Element | null, hints: LocaleHints): GenericProduct['visiblePrices'] {
  const seen = new Set<Element>();
  const found: GenericProduct['visiblePrices'] = [];
  const scopes: Element[] = [];
  for (let node = heading?.parentElement ?? null, depth = 0; node && depth < 7; node = node.parentElement, depth += 1) scopes.push(node);
  scopes.push(doc.body ?? doc.documentElement);
  for (const scope of scopes) {
    const candidates = index.prices.filter((element) => element !== scope && scope.contains(element)).slice(0, MAX_CANDIDATES);
    for (const element of candidates) {
      if (seen.has(element)) continue;
      seen.add(element);
      const marker = `${element.getAttribute('class') ?? ''} ${element.id}`;
      if (NOT_CURRENT_PRICE.test(marker) || inSkippedArea(index, element, true) || isHidden(element)) continue;
      const text = textOf(element);
      if (!text || text.length > 40 || !/\d/.test(text)) continue;
      const parsed = parsePriceText(text, hints);
      if (parsed && Number(parsed.price) > 0) found.push(parsed);
    }
    if (found.length) break;
  }
  return found;
}

function labelOf(doc: Document, control: Element): string | null {
  const id = control.getAttribute('id');
  const label =
    (id ? textOf(labelFor(doc, id)) : null) ??
    control.getAttribute('aria-label') ??
    textOf(control.closest('fieldset')?.querySelector('legend')) ??
    control.getAttribute('name');
  return label?.replace(/[:*]/g, '').replace(/\s+/g, ' ').trim() || null;
}

function optionName(raw: string): string {
  if (/colou?r|couleur|farbe|kleur|color/i.test(raw)) return 'Color';
  if (/size|taille|gr(ö|oe)(ß|ss)e|talla|maat|tamanho|taglia/i.test(raw)) return 'Size';
  const clean = raw.replace(/^attribute_(pa_)?|^super_attribute.*$/i, '').replace(/[_-]+/g, ' ').trim();
  return clean ? clean.charAt(0).toUpperCase() + clean.slice(1) : 'Option';
}

/** What is selected now: selects and radios of option groups, and pressed or checked swatches. */
function selectedOptions(doc: Document, index: PageIndex): Record<string, string> {
  const selected: Record<string, string> = {};
  const add = (name: string | null, value: string | null) => {
    if (!name || !value || PLACEHOLDER.test(value) || value.length > 80) return;
    const key = optionName(name);
    setOption(selected, key, value);
  };
  for (const select of [...doc.querySelectorAll<HTMLSelectElement>('select')].slice(0, 40)) {
    if (inSkippedArea(index, select)) continue;
    const label = labelOf(doc, select);
    if (!label || !OPTION_HINT.test(`${label} ${select.name} ${select.id} ${select.className}`)) continue;
    const option = select.selectedOptions[0];
    if (option && option.value && !option.disabled) add(label, textOf(option));
  }
  for (const radio of [...doc.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].slice(0, 40)) {
    const group = `${radio.name} ${labelOf(doc, radio) ?? ''}`;
    if (!OPTION_HINT.test(group) || inSkippedArea(index, radio)) continue;
    const label = radio.id ? textOf(labelFor(doc, radio.id)) : null;
    add(radio.name, label ?? radio.getAttribute('aria-label') ?? radio.value);
  }
  for (const swatch of index.swatches.slice(0, MAX_CANDIDATES)) {
    if (inSkippedArea(index, swatch) || swatch.matches('option, body, html, a[href^="#"], li[role="tab"], [role="tab"], [role="menuitem"]')) continue;
    const container = swatch.parentElement?.closest('[class], [id], [role="radiogroup"], fieldset');
    const context = `${container?.getAttribute('class') ?? ''} ${container?.id ?? ''} ${container?.getAttribute('aria-label') ?? ''} ${swatch.getAttribute('class') ?? ''}`;
    if (!OPTION_HINT.test(context)) continue;
    const value =
      swatch.getAttribute('data-value') ??
      swatch.getAttribute('title') ??
      swatch.getAttribute('aria-label') ??
      swatch.querySelector('img')?.getAttribute('alt') ??
      textOf(swatch);
    add(context.match(OPTION_HINT)?.[0] ?? 'Option', value?.replace(/^(colou?r|size)\s*:\s*/i, '') ?? null);
  }
  return selected;
}

const URL_VARIANT_PARAMS = [/^variant$/i, /^variant_?id$/i, /^v1$/, /^variationId$/i, /^childSku$/i, /^colorId$/i, /^dwvar_.*colou?r/i, /^optionId$/i, /^pid$/i];

function urlVariantId(url: URL): string | null {
  const params = [...paramsOf(url.searchParams), ...paramsOf(new URLSearchParams(url.hash.replace(/^#/, '')))];
  for (const pattern of URL_VARIANT_PARAMS) {
    const hit = params.find(([name, value]) => pattern.test(name) && value);
    if (hit) return hit[1];
  }
  return null;
}

/** What any product page shows: its heading, the price near it, the selected options, an id in the URL. */
export function readGeneric(doc: Document, url: URL, hints: LocaleHints): GenericProduct {
  const heading = mainHeading(doc);
  const index = indexPage(doc);
  return { name: spacedText(heading), visiblePrices: visiblePrices(doc, index, heading, hints), selected: selectedOptions(doc, index), urlVariantId: urlVariantId(url) };
}
