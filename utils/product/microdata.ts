import { normaliseCurrency, normalisePrice, type LocaleHints, currencyFromText } from './price';

export interface SourceProduct {
  name: string | null;
  image: string | null;
  price: string | null;
  currency: string | null;
  availability: string | null;
  sku: string | null;
  productId: string | null;
  /** Options this source names for the product itself (e.g. its colour). */
  options: Record<string, string>;
  url: string | null;
}

const MAX_SCOPES = 200;

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

/** Properties that belong to `scope` itself (not to a nested item). */
function ownProps(scope: Element, name: string): Element[] {
  return [...scope.querySelectorAll(`[itemprop~="${name}"]`)].filter((el) => el.parentElement?.closest('[itemscope]') === scope || (el.hasAttribute('itemscope') && el.parentElement?.closest('[itemscope]') === scope));
}

function firstProp(scope: Element, name: string): string | null {
  for (const element of ownProps(scope, name)) {
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
    const name = firstProp(scope, 'name')?.toLowerCase();
    return name && h1 && (h1.includes(name) || name.includes(h1));
  });
  return named ?? topLevel[0]!;
}

/** Product facts from schema.org microdata. */
export function readMicrodata(doc: Document, hints: LocaleHints): SourceProduct | null {
  const scope = mainScope(doc);
  if (!scope) return null;
  const offer = ownProps(scope, 'offers').find((el) => el.hasAttribute('itemscope')) ?? null;
  const from = (name: string) => (offer ? firstProp(offer, name) : null) ?? firstProp(scope, name);
  const priceText = from('price') ?? from('lowPrice');
  const options: Record<string, string> = {};
  const color = firstProp(scope, 'color');
  if (color) options.Color = color;
  const size = firstProp(scope, 'size');
  if (size) options.Size = size;
  return {
    name: firstProp(scope, 'name'),
    image: firstProp(scope, 'image'),
    price: normalisePrice(priceText),
    currency: normaliseCurrency(from('priceCurrency')) ?? (priceText ? currencyFromText(priceText, hints) : null),
    availability: from('availability')?.replace(/^https?:\/\/schema\.org\//i, '') ?? null,
    sku: firstProp(scope, 'sku'),
    productId: firstProp(scope, 'productID'),
    options,
    url: firstProp(scope, 'url'),
  };
}
