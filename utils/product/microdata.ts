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

/** What the page's main microdata product states, as written (`gtins`: gtin13, gtin, gtin12, gtin14, gtin8, isbn). */
export interface MicrodataFacts {
  name: string | null;
  image: string | null;
  /** `price`, else `lowPrice`, of the offer or the product. */
  price: string | null;
  currency: string | null;
  availability: string | null;
  sku: string | null;
  mpn: string | null;
  gtins: (string | null)[];
  brand: string | null;
  productId: string | null;
  color: string | null;
  size: string | null;
  url: string | null;
}

/** The currency any microdata offer on the page declares (also of other products), as written. Runs in the page. */
export function collectMicrodataCurrency(doc: Document): string | null {
  const element = doc.querySelector('[itemprop="priceCurrency"]');
  return element ? element.getAttribute('content') ?? element.textContent : null;
}

/** What the page's schema.org microdata says about its main product. Runs in the page; `readMicrodata` reads it. */
export function collectMicrodata(doc: Document): MicrodataFacts | null {
  const scope = mainScope(doc);
  if (!scope) return null;
  const props = ownProps(scope);
  const offer = (props.get('offers') ?? []).find((el) => el.hasAttribute('itemscope')) ?? null;
  const offerProps = offer ? ownProps(offer) : null;
  const from = (name: string) => (offerProps ? firstProp(offerProps, name) : null) ?? firstProp(props, name);
  const brandElement = props.get('brand')?.[0];
  const brandScope = brandElement?.hasAttribute('itemscope') ? ownProps(brandElement) : null;
  return {
    name: firstProp(props, 'name'),
    image: firstProp(props, 'image'),
    price: from('price') ?? from('lowPrice'),
    currency: from('priceCurrency'),
    availability: from('availability'),
    sku: from('sku'),
    mpn: from('mpn'),
    gtins: ['gtin13', 'gtin', 'gtin12', 'gtin14', 'gtin8', 'isbn'].map(from),
    brand: brandScope ? firstProp(brandScope, 'name') : brandElement ? propValue(brandElement) : null,
    productId: firstProp(props, 'productID'),
    color: firstProp(props, 'color'),
    size: firstProp(props, 'size'),
    url: firstProp(props, 'url'),
  };
}

/** Product facts from schema.org microdata. */
export function readMicrodata(facts: MicrodataFacts | null, hints: LocaleHints): SourceProduct | null {
  if (!facts) return null;
  const options: Record<string, string> = {};
  if (facts.color) options.Color = facts.color;
  if (facts.size) options.Size = facts.size;
  return {
    name: facts.name,
    image: facts.image,
    price: normalisePrice(facts.price),
    currency: normaliseCurrency(facts.currency) ?? (facts.price ? currencyFromText(facts.price, hints) : null),
    availability: facts.availability?.replace(/^https?:\/\/schema\.org\//i, '') ?? null,
    sku: idOf(facts.sku),
    mpn: idOf(facts.mpn),
    gtin: facts.gtins.map(gtinOf).find(Boolean) ?? null,
    brand: brandOf(facts.brand),
    productId: idOf(facts.productId),
    options,
    url: facts.url,
  };
}
