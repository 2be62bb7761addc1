import { type LocaleHints, parsePriceText } from '../price';
import { textOf, labelFor } from './types';
import { paramsOf } from '../url';

const MAX_CANDIDATES = 400;
const PLACEHOLDER = /^(choose|select|pick|choisi|sélection|wähle|bitte|elige|selecciona|scegli|kies|—|-|\s*$)/i;
const OPTION_HINT = /(colou?r|couleur|farbe|kleur|color|size|taille|gr(ö|oe)(ß|ss)e|talla|maat|tamanho|taglia|izm|storlek|swatch|variant|dimension|style|finish|upholstery)/i;
const NOT_CURRENT_PRICE = /(old|was|regular|strike|list|compare|original|before|unit|per-|rrp|uvp|msrp|save|saving|discount)/i;
const SKIP_AREAS = 'header, nav, footer, [class*="recommend" i], [class*="related" i], [class*="carousel" i], [id*="related" i]';

export interface GenericProduct {
  name: string | null;
  /** Prices shown near the product title, nearest first (with the currency their text names). */
  visiblePrices: { price: string; currency: string | null }[];
  /** Options the shopper has selected, read from selects, radios and pressed or checked swatches. */
  selected: Record<string, string>;
  /** A variant identifier carried by the URL (`?variant=`, `?v1=`, `dwvar_…`, `colorId`, …). */
  urlVariantId: string | null;
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
function visiblePrices(doc: Document, heading: Element | null, hints: LocaleHints): GenericProduct['visiblePrices'] {
  const seen = new Set<Element>();
  const found: GenericProduct['visiblePrices'] = [];
  const scopes: Element[] = [];
  for (let node = heading?.parentElement ?? null, depth = 0; node && depth < 7; node = node.parentElement, depth += 1) scopes.push(node);
  scopes.push(doc.body ?? doc.documentElement);
  for (const scope of scopes) {
    const candidates = [...scope.querySelectorAll('[class*="price" i], [id*="price" i], [itemprop="price"], [data-price]')].slice(0, MAX_CANDIDATES);
    for (const element of candidates) {
      if (seen.has(element)) continue;
      seen.add(element);
      const marker = `${element.getAttribute('class') ?? ''} ${element.id}`;
      if (NOT_CURRENT_PRICE.test(marker) || element.closest(`del, s, strike, ${SKIP_AREAS}`) || isHidden(element)) continue;
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
function selectedOptions(doc: Document): Record<string, string> {
  const selected: Record<string, string> = {};
  const add = (name: string | null, value: string | null) => {
    if (!name || !value || PLACEHOLDER.test(value) || value.length > 80) return;
    const key = optionName(name);
    if (!(key in selected) && key !== '__proto__') selected[key] = value;
  };
  for (const select of [...doc.querySelectorAll<HTMLSelectElement>('select')].slice(0, 40)) {
    if (select.closest(SKIP_AREAS)) continue;
    const label = labelOf(doc, select);
    if (!label || !OPTION_HINT.test(`${label} ${select.name} ${select.id} ${select.className}`)) continue;
    const option = select.selectedOptions[0];
    if (option && option.value && !option.disabled) add(label, textOf(option));
  }
  for (const radio of [...doc.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].slice(0, 40)) {
    const group = `${radio.name} ${labelOf(doc, radio) ?? ''}`;
    if (!OPTION_HINT.test(group) || radio.closest(SKIP_AREAS)) continue;
    const label = radio.id ? textOf(labelFor(doc, radio.id)) : null;
    add(radio.name, label ?? radio.getAttribute('aria-label') ?? radio.value);
  }
  const swatches = doc.querySelectorAll('[aria-checked="true"], [aria-pressed="true"], [aria-selected="true"], [class*="selected" i], [class*="current" i], [class*="active" i]');
  for (const swatch of [...swatches].slice(0, MAX_CANDIDATES)) {
    if (swatch.closest(SKIP_AREAS) || swatch.matches('option, body, html, a[href^="#"], li[role="tab"], [role="tab"], [role="menuitem"]')) continue;
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
  return { name: spacedText(heading), visiblePrices: visiblePrices(doc, heading, hints), selected: selectedOptions(doc), urlVariantId: urlVariantId(url) };
}
