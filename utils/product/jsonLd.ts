import { brandOf, idOf } from './identifiers';
import type { SourceProduct } from './microdata';
import { isSafeKey } from './pageText';
import { normaliseCurrency } from './price';
import { REPORT_LIMITS } from './reportLimits';
import { first, gtinOfNode, imageOf, type JsonLdNode, type JsonLdVariant, MAX_VARIANTS, nameOf, objects, offerOf, optionName, text, variantOf } from './jsonLdNode';

export { MAX_VARIANTS, type JsonLdVariant } from './jsonLdNode';

type Node = JsonLdNode;

/** Budgets: a hostile page cannot make extraction slow or deep. */
const MAX_SCRIPTS = 40;
/**
 * Larger blocks are skipped (the visible page still gives the name and price). A 2.5 MB product group with
 * 10,000 variants parses in about 20 ms; the node and variant budgets below bound what is read of it.
 */
const MAX_SCRIPT_CHARS = 4_000_000;
const MAX_NODES = 20_000;
const MAX_DEPTH = 24;

export interface JsonLdProduct extends SourceProduct {
  optionNames: string[];
  variants: JsonLdVariant[];
  /** The product's own offers when it has several, each for a size or an option it names by `sku` or `name`. */
  offers: { sku: string | null; name: string | null; price: string | null; currency: string | null }[];
  /** Currencies named anywhere in the page's JSON-LD (also of other products): the page's currency. */
  pageCurrency: string | null;
}


/** Parses a JSON-LD block, tolerating CDATA wrappers, HTML comments and trailing commas. */
export function parseJsonLd(text: string): unknown {
  const stripped = text
    .replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/|<!\[CDATA\[)/, '')
    .replace(/(-->|\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/|\]\]>)\s*$/, '')
    .trim();
  try {
    return JSON.parse(stripped);
  } catch {
    try {
      // Common hand-written mistakes: trailing commas and raw newlines inside strings.
      return JSON.parse(stripped.replace(/,\s*([}\]])/g, '$1').replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function typesOf(node: Node): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//i, '').toLowerCase());
}

/** Time budget for reading JSON-LD: a hostile page cannot hold the detector longer than this. */
const TIME_BUDGET_MS = 150;

/** Every object node in the JSON-LD of the page, breadth-first, within the size and time budgets. */
export function collectNodes(doc: Document): Node[] {
  const nodes: Node[] = [];
  const until = performance.now() + TIME_BUDGET_MS;
  const texts = [...doc.querySelectorAll('script[type="application/ld+json" i]')].slice(0, MAX_SCRIPTS).map((script) => script.textContent ?? '');
  // Small blocks first (in page order), then large ones: a giant block cannot use up the time budget of the others.
  for (const [index, text] of [...texts.filter((t) => t.length < 100_000), ...texts.filter((t) => t.length >= 100_000)].entries()) {
    // The first block is always read: on a busy machine the clock alone must not decide what a page says.
    if (index > 0 && performance.now() > until) break;
    if (text.length > MAX_SCRIPT_CHARS) continue;
    const queue: [unknown, number][] = [[parseJsonLd(text), 0]];
    for (let head = 0; head < queue.length && nodes.length < MAX_NODES; head += 1) {
      // The first nodes of a block are always read: a slow parse must not lose the product itself.
      if (head > 255 && (head & 255) === 0 && performance.now() > until) break;
      const [value, depth] = queue[head]!;
      if (depth > MAX_DEPTH || !value || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const item of value.slice(0, Math.max(0, MAX_NODES - queue.length))) queue.push([item, depth + 1]);
        continue;
      }
      nodes.push(value as Node);
      const graph = (value as Node)['@graph'];
      if (graph) queue.push([graph, depth + 1]);
      // Offers of other products say which currency the page uses.
      const offers = (value as Node).offers;
      if (offers && typeof offers === 'object') queue.push([offers, depth + 1]);
    }
  }
  return nodes;
}

/** What the page's JSON-LD says about products: its product nodes, kept to what `readJsonLd` reads, and its currencies. */
export interface JsonLdFacts {
  products: Node[];
  /** Every `priceCurrency` the page's JSON-LD names, as written, in page order, each once. */
  currencies: string[];
}

/** The properties `readJsonLd` reads, at any depth of a product node (offers, variants, price specifications, brand). */
const READ_KEYS = /* @__PURE__ */ (() =>
  new Set(
    '@type name url image contentUrl sku mpn gtin gtin8 gtin12 gtin13 gtin14 isbn brand manufacturer productID productGroupID identifier propertyID variesBy hasVariant offers price lowPrice priceCurrency priceValidUntil priceSpecification priceType availability additionalProperty value color size material pattern'.split(
      ' ',
    ),
  ))();

/**
 * `value` with only the properties in `keys`, within the report's bounds: arrays and depth, and a budget shared by
 * all nodes (undefined once it is spent, and nothing after it is kept). Product nodes cross to the extension without
 * their descriptions, reviews and whatever else a page adds.
 */
function pruned(value: unknown, keys: Set<string>, budget: { left: number }, depth = 0): unknown {
  const cost = typeof value === 'string' ? 8 + value.length : 8;
  if (budget.left < cost) return undefined;
  budget.left -= cost;
  if (!value || typeof value !== 'object') return value;
  if (depth >= REPORT_LIMITS.jsonLdDepth) return null;
  const kept: unknown[] | Node = Array.isArray(value) ? [] : {};
  for (const [key, item] of Array.isArray(value) ? value.slice(0, REPORT_LIMITS.jsonLdArray).entries() : Object.entries(value)) {
    if (!Array.isArray(value) && !keys.has(key as string)) continue;
    const child = pruned(item, keys, budget, depth + 1);
    if (child === undefined) break;
    (kept as Node)[key] = child;
  }
  return kept;
}

const isProduct = (node: Node) => typesOf(node).some((t) => t === 'product' || t === 'productgroup');
const samePage = (url: string | null, pageUrl: string) => !!url && url.split(/[?#]/)[0] === pageUrl.split(/[?#]/)[0];

/**
 * The names `readJsonLd` may give the main product: its group's; else those of the product nodes whose address or an
 * offer's is the page's, up to one whose own address is, then the first with offers and the first. Which offer
 * counts depends on prices, which the page does not read, so all of them are considered.
 */
function possibleNames(nodes: Node[], pageUrl: string): (string | null)[] {
  const group = nodes.find((n) => typesOf(n).includes('productgroup'));
  if (group) return [nameOf(group)];
  const products = nodes.filter((n) => typesOf(n).includes('product'));
  const names: (string | null)[] = [];
  for (const node of products) {
    const own = samePage(text(node.url), pageUrl);
    if (own || objects(node.offers).some((offer) => samePage(text(offer.url), pageUrl))) names.push(nameOf(node));
    if (own) return names;
  }
  const fallback = products.find((n) => n.offers) ?? products[0];
  return [...new Set([...names, fallback ? nameOf(fallback) : null])];
}

/**
 * What the page's JSON-LD says about products, and the names it may give the main one. Runs in the page;
 * `readJsonLd` reads the facts.
 */
export function collectJsonLd(doc: Document, pageUrl: string): { facts: JsonLdFacts; names: (string | null)[] } {
  const nodes = collectNodes(doc);
  const currencies = [...new Set(nodes.map((n) => n.priceCurrency).filter((c): c is string => typeof c === 'string'))].slice(0, 20);
  const products = nodes.filter(isProduct).slice(0, REPORT_LIMITS.products);
  // Option properties named by `variesBy` are read too ("https://schema.org/color" → `color` or `Color`).
  const keys = new Set(READ_KEYS);
  for (const node of products) {
    for (const option of (Array.isArray(node.variesBy) ? node.variesBy : [node.variesBy]).slice(0, REPORT_LIMITS.jsonLdArray)) {
      if (typeof option !== 'string') continue;
      const name = optionName(option);
      for (const key of [name, name.toLowerCase()]) if (isSafeKey(key)) keys.add(key);
    }
  }
  const budget = { left: REPORT_LIMITS.productBudget };
  const kept: Node[] = [];
  for (const node of products) {
    const product = pruned(node, keys, budget) as Node | undefined;
    if (!product) break;
    kept.push(product);
  }
  return { facts: { products: kept, currencies }, names: possibleNames(nodes, pageUrl) };
}

/**
 * The page's main product from JSON-LD: a ProductGroup with its variants; else the Product nodes of the
 * page, where several nodes of one product (one per size or colour) are its variants.
 */
export function readJsonLd(facts: JsonLdFacts, pageUrl: string): JsonLdProduct | null {
  const nodes = facts.products;
  const declared = facts.currencies.map(normaliseCurrency).find(Boolean) ?? null;
  const group = nodes.find((n) => typesOf(n).includes('productgroup'));
  const products = nodes.filter((n) => typesOf(n).includes('product'));
  const main =
    group ??
    products.find((n) => [text(n.url), offerOf(n.offers).url].some((u) => samePage(u, pageUrl))) ??
    products.find((n) => n.offers) ??
    products[0];
  if (!main) return null;
  const variesBy = (Array.isArray(main.variesBy) ? main.variesBy : [main.variesBy]).filter((v): v is string => typeof v === 'string');
  const optionNames = [...new Set(variesBy.map(optionName))].filter((n) => n !== '__proto__').slice(0, 10);
  let variantNodes: Node[];
  if (group) {
    variantNodes = Array.isArray(group.hasVariant) ? objects(group.hasVariant) : [];
  } else {
    // Sibling Product nodes of the same product (same name) are its variants.
    const siblings = products.filter((n) => n !== main && nameOf(n) === nameOf(main) && (text(n.sku) ?? '') !== (text(main.sku) ?? ''));
    variantNodes = siblings.length ? [main, ...siblings] : [];
  }
  variantNodes = variantNodes.slice(0, MAX_VARIANTS);
  const variants = variantNodes.map((node) => variantOf(node, optionNames));
  const offer = offerOf(main.offers);
  const cheapest = variants.find((v) => v.price !== null);
  const own = variantOf(main, optionNames);
  const offers = objects(main.offers);
  return {
    name: nameOf(main),
    image: imageOf(main.image) ?? imageOf(variantNodes[0]?.image),
    price: offer.price ?? cheapest?.price ?? null,
    currency: offer.currency ?? cheapest?.currency ?? null,
    availability: offer.availability,
    sku: idOf(main.sku) ?? (group ? idOf(main.productGroupID) : null) ?? offers.map((o) => idOf(o.sku)).find(Boolean) ?? null,
    mpn: idOf(main.mpn),
    gtin: gtinOfNode(main) ?? offers.map(gtinOfNode).find(Boolean) ?? null,
    brand: brandOf(main.brand) ?? brandOf(main.manufacturer),
    productId: idOf(main.productID) ?? text(main.productGroupID),
    options: group ? {} : own.options,
    url: text(main.url) ?? offer.url,
    optionNames,
    variants,
    offers: offers.length > 1 ? offers.slice(0, MAX_VARIANTS).map((o) => ({ sku: idOf(o.sku), name: text(o.name), ...offerOf(o) })) : [],
    pageCurrency: declared ?? offer.currency,
  };
}
