import { type LocaleHints, parsePriceText } from '../price';

/** Which of the price elements shown near the product's heading are paid, read in the extension (`readGeneric`). */

/**
 * Classes and labels of a former or list price ("was", "UVP", "prima", "было", "原價"), struck or not: used only when
 * nothing else is shown. Words that also begin other words ("was" in "Waschmaschine", "prima" in "primary", "prev" in "preview", "list" in
 * a marketplace's "listing-price") end there.
 */
export const FORMER = /(?<![a-z])(?:old|was(?!\p{L})|regular|strike|crossed|line-through|list(?!ing)|compare|original|before|rrp|uvp|msrp|statt|vorher|avant|antes|reg\.|prev(?:ious)?(?!\p{L})|prima(?!\p{L})|prej(?:šnja)?(?!\p{L})|redna|anterior|precedente|ancien|было|прежн|стар(?:ая|а)(?!\p{L})|原[價价]|定[價价]|建議售價|市[價价]|정가)/iu;
/** A "from" price ("From $29", "ab 19 €", "à partir de", "desde", "NT$990起"): not the price of a specific offer. */
const FROM = /(?<!\p{L})(?:from|ab|à partir de|a partir de|desde|da|od|от|starting at)\s*:?\s*\p{Sc}?\s*$/iu;
/** The same after the amount: "990起", "10,000원~", "19,000원부터". */
const FROM_AFTER = /\d\D{0,4}(?:起|[~～]|부터)\s*$/u;
/**
 * Classes, labels and texts of prices that are never the product's: instalments ("4 × 7,50 €", "/mo"), unit
 * prices ("/ kg"), savings, shipping thresholds.
 */
const NOT_PAID = /unit|per-|save|saving|sparen|discount|install?ment|financ|monthly|month|monat|mensu|cuotas|raten|klarna|afterpay|affirm|as low as|shipping|delivery|versand|livraison|envío|base-?price|grundpreis|\d\s*[x×]\s*\p{Sc}?\s*\d|\/\s*(?:mo|\d*\s*(?:kg|g|l|ml|m|m2|oz|lb|ea|each|stk|unit|piece|кг|г|л|м|шт))(?![a-z])/iu;
/**
 * Words of unit prices ("per metre", "pro kg", "je Stück", "al kg", "за 1 кг", "每公斤") and of fees ("recycling fee",
 * "Gebühr", "éco-participation"): amounts shown near the price that are not the product's.
 */
const UNIT_OR_FEE = /(?<!\p{L})(?:per|pro|je|par|al|za|за|le)\s+(?:\d+\s*)?(?:kg|g|gr|l|lt|ml|m|m2|m²|cm|mq|metre|meter|metro|mètre|litre|liter|litro|unit|piece|stück|stk|pezzo|pièce|кг|г|л|м|шт|100)(?!\p{L})|每(?:公斤|千克|公克|克|斤|100|米|公尺|升|毫升)|(?<!\p{L})(?:fee|fees|surcharge|deposit|pfand|ecotax|eco-?tax|[ée]co-?participation|[ée]co-?contribution|recycl|raee|contributo)|gebühr/iu;
/** Classes and labels of the price paid now. */
const CURRENT = /(?<![a-z])(?:sale|special|final|current|now|our.?price|offer|promo|deal|jetzt|nur|you pay)/i;

/** A price shown on the page; `current` when the page marks it as the price paid now. */
export interface VisiblePrice {
  price: string;
  currency: string | null;
  current: boolean;
}

/** A price element near a heading, as the page shows it; the extension decides whether it is the price paid. */
export interface PriceFacts {
  /** The area (index into the heading's `scopes`) in which it was found first. */
  scope: number;
  text: string;
  /** The words just before it ("Was", "UVP", "Now"). */
  label: string;
  /** Its class, id and style as words, and those of its next three ancestors. */
  marks: string;
  ancestorMarks: string;
  /** Struck through (`del`, `s`, `strike`), itself or an ancestor of those. */
  struck: boolean;
  /** Its grandparent, as a number the same for prices side by side. */
  group: number;
  /** Stated, not shown as a price element: a label's value or an attribute (see `statedPrices.ts`). */
  stated?: boolean;
}

/**
 * What the page shows around one heading: its rendered text, the areas searched for its price (ever wider
 * ancestors, then the whole page) and the price elements in them. `names` are the JSON-LD product names that
 * make this heading the product's.
 */
export interface HeadingFacts {
  names: (string | null)[];
  name: string | null;
  /** Each area: whether it is the page's body, and which of `GenericFacts.roots` is its main part. */
  scopes: { body: boolean; root: number }[];
  prices: PriceFacts[];
}

/** A price element read: its amount and whether the page marks it as former, "from" or paid now; null when not paid. */
function readPriceFacts({ text, label, marks: own, ancestorMarks, struck }: PriceFacts, hints: LocaleHints) {
  const marks = `${own} ${label}`;
  // Only its own text: the words before it may close the amount before ("12,90 € pro Meter").
  if (NOT_PAID.test(`${marks} ${text}`) || UNIT_OR_FEE.test(text)) return null;
  const parsed = parsePriceText(text, { ...hints, currencyText: label });
  if (!parsed) return null;
  // Words before the first digit ("Was $120", "原價 NT$1,280") label the amount as the label before it does.
  const lead = `${label} ${text.replace(/\d.*$/su, '')}`;
  const former = FORMER.test(lead) || struck || FORMER.test(own) || FORMER.test(ancestorMarks);
  const from = FROM.test(lead) || FROM_AFTER.test(text);
  // Inside the option block the page marks as selected (a deal's chosen option among several): by its state first,
  // then by a class alone (which may be left from an earlier choice).
  const chosen = /selected-state/.test(ancestorMarks) ? 2 : /(?<![a-z])(?:selected|checked)(?![a-z])/i.test(ancestorMarks) ? 1 : 0;
  return { ...parsed, former, from, chosen, current: !former && CURRENT.test(`${marks} ${text.slice(0, 12)}`) };
}

/**
 * The prices shown near the title, of the first area that shows one paid now: not instalments, unit prices, fees,
 * savings or shipping thresholds. Former prices (struck through, "was", "UVP") count only when nothing else is shown,
 * nor "from" prices beside a specific one; the price marked as paid now ("sale", "now") comes first. Also which area
 * the prices were found in, the paid prices of every area around the heading (what structured data may agree with),
 * and whether an area around the heading shows a price of zero or "free".
 */
export function visiblePrices(heading: HeadingFacts, hints: LocaleHints) {
  // Read once for the areas around the heading (not the whole page: its prices only when no nearer area shows one).
  const read = heading.prices.map((facts) => (heading.scopes[facts.scope]?.body ? undefined : readPriceFacts(facts, hints)));
  let found: (VisiblePrice & { former: boolean; from: boolean; chosen: number; group: number; stated?: boolean })[] = [];
  let area = heading.scopes.length - 1;
  let nearestFrom: { at: number; paid: typeof found } | undefined;
  // The price elements of each area around the heading first; then what those areas only state (a label's value, an
  // attribute); then the whole page's price elements, and what it states.
  const last = heading.scopes.length - 1;
  const steps: [number, boolean][] = heading.scopes.map((_, at) => [at, false]);
  steps.splice(last, 0, ...steps.slice(0, last).map(([at]): [number, boolean] => [at, true]));
  steps.push([last, true]);
  for (const [at, stated] of steps) {
    heading.prices.forEach((facts, i) => {
      if (facts.scope !== at || !facts.stated !== !stated) return;
      const parsed = read[i] === undefined ? readPriceFacts(facts, hints) : read[i];
      // A former amount only stated in markup says nothing the page shows.
      if (parsed && +parsed.price > 0 && !(facts.stated && parsed.former)) found.push({ ...parsed, group: facts.group, stated: facts.stated });
    });
    // A price shown struck elsewhere is a former price, also where a container repeats it ("Starting at $979.97").
    const struck = new Set(found.filter((p) => p.former).map((p) => p.price));
    const paid = found.filter((p) => !p.former && !struck.has(p.price));
    if (!paid.length) continue;
    // A "from" price beside a specific one is the lowest of a list, not this offer's.
    // An area showing only a "from" price ("NT$990起") may sit above the deal's options: a specific price shown further
    // out (not the whole page, not one only stated in markup) is the deal's.
    const specific = paid.filter((p) => !p.from && !(nearestFrom && p.stated));
    if (!specific.length && at + 1 < last) {
      nearestFrom ??= { at, paid };
      continue;
    }
    [area, found] = nearestFrom && !specific.length ? [nearestFrom.at, nearestFrom.paid] : [at, specific.length ? specific : paid];
    break;
  }
  if (heading.scopes[area]?.body && found.some((p) => !p.former)) found = found.filter((p) => !p.former);
  // Of several option blocks each with its price, the selected one's comes first.
  found = [...found].sort((a, b) => b.chosen - a.chosen);
  // The nearest price comes first, or the one beside it marked as paid now ("$64.95 Now $52.00"); a single
  // price shown with its currency is the current one.
  const beside = found.find((p) => p.current && p.group === found[0]?.group);
  const prices: VisiblePrice[] = (beside ? [beside, ...found.filter((p) => p !== beside)] : found).map(({ price, currency, current }) => ({ price, currency, current }));
  const marked = prices.some((p) => p.current);
  // (Not one the page only states: a label's value or an attribute stays a fallback.)
  if (prices[0]?.currency && !found.some((p) => p.stated) && new Set(prices.map((p) => p.price)).size === 1) prices[0].current = true;
  // What the page shows as paid around the heading: not what it only states in markup (an attribute, a label's value).
  const around = read.filter((p, i) => p && !p.former && !p.from && !heading.prices[i]!.stated);
  return {
    prices,
    area,
    // Only the page's own marks count as "current" when structured data and a price further out agree.
    marked,
    nearby: [...new Set(around.filter((p) => +p!.price > 0).map((p) => p!.price))],
    from: read.filter((p) => p?.from).map((p) => p!.price),
    shownZero: around.find((p) => +p!.price === 0) ?? null,
  };
}

