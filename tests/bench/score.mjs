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

/** { name, price, currency, url, variant } each true/false (variant null when the page has no variants). */
export function score(entry, result) {
  const expected = entry.expected;
  const names = [expected.name, ...(entry.name_alternatives ?? [])].filter(Boolean).map(collapse);
  const prices = [expected.price, ...(entry.acceptable_prices ?? [])].map((p) => (p === null ? null : String(p)));
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
  return {
    name: names.includes(collapse(result?.name)),
    price: prices.includes(result?.price ?? null),
    currency: (result?.currency ?? null) === (expected.currency ?? null),
    url: urls.includes(comparableUrl(result?.url)),
    variant,
  };
}

/** Percentages per field; variant counts only pages that have variants. */
export function summarise(scores) {
  const pct = (list) => (list.length ? (100 * list.filter(Boolean).length) / list.length : 100);
  return {
    name: pct(scores.map((s) => s.name)),
    price: pct(scores.map((s) => s.price)),
    currency: pct(scores.map((s) => s.currency)),
    url: pct(scores.map((s) => s.url)),
    variant: pct(scores.filter((s) => s.variant !== null).map((s) => s.variant)),
  };
}
