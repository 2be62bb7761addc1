// Scoring rules of the detection benchmark, as the corpus README defines them.
const TRACKING = /^(utm_.*|gclid|gclsrc|dclid|fbclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|srsltid)$/i;

export function comparableUrl(value) {
  try {
    const url = new URL(value);
    url.hash = '';
    for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
    return url.toString();
  } catch {
    return null;
  }
}

const collapse = (text) => String(text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The product identifiers a page is scored against: `truth.json` has no product-level SKU field, so these are
 * the SKUs its pages name elsewhere (`source_expectations.sku` from the page's source benchmark, and the
 * selected variant's `sku`). Empty when the page names none: then SKU is not scored on it.
 */
export function expectedSkus(entry) {
  const fromSource = [].concat(entry.source_expectations?.sku ?? []);
  const fromVariant = entry.expected?.selected_variant?.sku ? [entry.expected.selected_variant.sku] : [];
  return [...new Set([...fromSource, ...fromVariant].filter(Boolean).map((s) => String(s).trim()))];
}

/** { name, price, currency, url, variant, sku, gtin, brand } each true/false; null where the page gives nothing to score. */
export function score(entry, result) {
  const expected = entry.expected;
  // Alternatives sit inside `expected` in truth.json; older files had them beside it.
  const alternatives = (key) => expected[key] ?? entry[key] ?? [];
  const names = [expected.name, ...alternatives('name_alternatives')].filter(Boolean).map(collapse);
  const prices = [expected.price, ...alternatives('acceptable_prices')].map((p) => (p === null ? null : String(p)));
  const urls = [expected.canonical_url, entry.page_url].filter(Boolean).map(comparableUrl);
  let variant = null;
  if (expected.has_variants) {
    const want = expected.selected_variant;
    const got = result?.variant;
    if (!want) variant = true;
    else if (!got) variant = false;
    else {
      const ids = [got.id, got.sku].filter(Boolean).map(String);
      const values = Object.values(got.options ?? {}).map(collapse);
      const byId = [want.id, want.sku].filter(Boolean).some((id) => ids.includes(String(id)));
      const wanted = Object.values(want.options ?? {}).map(collapse);
      variant = byId || (wanted.length > 0 && wanted.every((v) => values.includes(v)));
    }
  }
  const skus = expectedSkus(entry).map(collapse);
  const gotSku = result?.sku ?? result?.variant?.sku ?? null;
  const gtins = [].concat(entry.source_expectations?.gtin ?? []).map(String);
  const brands = [].concat(entry.source_expectations?.brand ?? []).map(collapse);
  return {
    name: names.includes(collapse(result?.name)),
    price: prices.includes(result?.price ?? null),
    currency: (result?.currency ?? null) === (expected.currency ?? null),
    url: urls.includes(comparableUrl(result?.url)),
    variant,
    sku: skus.length ? skus.includes(collapse(gotSku)) : null,
    gtin: gtins.length ? gtins.includes(String(result?.gtin ?? '')) : null,
    brand: brands.length ? brands.includes(collapse(result?.brand)) : null,
  };
}

/** Percentages per field; variant, SKU, GTIN and brand count only pages that give one. */
export function summarise(scores) {
  const pct = (list) => (list.length ? (100 * list.filter(Boolean).length) / list.length : 100);
  const scored = (key) => scores.filter((s) => s[key] !== null && s[key] !== undefined).map((s) => s[key]);
  return {
    name: pct(scores.map((s) => s.name)),
    price: pct(scores.map((s) => s.price)),
    currency: pct(scores.map((s) => s.currency)),
    url: pct(scores.map((s) => s.url)),
    variant: pct(scored('variant')),
    sku: pct(scored('sku')),
    gtin: pct(scored('gtin')),
    brand: pct(scored('brand')),
    counts: { variant: scored('variant').length, sku: scored('sku').length, gtin: scored('gtin').length, brand: scored('brand').length },
  };
}

/** Where a detected SKU came from (`skuSource` of the product), as the report names it; `none` when no SKU was found. */
export const SKU_SOURCES = {
  agreed: 'structured data agreed (shown too)',
  structured: 'structured data only',
  visible: 'visible only (labelled)',
  labelled: 'labelled code over structured',
  url: 'URL id',
  none: 'no SKU',
};

/**
 * Per kind of SKU source: how many pages took their SKU from it, how many of those the corpus scores, how many are
 * right. `rows` pairs each page's `skuSource` with its SKU score (null when not scored).
 */
export function skuSourceBreakdown(rows) {
  return sourceBreakdown(SKU_SOURCES, rows.map((row) => ({ source: row.source, ok: row.sku })));
}

/** Where a detected price came from (`priceSource` of the product); `none` when no price was found. */
export const PRICE_SOURCES = {
  agreed: 'structured data agreed (shown too)',
  structured: 'structured data only',
  visible: 'visible only',
  selected: 'selected option',
  none: 'no price',
};

/** Per kind of price source: pages, scored pages (all are) and right ones; `rows` pairs `priceSource` with the price score. */
export function priceSourceBreakdown(rows) {
  return sourceBreakdown(PRICE_SOURCES, rows.map((row) => ({ source: row.source, ok: row.price })));
}

function sourceBreakdown(sources, rows) {
  return Object.entries(sources).map(([kind, label]) => {
    const mine = rows.filter((row) => (row.source ?? 'none') === kind);
    const scored = mine.filter((row) => row.ok !== null && row.ok !== undefined);
    return { kind, label, pages: mine.length, scored: scored.length, correct: scored.filter((row) => row.ok).length };
  });
}

/**
 * The page's language for per-language figures: the corpus truth's `language` when it gives one, else the primary
 * subtag of the page's `<html lang>` ("de-AT" → "de"); "—" when neither says.
 */
export function languageOf(entry, pageLang) {
  const lang = entry.language ?? entry.expected?.language ?? pageLang ?? '';
  return String(lang).trim().toLowerCase().split(/[-_]/)[0] || '—';
}

/** Per language, its pages' scores summarised (see `summarise`), the languages with most pages first. */
export function byLanguage(rows) {
  const groups = new Map();
  for (const { lang, scores } of rows) groups.set(lang, [...(groups.get(lang) ?? []), scores]);
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([lang, list]) => ({ lang, pages: list.length, ...summarise(list) }));
}
