import * as z from 'zod/mini';
import type { PageReport } from './collect';
import { REPORT_LIMITS as LIMITS } from './reportLimits';

// The detector's report is page data: every text, list and number in it is bounded before the extension reads it, so
// a hostile page cannot make the extension hold or walk more than a product page needs.

const text = z.string().check(z.maxLength(LIMITS.text));
const maybe = z.nullable(text);
const list = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
const index = (max: number) => z.int().check(z.minimum(-1), z.maximum(max));

/**
 * True when `value` is JSON within the bounds the page keeps a JSON-LD product node to (depth, array and text length,
 * and a size `budget` shared by all nodes, counted as the page counts it).
 */
function isBoundedJson(value: unknown, budget: { left: number }, depth = 0): boolean {
  budget.left -= typeof value === 'string' ? 8 + value.length : 8;
  if (budget.left < 0 || depth > LIMITS.jsonLdDepth) return false;
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return true;
  if (typeof value === 'string') return value.length <= LIMITS.text;
  if (Array.isArray(value)) return value.length <= LIMITS.jsonLdArray && value.every((item) => isBoundedJson(item, budget, depth + 1));
  return typeof value === 'object' && Object.values(value).every((item) => isBoundedJson(item, budget, depth + 1));
}

function isUrl(value: string): boolean {
  try {
    return !!new URL(value);
  } catch {
    return false;
  }
}

const jsonLdSchema = z.object({
  products: list(z.custom<Record<string, unknown>>((node) => !!node && typeof node === 'object' && !Array.isArray(node)), LIMITS.products),
  currencies: list(text, 20),
}).check(
  z.refine((facts) => {
    const budget = { left: LIMITS.productBudget };
    return facts.products.every((node) => isBoundedJson(node, budget));
  }, 'JSON-LD beyond its bounds'),
);

const microdataSchema = z.object({
  name: maybe,
  image: maybe,
  price: maybe,
  currency: maybe,
  availability: maybe,
  sku: maybe,
  mpn: maybe,
  gtins: list(maybe, 6),
  brand: maybe,
  productId: maybe,
  color: maybe,
  size: maybe,
  url: maybe,
});

const platformSchema = z.object({
  platform: z.string().check(z.maxLength(40)),
  name: maybe,
  image: maybe,
  price: maybe,
  amount: z.nullable(z.union([z.number(), text])),
  priceText: maybe,
  currency: maybe,
  sku: maybe,
  gtin: maybe,
  brand: maybe,
  variantId: maybe,
  selected: list(z.tuple([text, text]), LIMITS.options),
});

const headingSchema = z.object({
  names: list(maybe, LIMITS.products + 1),
  name: maybe,
  scopes: list(z.object({ body: z.boolean(), root: index(LIMITS.headings * LIMITS.scopes) }), LIMITS.scopes),
  prices: list(
    z.object({ scope: index(LIMITS.scopes), text, label: text, marks: text, ancestorMarks: text, struck: z.boolean(), group: index(LIMITS.prices * LIMITS.headings), stated: z.optional(z.boolean()) }),
    LIMITS.prices,
  ),
});

/** The detector's report (see `PageReport`), bounded. */
export const pageReportSchema = z.object({
  pageUrl: z.string().check(z.maxLength(LIMITS.pageUrl), z.refine(isUrl, 'Not a URL')),
  title: text,
  lang: maybe,
  meta: list(z.tuple([text, text]), 1500),
  declaredUrls: z.object({ canonical: maybe, ogUrl: maybe }),
  jsonLd: jsonLdSchema,
  microdata: z.nullable(microdataSchema),
  microdataCurrency: maybe,
  platform: z.nullable(platformSchema),
  generic: z.object({
    headings: list(headingSchema, LIMITS.headings),
    roots: list(list(z.string().check(z.maxLength(LIMITS.labelText)), LIMITS.labelTexts), LIMITS.headings * LIMITS.scopes),
    selected: list(z.tuple([text, maybe]), LIMITS.options),
    selectedIds: z.optional(list(z.string().check(z.maxLength(LIMITS.labelText)), LIMITS.options)),
    selectedPrices: z.optional(list(z.string().check(z.maxLength(LIMITS.labelText)), 20)),
  }),
  cartId: maybe,
  checkoutLinkCandidates: list(z.object({ url: text, image: z.boolean() }), 2000),
});

/** The detector's report from its JSON text, when it is one within bounds; null otherwise (nothing of it is read). */
export function readReport(json: unknown): PageReport | null {
  if (typeof json !== 'string' || json.length > LIMITS.reportChars) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = pageReportSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
