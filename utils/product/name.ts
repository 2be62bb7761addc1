/** The product's name as the page shows it: rendered heading text, without site names, badges or prices. */

const letters = (text: string) => text.toLowerCase().replace(/&amp;/g, '&').replace(/[^\p{L}\p{N}]+/gu, '');

/** Separators between a product name and the site's name in titles ("Lamp | Shop", "Lamp - Shop - City"). */
const TITLE_SEPARATOR = /\s+[|–—:·•»]\s+|\s+-\s+|\s*\|\s*/;

/** Badges shops put before or after a name. */
const BADGE = String.raw`(?:new|neu|nouveau|nuevo|nuovo|novo|nieuw|sale|hot|best\s?seller|exclusive|exklusiv|limited(?:\s+edition)?|online\s+only|nur\s+online|-?\d{1,2}\s?%(?:\s+off)?|top)`;
const LEADING_BADGE = new RegExp(`^(?:${BADGE}[!:|•·\\s-]+)+(?=\\S)`, 'i');
const TRAILING_BADGE = new RegExp(`(?:[\\s|•·-]+${BADGE}!?)+$`, 'i');
/** Prices and identifier labels after the name ("Wool Coat $89.99 $129.99", "Desk Item # 101095"). */
const TRAILING_PRICES = /(?:\s+(?:from\s+|ab\s+|desde\s+)?(?:\p{Sc}\s?\d[\d.,\s]*|\d[\d.,]*\s?(?:\p{Sc}|[A-Z]{3}\b))\S*)+$/u;
const TRAILING_ID = /\s+(?:item|sku|model|style|art\.?-?nr\.?|ref\.?)\s*(?:#|no\.?|:)\s*[\w-]+\s*$/i;

/** The part of a page title that names the product: the segment holding `anchor` (the heading), else the first. */
export function titleSegment(title: string, anchor: string | null): string {
  const segments = title.split(TITLE_SEPARATOR).map((s) => s.trim()).filter(Boolean);
  if (segments.length <= 1) return title.trim();
  const key = anchor ? letters(anchor) : '';
  return (key && segments.find((s) => letters(s).includes(key))) || segments[0]!;
}

/**
 * Chooses between the structured name and the page's heading. The heading is what the shopper reads, so
 * it wins when it says the same, adds the brand in front, or agrees with Open Graph; the structured name
 * wins when the heading only adds words after it (an off-screen "Details", a badge). A heading that is only
 * the start of the page title (the brand alone) gives way to the title's product segment.
 */
export function chooseName(structured: string | null, heading: string | null, og: string | null, title = ''): string | null {
  if (!heading) return structured ?? (og ? titleSegment(og, null) : null);
  if (!structured) {
    const full = titleSegment(og || title, heading);
    const h = letters(heading);
    const f = letters(full);
    // A one-word heading that only starts the title's product segment is the brand alone.
    return f.startsWith(h) && f.length > h.length && f.length < 200 && !/\s/.test(heading.trim()) ? full : heading;
  }
  const s = letters(structured);
  const h = letters(heading);
  if (!s || h === s || h.endsWith(s) || s.startsWith(h) || (og && letters(og) === h)) return heading;
  return structured;
}

/** Cleans up names that carry page furniture ("Details about …", "| Shop"), badges, prices or a double-escaped entity. */
export function cleanName(name: string | null, siteName: string | null = null): string | null {
  let cleaned = name?.replace(/&amp;/g, '&').replace(/^details about\s+/i, '').replace(/\s+/g, ' ').trim() ?? '';
  if (siteName && cleaned.length > siteName.length + 3) {
    const site = letters(siteName);
    const segments = cleaned.split(TITLE_SEPARATOR);
    if (segments.length > 1 && site && letters(segments[segments.length - 1]!) === site) cleaned = cleaned.slice(0, cleaned.lastIndexOf(segments[segments.length - 1]!)).replace(/[\s|–—:·•»-]+$/, '');
  }
  for (const pattern of [TRAILING_PRICES, TRAILING_ID, LEADING_BADGE, TRAILING_BADGE]) {
    const stripped = cleaned.replace(pattern, '').trim();
    if (stripped.length >= 3) cleaned = stripped;
  }
  return cleaned || null;
}

/** Elements whose text is not part of a name: hidden, off-screen, prices, badges. */
const NOT_NAME = /sr-only|visually-?hidden|screen-?reader|offscreen|a11y|price|badge|label--|flag|sticker|pill|tag--|rating|review/i;
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'em', 'font', 'i', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'wbr']);

/**
 * An element's text as rendered: symbols set in their own inline element stay attached ("ACME<sup>®</sup> Original"
 * → "ACME® Original"), blocks and line breaks stay apart ("<div>PELARBOJ</div><div>LED lamp</div>" → "PELARBOJ LED
 * lamp"), and two words in neighbouring inline elements are read as two words ("<span>ACME</span><span>Trail</span>");
 * hidden, off-screen, price and badge parts are left out.
 */
export function renderedText(element: Element | null): string | null {
  if (!element) return null;
  const view = element.ownerDocument.defaultView;
  let out = '';
  let edge = false;
  let budget = 300;
  const append = (text: string) => {
    if (edge && /[\p{L}\p{N}]$/u.test(out) && /^[\p{L}\p{N}]/u.test(text)) out += ' ';
    out += text;
    edge = false;
  };
  const visit = (node: Node) => {
    for (let child = node.firstChild; child && budget > 0; child = child.nextSibling, budget -= 1) {
      if (child.nodeType === 3) {
        if (child.nodeValue) append(child.nodeValue);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.localName;
      if (tag === 'br') {
        out += ' ';
        continue;
      }
      if (tag === 'script' || tag === 'style' || tag === 'template' || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || NOT_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`)) continue;
      const style = view?.getComputedStyle?.(el);
      if (style && (style.display === 'none' || style.visibility === 'hidden' || (style.position === 'absolute' && /rect\(0/.test(style.clip)))) continue;
      const block = style?.display ? !style.display.startsWith('inline') && style.display !== 'contents' : !INLINE.has(tag);
      const attached = tag === 'sup' || tag === 'sub';
      if (block) out += ' ';
      else if (!attached) edge = true;
      visit(el);
      if (block) out += ' ';
      else if (!attached) edge = true;
    }
  };
  visit(element);
  return out.replace(/\s+/g, ' ').replace(/\s+([,.:;!?])/g, '$1').trim() || null;
}

/** True when the element is a heading the shopper cannot see (hidden, or a visually-hidden screen-reader text). */
export function isHiddenHeading(element: Element): boolean {
  if (element.closest('[hidden], [aria-hidden="true"]') || NOT_NAME.test(element.getAttribute('class') ?? '')) return true;
  const style = element.ownerDocument.defaultView?.getComputedStyle?.(element);
  return !!style && (style.display === 'none' || style.visibility === 'hidden' || (style.position === 'absolute' && /rect\(0/.test(style.clip)));
}

/** How well a heading matches what the page's other sources call the product (longer shared text is better). */
export function headingScore(heading: string, references: string[]): number {
  const h = letters(heading);
  if (!h) return -1;
  let best = 0;
  for (const reference of references) {
    const r = letters(reference);
    if (r && (r.includes(h) || h.includes(r))) best = Math.max(best, Math.min(h.length, r.length));
  }
  return best;
}
