import { setOption } from '../pageText';
import { letters } from '../name';
import { inSkippedArea, MAX_CANDIDATES, type PageIndex } from './pageIndex';
import { leadingTextOf, labelFor, textOf } from './types';

/** Selected options on any product page: selects, radios and swatches of option groups, then their names checked. */

const PLACEHOLDER = /^(choose|select|pick|choisi|sélection|wähle|bitte|elige|selecciona|scegli|kies|—|-|\s*$)/i;
const OPTION_HINT = /(colou?r|couleur|farbe|kleur|color|size|taille|gr(ö|oe)(ß|ss)e|talla|maat|tamanho|taglia|izm|storlek|swatch|variant|dimension|style|finish|upholstery|format|edition|capacity|material)/i;

/** The name of an option control: its label, aria-label, fieldset legend or name. */
function labelOf(doc: Document, control: Element): string | null {
  const id = control.getAttribute('id');
  const label =
    (id ? textOf(labelFor(doc, id)) : null) ??
    control.getAttribute('aria-label') ??
    textOf(control.closest('fieldset')?.querySelector('legend')) ??
    control.getAttribute('name');
  return label?.replace(/[:*]/g, '').replace(/\s+/g, ' ').trim() || null;
}

/** An option group by its usual name ("Color", "Size"), else its own name made readable. */
function optionName(raw: string): string {
  if (/colou?r|couleur|farbe|kleur|color/i.test(raw)) return 'Color';
  if (/size|taille|gr(ö|oe)(ß|ss)e|talla|maat|tamanho|taglia/i.test(raw)) return 'Size';
  const clean = raw.replace(/^attribute_(pa_)?|^super_attribute.*$/i, '').replace(/[_-]+/g, ' ').trim();
  return clean ? clean.charAt(0).toUpperCase() + clean.slice(1) : 'Option';
}

/** Attributes by which a page states the variant an option control selects. */
const VARIANT_ID_ATTRIBUTES = ['data-variant-id', 'data-variantid', 'data-variant', 'data-variation-id', 'data-product-variant-id', 'data-sku'];

/**
 * The variant id a selected control states (`data-variant-id`, `data-sku`…, or a `data-value` that is an id and not a
 * size or colour: at least four digits, no spaces), as written; `readSelectedIds` checks it. A swatch's `data-value`
 * is its option's value (a colour code), so `withValue` is false for swatches.
 */
function statedVariantId(control: Element | null | undefined, withValue = true): string | null {
  for (const name of VARIANT_ID_ATTRIBUTES) {
    const value = control?.getAttribute(name)?.trim();
    if (value) return value.length <= 40 ? value : null;
  }
  const value = withValue ? control?.getAttribute('data-value')?.trim() : null;
  return value && /^(?=(?:\D*\d){4})[\w.-]{5,40}$/.test(value) ? value : null;
}

/**
 * The price a selected option states (`data-price`), unless its group's amounts are surcharges ("+5.00", a zero
 * beside others): then it is not the product's price.
 */
function optionPrice(control: Element): string | null {
  const own = control.getAttribute('data-price')?.trim();
  if (!own || own.length > 30) return null;
  const group = [...(control.parentElement?.children ?? [])].slice(0, 50).map((e) => e.getAttribute('data-price')?.trim());
  return group.some((p) => p && /^[+-]|^0+(?:[.,]0+)?$/.test(p)) ? null : own;
}

/** A control the page marks as selected by its state (checked, `aria-selected`…), not by a class alone. */
const STATED = '[aria-checked="true"], [aria-pressed="true"], [aria-selected="true"], :checked';

/** The variant ids selected controls state (see `collectSelected`), those that read as ids, each once. */
export function readSelectedIds(stated: string[]): string[] {
  return [...new Set(stated.filter((id) => /^(?=.*\d)[\w.:/-]{1,40}$/.test(id)))];
}

/**
 * What is selected now, as [option group, value] pairs: selects and radios of option groups, and pressed or checked
 * swatches; the variant ids those controls state go to `ids`, the prices they state to `prices`. Runs in the page; `selectedOptions` checks the names and
 * values.
 */
export function collectSelected(doc: Document, index: PageIndex, ids: string[] = [], prices: string[] = []): [string, string | null][] {
  const stated = (control: Element | null | undefined, withValue?: boolean) => {
    const id = statedVariantId(control, withValue);
    if (id && ids.length < 20) ids.push(id);
    const price = control && optionPrice(control);
    if (price && prices.length < 20) prices.push(price);
  };
  const selected: [string, string | null][] = [];
  for (const select of [...doc.querySelectorAll<HTMLSelectElement>('select')].slice(0, 40)) {
    if (inSkippedArea(index, select)) continue;
    const label = labelOf(doc, select);
    if (!label || !OPTION_HINT.test(`${label} ${select.name} ${select.id} ${select.className}`)) continue;
    const option = select.selectedOptions[0];
    if (option && option.value && !option.disabled) {
      selected.push([label, textOf(option)]);
      stated(option);
    }
  }
  for (const radio of [...doc.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].slice(0, 40)) {
    const group = `${radio.name} ${labelOf(doc, radio) ?? ''}`;
    if (!OPTION_HINT.test(group) || inSkippedArea(index, radio)) continue;
    const label = radio.id ? textOf(labelFor(doc, radio.id)) : null;
    selected.push([radio.name, label ?? radio.getAttribute('aria-label') ?? radio.value]);
    stated(radio);
  }
  // A swatch the page marks by its state comes before one only a class calls selected (often left from before).
  const swatches = index.swatches.slice(0, MAX_CANDIDATES);
  const byState = swatches.filter((swatch) => swatch.matches(STATED));
  for (const swatch of [...byState, ...swatches.filter((swatch) => !byState.includes(swatch))]) {
    if (inSkippedArea(index, swatch) || swatch.matches('option, body, html, a[href^="#"], li[role="tab"], [role="tab"], [role="menuitem"]')) continue;
    const container = swatch.parentElement?.closest('[class], [id], [role="radiogroup"], fieldset');
    let context = `${container?.getAttribute('class') ?? ''} ${container?.id ?? ''} ${container?.getAttribute('aria-label') ?? ''} ${swatch.getAttribute('class') ?? ''}`;
    // A selected element that reads "Color: 69 NAVY" names its option itself.
    // (The match needs at most its first 23 characters: the start of the text is enough.)
    if (!OPTION_HINT.test(context) && swatch.childElementCount < 4) context = leadingTextOf(swatch, 40)?.match(/^([^:]{2,20}):\s*\S/)?.[1] ?? '';
    if (!OPTION_HINT.test(context)) continue;
    const value =
      swatch.getAttribute('data-value') ??
      swatch.getAttribute('title') ??
      swatch.getAttribute('aria-label') ??
      swatch.querySelector('img')?.getAttribute('alt') ??
      swatch.querySelector('[title]')?.getAttribute('title') ??
      textOf(swatch);
    selected.push([context.match(OPTION_HINT)?.[0] ?? 'Option', value?.replace(/^[^:]{2,20}:\s*/, '') ?? null]);
    stated(swatch, false);
  }
  return selected;
}

/** The selected options of `pairs` (from `collectSelected`), by their usual names ("Color", "Size"), the first of each. */
export function selectedOptions(pairs: [string, string | null][]): Record<string, string> {
  const selected: Record<string, string> = {};
  for (const [name, raw] of pairs) {
    // The option's own name shown as its value is a placeholder; a price after the value is not part of it ("Hardcover - $11.37").
    const value = raw?.replace(/\s*[-–:(]?\s*\p{Sc}\s?\d[\d.,]*\)?$/u, '').trim();
    const key = name && optionName(name);
    if (!key || !value || PLACEHOLDER.test(value) || value.length > 80 || [name, key].some((n) => letters(n) === letters(value))) continue;
    setOption(selected, key, value);
  }
  return selected;
}
