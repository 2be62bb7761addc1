/**
 * Text that came from a shop page (names, variant labels, SKUs, a selection) is data for the agent, never
 * instructions. Before it goes anywhere it loses what could hide or reorder words, or start a line of its own.
 */

/**
 * Characters that show nothing yet can disguise text: every format character (`\p{Cf}`: soft hyphen, zero-width
 * and bidi controls, the BOM, tags, Mongolian vowel separator, …), variation selectors, the combining grapheme
 * joiner, Hangul and braille blank fillers, Mongolian free variation selectors, and the invisible Khmer vowels.
 */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\u{e0100}-\u{e01ef}]/gu;
/** Control characters (C0, DEL, C1) other than line breaks and tabs, which become spaces instead. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Line and paragraph breaks of every kind, tabs, and runs of other whitespace. */
const BREAKS_AND_SPACE = /[\s\u0085\u2028\u2029]+/g;

/** Page text as one plain line: no control, invisible, bidi or tag characters, whitespace collapsed, at most `max` characters. */
export function cleanPageText(value: string, max: number): string {
  return value.replace(INVISIBLE, '').replace(/[\t\n\r\u0085\u2028\u2029]/g, ' ').replace(CONTROL, '').replace(BREAKS_AND_SPACE, ' ').trim().slice(0, max).trim();
}

/**
 * The user's own words: invisible, bidi, tag and control characters removed, but line breaks kept (as "\n")
 * and the text left as written otherwise.
 */
export function cleanUserText(value: string, max: number): string {
  return value
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .trim()
    .slice(0, max);
}

/** Property names a page could use to reach an object's prototype; never used as keys. */
export function isSafeKey(key: string): boolean {
  return key !== '__proto__' && key !== 'constructor' && key !== 'prototype';
}

/**
 * Adds a variant option read from a page, unless its name is already taken or could reach a prototype. The
 * option is defined as the object's own property, so the name check is what keeps `__proto__` out.
 */
export function setOption(options: Record<string, string>, name: string, value: string): void {
  if (!isSafeKey(name) || Object.hasOwn(options, name)) return;
  Object.defineProperty(options, name, { value, enumerable: true, writable: true, configurable: true });
}
