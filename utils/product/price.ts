/**
 * The project's one price parser: amounts written in any locale ("1.299,00", "1 299,00 zł", "CHF 1'299.–",
 * "₩12,900", "35€99", "$ 8. 94") and the currency a text names, read with the page's locale for shared
 * symbols ("$", "kr", "¥", "R"). Money limits and every extractor use it.
 */

/** Hints about the shop's locale, used to read "$" and other shared symbols. */
export interface LocaleHints {
  /** Lower-case hostname, e.g. "www.bestbuy.ca". */
  host: string;
  /** The page's `lang` (or `og:locale`), e.g. "en-CA". */
  lang: string;
  /** The page's path, for locale segments such as "/en-ca/" (optional). */
  path?: string;
  /** A currency the page declares anywhere (`priceCurrency`, `og:price:currency`, platform data), if any. */
  pageCurrency?: string | null;
  /** Text near the price that may name its currency (a label or a separate symbol element). */
  currencyText?: string;
  /** The decimal separator, when the page says which ("." or ","); otherwise it is read from each text. */
  decimalSeparator?: string;
}

/** ISO 4217 codes (current, and a few withdrawn ones that old pages still show). */
const ISO = new Set(
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL DEM FRF ITL ESP PTE NLG BEF ATS FIM IEP GRD LTL LVL EEK SKK'.split(' '),
);
/** Codes that are also common words: taken only right beside a number. */
const WORDLIKE = new Set(['ALL', 'TOP', 'CUP', 'MOP', 'PEN', 'SOS', 'BOB', 'GEL', 'MAD', 'CAD', 'EUR']);

/**
 * Symbols and local names → ISO code; "?x" marks a shared symbol read with the locale ("$" dollar, "y" yen,
 * "k" krona, "r" rand, "s" rupee, "c" córdoba/Canadian, "f" franc). Letter symbols count only beside a number
 * or alone, so "KM" in a description is not a currency.
 */
const SYMBOLS: Record<string, string> = Object.fromEntries(
  (
    'US$ USD|U$S USD|US $ USD|CA$ CAD|CAN$ CAD|CAD$ CAD|C$ ?c|A$ AUD|AU$ AUD|AU $ AUD|AUD$ AUD|NZ$ NZD|HK$ HKD|S$ SGD|SGD$ SGD|R$ BRL|MX$ MXN|NT$ TWD|NT TWD|BZ$ BZD|CUC$ CUC|RD$ DOP|J$ JMD|MOP$ MOP|T$ TOP|TT$ TTD|$U UYU|G$ GYD|GY$ GYD|AR$ ARS|COL$ COP|CLP$ CLP|S/. PEN|S/ PEN|B/. PAB|$ ?$|＄ ?$|' +
    '€ EUR|euro EUR|euros EUR|Euro EUR|£ GBP|￡ GBP|stg GBP|¥ ?y|￥ ?y|円 JPY|yen JPY|人民币 CNY|yuan CNY|元 CNY|₩ KRW|원 KRW|₹ INR|Rs ?s|Rs. ?s|₨ ?s|रु ?s|₺ TRY|TL TRY|' +
    '₽ RUB|руб RUB|руб. RUB|рублей RUB|рубля RUB|р. RUB|Р RUB|грн UAH|грн. UAH|₴ UAH|hrn UAH|zł PLN|Zł PLN|zl PLN|Kč CZK|Ft HUF|lei RON|Lei RON|LEI RON|лв BGN|лв. BGN|kn HRK|' +
    'din RSD|Din RSD|дин RSD|Дин RSD|Dinara RSD|₪ ILS|nis ILS|ש״ח ILS|ש"ח ILS|ש\'ח ILS|ש.ח ILS|₫ VND|đ VND|VNĐ VND|Rp IDR|RM MYR|฿ THB|บาท THB|₱ PHP|KD KWD|د.ك KWD|BD BHD|.د.ب BHD|ر.س SAR|د.إ AED|' +
    'ج.م EGP|E£ EGP|ریال IRR|د.م MAD|ر.ق QAR|ر.ع OMR|د.ت TND|DT TND|د.أ JOD|د.ا JOD|ل.ل LBP|ل.س SYP|ع.د IQD|د.ع IQD|ل.د LYD|د.ل LYD|LD LYD|د.ج DZD|دج DZD|ج.س SDG|ج.س. SDG|ر.ي YER|ش.ص SOS|ش.ج ILS|دينار أردني JOD|دينار كويتي KWD|' +
    '؋ AFN|Lek ALL|֏ AMD|₼ AZN|৳ BDT|Nu. BTN|Nu BTN|KM BAM|км BAM|FBu BIF|Fbu BIF|៛ KHR|₡ CRC|Fdj DJF|Nfk ERN|ናቕፋ ERN|GH₵ GHS|₵ GHS|₭ LAK|MK MWK|Rf MVR|UM MRU|₮ MNT|₦ NGN|Db STN|TSh TZS|USh UGX|' +
    'VT VUV|Vt VUV|ZK ZMW|FG GNF|GFr GNF|KSh KES|KShs KES|ден MKD|ДЕН MKD|Ar MGA|MT MZN|FRw RWF|RF RWF|R₣ RWF|Ks MMK|SFr CHF|CHf CHF|Fr. ?f|fr. ?f|lari GEL|ლარი GEL|ლ GEL|so\'m UZS|тг KZT|₸ KZT|රු LKR|ብር ETB|' +
    'Q GTQ|q GTQ|kr ?k|Kr ?k|kr. ?k|R ?r|pln PLN'
  )
    .split('|')
    .map((entry) => {
      const at = entry.lastIndexOf(' ');
      return [entry.slice(0, at), entry.slice(at + 1)];
    }),
);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const SYMBOL_PATTERN = new RegExp(
  Object.keys(SYMBOLS)
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|'),
  'g',
);
const LETTER = /\p{L}/u;

/** Countries whose currency a shared symbol means, by symbol family. */
const FAMILIES: Record<string, Record<string, string>> = {
  $: { US: 'USD', CA: 'CAD', AU: 'AUD', NZ: 'NZD', SG: 'SGD', HK: 'HKD', MX: 'MXN', AR: 'ARS', CL: 'CLP', CO: 'COP', UY: 'UYU', TW: 'TWD', EC: 'USD', SV: 'USD', PR: 'USD', PA: 'USD', DO: 'DOP', JM: 'JMD', TT: 'TTD', BS: 'BSD', BB: 'BBD', BZ: 'BZD', FJ: 'FJD', NA: 'NAD', LR: 'LRD', GY: 'GYD', SR: 'SRD', BN: 'BND', KY: 'KYD', BM: 'BMD', CU: 'CUP', BR: 'BRL' },
  y: { JP: 'JPY', CN: 'CNY' },
  k: { SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK', FO: 'DKK', GL: 'DKK' },
  r: { ZA: 'ZAR' },
  s: { IN: 'INR', PK: 'PKR', LK: 'LKR', NP: 'NPR', MU: 'MUR', SC: 'SCR' },
  c: { CA: 'CAD', NI: 'NIO' },
  f: { CH: 'CHF', LI: 'CHF' },
};
/** The country a language alone suggests, for shared symbols only ("ja" reads "¥" as yen, "sv" reads "kr" as kronor). */
const LANGUAGE_COUNTRY: Record<string, string> = { ja: 'JP', zh: 'CN', sv: 'SE', nb: 'NO', nn: 'NO', no: 'NO', da: 'DK', is: 'IS', af: 'ZA' };
/** Country-code domains used as generic names: they say nothing about the shop's country. */
const GENERIC_CC = new Set(['co', 'me', 'tv', 'ai', 'fm', 'ly', 'gg', 'to', 'cc', 'ws', 'nu', 'app']);

function regionOf(locale: string | undefined): string | null {
  const region = locale?.split(/[-_]/)[1];
  return region && /^[a-z]{2}$/i.test(region) ? region.toUpperCase() : null;
}

/** The shop's country from its domain ("shop.com.ar" → AR), or null for generic domains. */
function countryOfHost(host: string): string | null {
  const tld = host.split('.').pop() ?? '';
  return tld.length === 2 && !GENERIC_CC.has(tld) ? (tld === 'uk' ? 'GB' : tld.toUpperCase()) : null;
}

/** The currency a shared symbol means on this page; null when the page says nothing that decides it. */
function sharedCurrency(family: string, hints: LocaleHints): string | null {
  const members = FAMILIES[family]!;
  const declared = normaliseCurrency(hints.pageCurrency);
  if (declared && Object.values(members).includes(declared)) return declared;
  const country = countryOfHost(hints.host ?? '') ?? regionOf(hints.lang) ?? regionOf(hints.path?.match(/\/([a-z]{2}[-_][a-z]{2})(?:\/|$)/i)?.[1]);
  if (country) return members[country] ?? null;
  const language = LANGUAGE_COUNTRY[(hints.lang ?? '').slice(0, 2).toLowerCase()];
  if (language) return members[language] ?? null;
  // "$" with nothing to say otherwise is the US dollar; "¥", "kr" and "R" stay unknown.
  return family === '$' ? 'USD' : null;
}

interface Mention {
  at: number;
  end: number;
  /** An ISO code, or "?x" for a shared symbol. */
  code: string;
}

/** Currency symbols, names and ISO codes in `text`, in order. */
function mentions(text: string): Mention[] {
  const found: Mention[] = [];
  const beside = (at: number, end: number) => /\d[\s.,:\-–—]{0,3}$/.test(text.slice(Math.max(0, at - 4), at)) || /^[\s:]{0,2}\d/.test(text.slice(end, end + 3));
  const alone = text.replace(/[\s.:*/()-]+/g, '').length <= 4;
  for (const match of text.matchAll(SYMBOL_PATTERN)) {
    const symbol = match[0];
    const at = match.index!;
    const end = at + symbol.length;
    const wordy = LETTER.test(symbol.charAt(0)) || LETTER.test(symbol.charAt(symbol.length - 1));
    if (wordy && (LETTER.test(text.charAt(at - 1)) || LETTER.test(text.charAt(end)))) continue;
    // Letter symbols ("KM", "Ar", "R") count beside a number or when they are all the text says.
    if (wordy && /^[\p{L}.]+$/u.test(symbol) && !beside(at, end) && !alone && symbol.length < 4) continue;
    found.push({ at, end, code: SYMBOLS[symbol]! });
  }
  for (const match of text.matchAll(/(?<!\p{L})([A-Z]{3}|[a-z]{3})(?!\p{L})/gu)) {
    const code = match[0].toUpperCase();
    const at = match.index!;
    const end = at + 3;
    const upper = match[0] === code;
    if (!ISO.has(code) || ((!upper || WORDLIKE.has(code)) && !beside(at, end) && !alone)) continue;
    found.push({ at, end, code });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The currency `list` names: the first unambiguous one, else the first shared symbol read with the locale. */
function currencyOf(list: Mention[], hints: LocaleHints): string | null {
  const exact = list.find((m) => !m.code.startsWith('?'));
  if (exact) return exact.code;
  const shared = list[0];
  return shared ? sharedCurrency(shared.code.slice(1), hints) : null;
}

/**
 * The currency a price text is written in, using the page's locale for shared symbols ("$", "¥", "kr").
 * Null when unsure: we never guess silently.
 */
export function currencyFromText(text: string, hints: LocaleHints): string | null {
  return currencyOf(mentions(text), hints) ?? (hints.currencyText ? currencyOf(mentions(hints.currencyText), hints) : null);
}

/** ISO 4217 code from a value that should be one ("usd", " EUR "); null otherwise. */
export function normaliseCurrency(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const code = value.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/**
 * A number as written on a page: integer groups with one separator (". , ' space"), then a decimal part
 * (also "12. 99", "35€99" and the "–"/"-" of whole amounts); stray leading dots (".75", "$..75") included.
 */
const NUMBER = /(?<![\d.,])[.,]*(?:\d{1,3}(?:([.,'’ \u00a0\u202f\u2009])\d{3}(?!\d)(?:\1\d{3}(?!\d))*)|\d+)(?:[.,]\s?(?:\d+|[-–—])|€\s?\d{2}(?!\d))?/g;
const PERCENT = /^\s*%/;
const DATE = /^\d{1,2}([./])\d{1,2}\1\d{4}(?!\d)/;
const RANGE = /^\s*(?:-|–|—|to|bis|à|a|al|до|~)\s*$/i;
/** Words that say the number after them is what is paid now (not the former price). */
const NOW = /(?<!\p{L})(?:now|jetzt|nur|only|sale|sale price|our price|you pay|today|maintenant|ahora|ora|nu|teraz)\s*:?\s*(?:\p{Sc}|[A-Z]{3})?\s*$/iu;
/** Words that say the number after them is a threshold, not a price ("free shipping on orders over $49"). */
const THRESHOLD = /(?:orders?|purchases?|spend|bestellungen|bestellwert|commandes?|pedidos?|ordini)\s*(?:of|over|above|from|ab|dès|de|über|sopra|desde)?\W*$/i;

/** Turns one written number into a decimal string ("1.299,00" → "1299.00"); null when it is not an amount. */
function toDecimal(raw: string, decimalSeparator?: string): string | null {
  let whole: string;
  let fraction = '';
  const euro = raw.indexOf('€');
  if (euro >= 0) {
    whole = raw.slice(0, euro);
    fraction = raw.slice(euro + 1);
  } else {
    // Whole amounts ("1.899,-", "105. –"), a space after the decimal mark ("119. 95"), group separators.
    let text = raw.replace(/[.,]\s?[-–—]$/, '').replace(/([.,])\s+/g, '$1').replace(/[\s'’\u00a0\u202f\u2009]/g, '');
    if (decimalSeparator === '.' || decimalSeparator === ',') text = text.split(decimalSeparator === '.' ? ',' : '.').join('');
    // Leading dots are a decimal mark only when no other separator follows (".75", but "$.750.30" is 750.30).
    const lead = text.match(/^[.,]+/)?.[0] ?? '';
    if (lead) text = /[.,]/.test(text.slice(lead.length)) ? text.slice(lead.length) : `0${text.charAt(lead.length - 1)}${text.slice(lead.length)}`;
    const seps = text.replace(/\d/g, '');
    const last = seps.charAt(seps.length - 1);
    let decimal = '';
    if (decimalSeparator === '.' || decimalSeparator === ',') decimal = seps ? decimalSeparator : '';
    else if (seps.length === 1) {
      // One "." or "," before exactly three digits groups thousands ("12,000", "129.900"), unless it follows a lone 0.
      decimal = text.length - text.indexOf(last) - 1 === 3 && !/^0[.,]/.test(text) ? '' : last;
    } else if (seps && seps.charAt(0) !== last) decimal = last;
    const at = decimal ? text.lastIndexOf(decimal) : -1;
    whole = at < 0 ? text : text.slice(0, at);
    fraction = at < 0 ? '' : text.slice(at + 1);
  }
  const digits = whole.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const cents = fraction.replace(/\D/g, '').replace(/0+$/, '');
  if (digits.length > 9 || !/\d/.test(whole + fraction)) return null;
  return `${digits || '0'}.${cents.padEnd(2, '0')}`;
}

interface Amount {
  at: number;
  end: number;
  value: string;
}

/** The numbers in `text` that may be amounts (not percentages, dates or order thresholds). */
function amounts(text: string, decimalSeparator?: string): Amount[] {
  const found: Amount[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const raw = match[0].replace(/[\s.,'’\u00a0\u202f\u2009]+$/, '');
    const at = match.index!;
    const end = at + match[0].length;
    if (PERCENT.test(text.slice(end)) || DATE.test(text.slice(at, at + 10)) || THRESHOLD.test(text.slice(Math.max(0, at - 30), at).replace(/[^\p{L}\s\d]/gu, ' ').trimEnd() + ' ')) continue;
    const value = toDecimal(raw, decimalSeparator);
    if (value !== null) found.push({ at, end, value });
  }
  return found;
}

/** True when only spaces, colons or dots separate `a` and `b` (a currency and its number). */
function besideEachOther(text: string, a: { at: number; end: number }, b: { at: number; end: number }): boolean {
  const gap = a.end <= b.at ? text.slice(a.end, b.at) : text.slice(b.end, a.at);
  return gap.length <= 3 && /^[\s:.\u00a0]*$/.test(gap);
}

/**
 * The amount a price text asks for: a number labelled "now"/"sale", else the first number beside a currency
 * (the lower end when it closes a range), else the first number.
 */
function chooseAmount(text: string, list: Amount[], currencies: Mention[]): Amount | null {
  const labelled = list.find((a) => Number(a.value) > 0 && NOW.test(text.slice(Math.max(0, a.at - 24), a.at)));
  if (labelled) return labelled;
  if (currencies.length) {
    const index = list.findIndex((a) => currencies.some((c) => besideEachOther(text, c, a)));
    if (index > 0) {
      const [before, chosen] = [list[index - 1]!, list[index]!];
      if (RANGE.test(text.slice(before.end, chosen.at).replace(/[^\p{L}\s\-–—~]/gu, '')) && Number(before.value) <= Number(chosen.value)) return before;
    }
    if (index >= 0) return list[index]!;
  }
  return list[0] ?? null;
}

/**
 * Normalises a price as written on a page or in markup ("1,299.00", "1.299,00", "12,50", 19.9, "$ 24") to a
 * decimal string with "." and at least two decimals ("1299.00", "12.50", "19.90", "24.00"); null when it is not a price.
 */
export function normalisePrice(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? toDecimal(String(value), '.') : null;
  if (typeof value !== 'string' || value.length > 400) return null;
  const list = amounts(value);
  return chooseAmount(value, list, mentions(value))?.value ?? null;
}

/** A price with its currency read from a text such as "$1,299.00" or "7,95 EUR"; null when it holds no price. */
export function parsePriceText(text: string, hints: LocaleHints): { price: string; currency: string | null } | null {
  if (text.length > 400) return null;
  const currencies = mentions(text);
  const chosen = chooseAmount(text, amounts(text, hints.decimalSeparator), currencies);
  const price = chosen?.value ?? (/^\W*(free|gratis|kostenlos|gratuit)\W*$/i.test(text) ? '0.00' : null);
  if (price === null) return null;
  const own = currencies.length ? currencyOf(chosen ? nearest(currencies, chosen) : currencies, hints) : null;
  return { price, currency: own ?? currencyFromText('', hints) };
}

/** The currency mentions that belong to `amount`: the one beside it when there is one, else all. */
function nearest(currencies: Mention[], amount: Amount): Mention[] {
  const exact = currencies.filter((c) => !c.code.startsWith('?'));
  const pool = exact.length ? exact : currencies;
  const sorted = [...pool].sort((a, b) => Math.min(Math.abs(a.end - amount.at), Math.abs(amount.end - a.at)) - Math.min(Math.abs(b.end - amount.at), Math.abs(amount.end - b.at)));
  return sorted.slice(0, 1);
}
