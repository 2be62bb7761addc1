import type { SourceProduct } from '../microdata';
import type { LocaleHints } from '../price';

/** What a platform adapter knows; any field may be null. `variantId` identifies the selected variant. */
export interface PlatformProduct extends Partial<SourceProduct> {
  platform: string;
  variantId?: string | null;
  /** Options the shopper has selected now, in the shop's order. */
  selected?: Record<string, string>;
}

export type PlatformAdapter = (doc: Document, url: URL, hints: LocaleHints) => PlatformProduct | null;

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

/** The `<label for=id>` of a control, found without building a selector from page data. */
export function labelFor(root: ParentNode, id: string | null | undefined): Element | null {
  if (!id) return null;
  return [...root.querySelectorAll<HTMLLabelElement>('label[for]')].slice(0, 500).find((label) => label.htmlFor === id) ?? null;
}
