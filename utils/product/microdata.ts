import { brandOf, gtinOf, idOf } from './identifiers';
import { normaliseCurrency, normalisePrice, type LocaleHints, currencyFromText } from './price';

export interface SourceProduct {
  name: string | null;
  image: string | null;
  price: string | null;
  currency: string | null;
  availability: string | null;
  sku: string | null;
  mpn?: string | null;
  gtin?: string | null;
  brand?: string | null;
  productId: string | null;
  /** Options this source names for the product itself (e.g. its colour). */
  options: Record<string, string>;
  url: string | null;
}

const MAX_SCOPES = 200;
const MAX_PROPS = 3_000;

const clean = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() || null;

function isProductScope(element: Element): boolean {
  return /schema\.org\/(Product|IndividualProduct|ProductModel)\b/i.test(element.getAttribute('itemtype') ?? '');
}

/** The value of an itemprop element, as microdata defines it (content, href, src, or text). */
function propValue(element: Element): string | null {
  const content = element.getAttribute('content') ?? element.getAttribute('value');
  if (content !== null) return clean(content);
  if (element.hasAttribute('itemscope')) return null;
  const tag = element.tagName.toLowerCase();
  if (tag === 'a' || tag === 'link') return element.getAttribute('href');
  if (tag === 'img' || tag === 'source') return element.getAttribute('src');
  if (tag === 'meta') return null;
  return clean(element.textContent);
}

/** The properties that belong to `scope` itself (not to a nested item), by name, read in one pass. */
function ownProps(scope: Element): Map<string, Element[]> {
  const props = new Map<string, Element[]>();
  const elements = scope.querySelectorAll('[itemprop]');
  for (let i = 0; i < elements.length && i < MAX_PROPS; i += 1) {
    const element = elements[i]!;
    if (element.parentElement?.closest('[itemscope]') !== scope) continue;
    for (const name of (element.getAttribute('itemprop') ?? '').split(/\s+/)) {
      if (!name) continue;
      const list = props.get(name);
      if (list) list.push(element);
      else props.set(name, [element]);
    }
  }
  return props;
}

function firstProp(props: Map<string, Element[]>, name: string): string | null {
  for (const element of props.get(name) ?? []) {
    const value = propValue(element);
    if (value) return value;
  }
  return null;
}

/** The page's main microdata product: not nested in another product, and the one the page's heading names if several. */
function mainScope(doc: Document): Element | null {
  const scopes = [...doc.querySelectorAll('[itemscope][itemtype]')].slice(0, MAX_SCOPES).filter(isProductScope);
  const topLevel = scopes.filter((scope) => !scope.parentElement?.closest('[itemscope][itemtype*="Product" i]'));
  if (topLevel.length <= 1) return topLevel[0] ?? null;
  const h1 = clean(doc.querySelector('h1')?.textContent)?.toLowerCase() ?? '';
  const containsHeading = topLevel.find((scope) => scope.querySelector('h1'));
  if (containsHeading) return containsHeading;
  const named = topLevel.find((scope) => {
    const name = firstProp(ownProps(scope), 'name')?.toLowerCase();
    return name && h1 && (h1.includes(name) || name.includes(h1));
  });
  return named ?? topLevel[0]!;
}

/** The currency any microdata offer on the page declares (also of other products): the page's currency. */
export function declaredMicrodataCurrency(doc: Document): string | null {
  const element = doc.querySelector('[itemprop="priceCurrency"]');
  return element ? normaliseCurrency(element.getAttribute('content') ?? element.textContent) : null;
}

/** Product facts from schema.org microdata. */
export function readMicrodata(doc: Document, hints: LocaleHints): SourceProduct | null {
  const scope = mainScope(doc);
  if (!scope) return null;
  const props = ownProps(scope);
  const offer = (props.get('offers') ?? []).find((el) => el.hasAttribute('itemscope')) ?? null;
  const offerProps = offer ? ownProps(offer) : null;
  const from = (name: string) => (offerProps ? firstProp(offerProps, name) : null) ?? firstProp(props, name);
  const priceText = from('price') ?? from('lowPrice');
  const options: Record<string, string> = {};
  const color = firstProp(props, 'color');
  if (color) options.Color = color;
  const size = firstProp(props, 'size');
  if (size) options.Size = size;
  const brandElement = props.get('brand')?.[0];
  const brandScope = brandElement?.hasAttribute('itemscope') ? ownProps(brandElement) : null;
  const gtin = ['gtin13', 'gtin', 'gtin12', 'gtin14', 'gtin8', 'isbn'].map((name) => gtinOf(from(name))).find(Boolean) ?? null;
  return {
    name: firstProp(props, 'name'),
    image: firstProp(props, 'image'),
    price: normalisePrice(priceText),
    currency: normaliseCurrency(from('priceCurrency')) ?? (priceText ? currencyFromText(priceText, hints) : null),
    availability: from('availability')?.replace(/^https?:\/\/schema\.org\//i, '') ?? null,
    sku: idOf(from('sku')),
    mpn: idOf(from('mpn')),
    gtin,
    brand: brandOf(brandScope ? firstProp(brandScope, 'name') : brandElement ? propValue(brandElement) : null),
    productId: idOf(firstProp(props, 'productID')),
    options,
    url: firstProp(props, 'url'),
  };
}
