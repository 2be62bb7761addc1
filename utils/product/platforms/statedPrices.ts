/**
 * Prices a page states without a price element to show them: a label and its value ("Current bid: US $125.00",
 * `<dt>Preis</dt><dd>250 €</dd>`), `itemprop="price"` with a `content` attribute only, a `data-price` attribute.
 * Marketplace and classifieds pages often show their price only this way; the extension reads these only where an
 * area shows no price element (`visiblePrices`). Runs in the page.
 */
import { inSkippedArea, isHidden, type PageIndex } from './pageIndex';

/** Labels of a price in the languages of the shops read ("Current bid", "Buy It Now", "Preis", "Prix", "Цена", "價格"). */
const PRICE_LABEL =
  /^(?:(?:current|starting|winning|opening)\s+bid|bid|buy it now|(?:our |sale |asking )?price|aktuelles gebot|startpreis|sofort-?kaufen|(?:verkaufs)?preis|prix|ench[èe]re actuelle|mise à prix|precio|prezzo|offerta attuale|preço|prijs|pris|hinta|cena|cijena|kaina|hind|fiyat|цена|ціна|價格|价格|售價|售价|特價|优惠价|가격|판매가|즉시구매가|現在価格|価格|即決価格)\s*[:：]?\s*/iu;
/** At most this many elements are looked at for labels, and this many prices stated are kept. */
const MAX_ELEMENTS = 3000;
const LABEL_TAGS = new Set(['dt', 'th', 'td', 'label', 'b', 'strong', 'span', 'div', 'p', 'li']);
const MAX_STATED = 20;
/** A value that begins as an amount does ("$300", "US $125.00", "250 €", "NT$990"), not words with a number in them. */
const AMOUNT = /^(?:\P{L}{0,3}|\p{Lu}{1,3}\s?\p{Sc}?\s?)\d/u;

/** A stated amount: its text, the label before it, and the element it belongs to (for its area). */
export interface StatedPrice {
  element: Element;
  text: string;
  label: string;
}

const short = (text: string | null | undefined, max: number) => {
  const clean = text?.replace(/\s+/g, ' ').trim() ?? '';
  return clean.length <= max ? clean : '';
};

/**
 * The amount an element states in an attribute (for one whose text shows none): `content` of `itemprop="price"` (with
 * the currency its offer states beside it), or `data-price` (not one of a list of options, each with its own).
 */
export function statedAmount(element: Element): string | null {
  const content = element.getAttribute('itemprop') === 'price' ? element.getAttribute('content') : null;
  const data = element.getAttribute('data-price');
  if (!content && !data) return null;
  const currency = element.getAttribute('data-currency') ?? element.parentElement?.querySelector('[itemprop="priceCurrency"]')?.getAttribute('content') ?? '';
  if (content) return short(`${content} ${currency}`, 40) || null;
  const options = element.parentElement?.querySelectorAll(':scope > [data-price]').length ?? 0;
  return options < 2 ? short(`${data} ${currency}`, 40) || null : null;
}

/** Label and value pairs within `scope` whose label names a price: the value after the label, in its text or next. */
export function labelledPrices(scope: Element, index: PageIndex): StatedPrice[] {
  const found: StatedPrice[] = [];
  // A live list, read lazily item by item (not its length): the area may hold most of a large page.
  const elements = scope.getElementsByTagName('*');
  for (let i = 0, element = elements[0]; element && i < MAX_ELEMENTS && found.length < MAX_STATED; i += 1, element = elements[i]) {
    if (element.childElementCount || !LABEL_TAGS.has(element.localName)) continue;
    const raw = element.textContent ?? '';
    if (raw.length > 120) continue;
    const text = short(raw, 50);
    const label = text.match(PRICE_LABEL)?.[0];
    if (!label || inSkippedArea(index, element) || isHidden(element)) continue;
    // The value in the label's own text ("Price: $300"), else the text or element after it.
    let value = text.slice(label.length);
    // A label that is not the whole text begins other words ("Price match promise").
    if (!value) value = short(element.nextSibling?.nodeType === Node.TEXT_NODE && /\d/.test(element.nextSibling.textContent ?? '') ? element.nextSibling.textContent : element.nextElementSibling?.textContent, 40);
    if (AMOUNT.test(value)) found.push({ element, text: value, label: label.trim() });
  }
  return found;
}
