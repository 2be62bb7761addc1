import type { SourceProduct } from '../microdata';

/** What a platform adapter knows; any field may be null. `variantId` identifies the selected variant. */
export interface PlatformProduct extends Partial<SourceProduct> {
  platform: string;
  variantId?: string | null;
  /** Options the shopper has selected now, in the shop's order. */
  selected?: Record<string, string>;
}

/**
 * What a platform's page data and markup say, as written; read in the page by an adapter, and turned into a
 * `PlatformProduct` by the extension (`readPlatform`).
 */
export interface PlatformFacts {
  platform: string;
  name: string | null;
  image: string | null;
  /** A price the platform's data states as a decimal ("12.50"), used as it is. */
  price: string | null;
  /** A price the platform's data states in its own form (a number, "1299.0000"), to normalise. */
  amount: string | number | null;
  /** The price as the page shows it, read with the page's locale. */
  priceText: string | null;
  currency: string | null;
  sku: string | null;
  gtin: string | null;
  brand: string | null;
  variantId: string | null;
  /** Options the shopper has selected now, in the shop's order. */
  selected: [string, string][];
}

export type PlatformAdapter = (doc: Document, url: URL) => PlatformFacts | null;

/** A platform's facts with every field unknown. */
export const noFacts = (platform: string): PlatformFacts => ({
  platform,
  name: null,
  image: null,
  price: null,
  amount: null,
  priceText: null,
  currency: null,
  sku: null,
  gtin: null,
  brand: null,
  variantId: null,
  selected: [],
});

/** A value from a platform's page data when it is text. */
export const textIn = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const MAX_SCRIPT_CHARS = 1_500_000;

/** Text of inline scripts, bounded, for adapters that read a platform's page state. */
export function inlineScripts(doc: Document, max = 60): string[] {
  return [...doc.querySelectorAll('script:not([src])')]
    .slice(0, 400)
    .map((s) => s.textContent ?? '')
    .filter((t) => t.length > 0 && t.length < MAX_SCRIPT_CHARS)
    .slice(0, max * 10);
}

/** Parses the balanced JSON object that starts at `text[start]` ("{"); null when it is not one. */
export function jsonObjectAt(text: string, start: number): unknown {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length && i - start < MAX_SCRIPT_CHARS; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) {
      try {
        return JSON.parse(text.slice(start, i + 1));
      } catch {
        return null;
      }
    }
  }
  return null;
}

export const textOf = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() || null;

/**
 * The start of `element`'s text, at least `max` characters of it once spaces are collapsed (all of it when shorter),
 * as `textOf` would begin; without reading the whole subtree, which on a selected element wrapping a large part of the
 * page costs milliseconds.
 */
export function leadingTextOf(element: Element, max: number): string | null {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let raw = '';
  let visible = 0; // characters other than spaces so far: the collapsed text is at least this long
  for (let node = walker.nextNode(); node && visible <= max; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    raw += value;
    visible += value.replace(/\s+/g, '').length;
  }
  return raw.replace(/\s+/g, ' ').trim() || null;
}

/** The `<label for=id>` of a control, found without building a selector from page data. */
export function labelFor(root: ParentNode, id: string | null | undefined): Element | null {
  if (!id) return null;
  return [...root.querySelectorAll<HTMLLabelElement>('label[for]')].slice(0, 500).find((label) => label.htmlFor === id) ?? null;
}
