/** The product's name as the page shows it: rendered heading text, without site names, badges or prices. */

export const letters = (text: string) => text.toLowerCase().replace(/&amp;/g, '&').replace(/[^\p{L}\p{N}]+/gu, '');

/** Separators between a product name and the site's name in titles ("Lamp | Shop", "Lamp - Shop - City"). */
const SEPARATOR = /\s*\|\s*|\s+[–—:·•»-]\s+/;

/** The part of a page title that names the product: the segment holding `anchor` (the heading), else the first. */
function titleSegment(title: string, anchor: string): string {
  const key = letters(anchor);
  const segments = title.split(SEPARATOR);
  return segments.find((s) => key && letters(s).includes(key)) ?? segments[0]!.trim();
}

/**
 * Chooses between the structured name and the page's heading. The heading is what the shopper reads, so
 * it wins when it says the same, adds the brand in front, or agrees with Open Graph; the structured name
 * wins when the heading only adds words after it (an off-screen "Details", a badge). A one-word heading that
 * only starts the page title's product segment (the brand alone) gives way to that segment.
 */
export function chooseName(structured: string | null, heading: string | null, og: string | null, title: string): string | null {
  if (!heading) return structured ?? (og && titleSegment(og, ''));
  const h = letters(heading);
  if (!structured) {
    const full = titleSegment(og || title, heading);
    return !/\s/.test(heading) && letters(full).startsWith(h) && full.length < 200 ? full : heading;
  }
  const s = letters(structured);
  return !s || h === s || h.endsWith(s) || s.startsWith(h) || (og && letters(og) === h) ? heading : structured;
}

/** Badges before or after a name, prices and identifier labels after it ("Wool Coat $89.99 $129.99", "Desk Item # 101095"). */
const NOISE = [
  /^(?:(?:new|neu|nouveau|nuevo|sale|hot|bestseller|-?\d\d?\s?%)\s*[!:|•-]+\s*)+/i,
  /(?:[\s|•-]+(?:new|neu|sale|bestseller)!?)+$/i,
  /(?:\s+(?:from\s+|ab\s+)?(?:\p{Sc}\s?\d[\d.,\s]*|\d[\d.,]*\s?\p{Sc})\S*)+$/u,
  /\s+(?:item|sku|model|style|art\.?-?nr\.?)\s*(?:#|no\.?|:)\s*[\w-]+$/i,
];

/** Cleans up names that carry page furniture ("Details about …", "| Shop"), badges, prices or a double-escaped entity. */
export function cleanName(name: string | null, siteName: string | null): string | null {
  let cleaned = name?.replace(/&amp;/g, '&').replace(/^details about\s+/i, '').replace(/\s+/g, ' ').trim() ?? '';
  const segments = cleaned.split(SEPARATOR);
  if (siteName && segments.length > 1 && letters(segments.at(-1)!) === letters(siteName)) cleaned = segments.slice(0, -1).join(' - ');
  for (const pattern of NOISE) {
    const stripped = cleaned.replace(pattern, '').trim();
    if (stripped.length > 2) cleaned = stripped;
  }
  return cleaned || null;
}

/** Parts of a heading that are not the name: off-screen texts, prices, badges, ratings. */
export const NOT_NAME = /sr-only|visually-?hidden|screen-?reader|offscreen|price|badge|flag|sticker|rating|review/i;

/**
 * An element's text as rendered: symbols set in `<sup>`/`<sub>` stay attached ("ACME<sup>®</sup> Original" →
 * "ACME® Original"), blocks and line breaks stay apart, and words in neighbouring inline elements are read as
 * separate words ("<span>ACME</span><span>Trail</span>"); hidden, off-screen, price and badge parts are left out.
 */
export function renderedText(element: Element | null): string | null {
  if (!element) return null;
  const view = element.ownerDocument.defaultView;
  let out = '';
  let edge = false;
  let budget = 300;
  const visit = (node: Node) => {
    for (let child = node.firstChild; child && budget-- > 0; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        if (edge && /[\p{L}\p{N}]$/u.test(out) && /^[\p{L}\p{N}]/u.test(text)) out += ' ';
        out += text;
        edge = false;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (/^(script|style|template)$/.test(el.localName) || el.matches('[hidden], [aria-hidden="true"]') || NOT_NAME.test(el.getAttribute('class') ?? '')) continue;
        const display = view?.getComputedStyle(el).display ?? '';
        if (display === 'none') continue;
        const gap = el.localName === 'br' || (display && !display.startsWith('inline')) ? ' ' : '';
        const attached = /^su[pb]$/.test(el.localName);
        out += gap;
        edge ||= !attached;
        visit(el);
        out += gap;
        edge ||= !attached;
      }
    }
  };
  visit(element);
  return out.replace(/\s+/g, ' ').replace(/ ([,.:;!?])/g, '$1').trim() || null;
}
