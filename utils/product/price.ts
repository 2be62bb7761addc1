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

/** ISO 4217 codes (and a few withdrawn ones old pages still show), grouped by first letter. */
// Tables are built in pure calls, so bundles that only import the parser's types or nothing of it leave them out.
const ISO = /* @__PURE__ */ (() =>
  new Set(
    'AEDFNLLMDNGOARSTSUDWGZN BAMBDDTEFGNHDIFMDNDOBRLSDTNWPYNZD CADDFHFLPNYOPRCUCUPVEZK DEMJFKKOPZD EEKGPRNSPTBUR FIMJDKPRF GBPELHSIPMDNFRDTQYD HKDNLRKTGUF IDREPLSNRQDRRSKTL JMDODPY KESGSHRMFPWRWWDYDZT LAKBPKRRDSLTLVLYD MADDLGAKDMKNTOPRUURVRWKXNYRZN NADGNIOLGOKPRZD OMR PABENGKHPKRLNTEYG QAR RONSDUBWF SARBDCRDGEKGDHPKKLELLOSRDSPTNVCYPZL THBJSMTNDOPRYTDWDZS UAHGXSDYUZS VESNDUV WST XAFCDOFPF YER ZARMWWL'
      .split(' ')
      .flatMap((group) => group.slice(1).match(/../g)!.map((rest) => group.charAt(0) + rest)),
  ))();

/**
 * Symbols and local names → ISO code; "?x" marks a shared symbol read with the locale ("$" dollar, "y" yen,
 * "k" krona, "r" rand, "s" rupee, "f" franc). Matched case-insensitively; letter symbols count only beside a
 * number or alone, so "KM" in a description is not a currency.
 */
const SYMBOLS = /* @__PURE__ */ (() =>
  new Map(
    "US$ USD|U$S USD|CA$ CAD|CAN$ CAD|CAD$ CAD|C$ ?$|A$ AUD|AU$ AUD|NZ$ NZD|HK$ HKD|S$ SGD|R$ BRL|MX$ MXN|NT$ TWD|NT TWD|AR$ ARS|BZ$ BZD|CUC$ CUC|RD$ DOP|J$ JMD|MOP$ MOP|T$ TOP|TT$ TTD|$U UYU|G$ GYD|GY$ GYD|S/. PEN|S/ PEN|B/. PAB|$ ?$|dollar ?$|peso ?$|€ EUR|euro EUR|£ GBP|￡ GBP|stg GBP|¥ ?y|￥ ?y|円 JPY|yen JPY|元 CNY|yuan CNY|人民币 CNY|₩ KRW|원 KRW|₹ INR|Rs ?s|₨ ?s|₺ TRY|TL TRY|₽ RUB|руб RUB|р. RUB|Р RUB|грн UAH|₴ UAH|hrn UAH|zł PLN|Zł PLN|zl PLN|Kč CZK|Ft HUF|lei RON|лв BGN|kn HRK|dinar RSD|дин RSD|₪ ILS|nis ILS|₫ VND|đ VND|VNĐ VND|Rp IDR|RM MYR|฿ THB|บาท THB|₱ PHP|KD KWD|BD BHD|ر.س SAR|د.إ AED|ریال IRR|E£ EGP|DT TND|LD LYD|؋ AFN|Lek ALL|֏ AMD|₼ AZN|৳ BDT|Nu. BTN|Nu BTN|KM BAM|км BAM|FBu BIF|៛ KHR|₡ CRC|Fdj DJF|Nfk ERN|GH₵ GHS|₵ GHS|₭ LAK|MK MWK|Rf MVR|UM MRU|₮ MNT|₦ NGN|Db STN|TSh TZS|USh UGX|VT VUV|Vt VUV|ZK ZMW|FG GNF|GFr GNF|KSh KES|KShs KES|ден MKD|Ar MGA|MT MZN|FRw RWF|RF RWF|R₣ RWF|Ks MMK|SFr CHF|Fr. ?f|lari GEL|ლარი GEL|so'm UZS|тг KZT|₸ KZT|Q GTQ|q GTQ|kr ?k|Kr ?k|kr. ?k|R ?r"
      .split('|')
      .flatMap((entry) => {
        const [symbol, code] = entry.split(' ') as [string, string];
        // Names of three letters or more are also read in other cases ("LEI", "EURO"); short ones only as written.
        return (symbol.length > 2 ? [[symbol, code], [symbol.toLowerCase(), code]] : [[symbol, code]]) as [string, string][];
      }),
  ))();

/**
 * Countries whose currency a shared symbol means, by symbol family: the family's letter, then currency codes, each
 * meaning the country its first two letters name ("CAD": Canada), or a country code before the currency ("ECUSD").
 */
const FAMILIES: Record<string, Record<string, string>> = /* @__PURE__ */ (() =>
  Object.fromEntries(
    '$USD CAD AUD NZD SGD HKD MXN ARS CLP COP UYU TWD ECUSD PRUSD BRL|yJPY CNY|kSEK NOK DKK ISK|rZAR|sINR PKR LKR|fCHF'
      .split('|')
      .map((family) => [family.charAt(0), Object.fromEntries(family.slice(1).split(' ').map((code) => [code.slice(0, 2), code.slice(-3)]))]),
  ))();
/** The country a language alone suggests, for shared symbols only ("ja" reads "¥" as yen, "sv" reads "kr" as kronor). */
const LANGUAGE_COUNTRY: Record<string, string> = { ja: 'JP', zh: 'CN', sv: 'SE', nb: 'NO', nn: 'NO', no: 'NO', da: 'DK', is: 'IS' };
/** Country-code domains used as generic names: they say nothing about the shop's country. */
const GENERIC_CC = /^(co|me|tv|ai|fm|ly|gg|to|cc)$/;

const regionOf = (locale: string | undefined) => locale?.match(/^[a-z]{2,3}[-_]([a-z]{2})\b/i)?.[1]!.toUpperCase() ?? null;

/** The currency a shared symbol means on this page; null when the page says nothing that decides it. */
function sharedCurrency(family: string, hints: LocaleHints): string | null {
  const members = FAMILIES[family]!;
  const declared = normaliseCurrency(hints.pageCurrency);
  if (declared && Object.values(members).includes(declared)) return declared;
  const tld = hints.host.split('.').pop() ?? '';
  const country = (tld.length === 2 && !GENERIC_CC.test(tld) ? tld.toUpperCase() : null) ?? regionOf(hints.lang) ?? regionOf(hints.path?.match(/\/([a-z]{2}[-_][a-z]{2})(?:\/|$)/i)?.[1]) ?? LANGUAGE_COUNTRY[hints.lang.slice(0, 2).toLowerCase()];
  // "$" with nothing to say otherwise is the US dollar; "¥", "kr" and "R" stay unknown.
  return country ? members[country] ?? null : family === '$' ? 'USD' : null;
}

interface Span {
  at: number;
  end: number;
}
/** A currency in a text: an ISO code, or "?x" for a shared symbol. */
type Mention = Span & { code: string };

const LETTER = /\p{L}/u;

/** The currency a word names: as written, in small letters, without trailing dots, or by its start ("рублей", "euros"). */
function symbolCode(word: string): string | undefined {
  const lower = word.toLowerCase();
  const bare = word.replace(/[.–—-]+$/, '');
  let code = SYMBOLS.get(word) ?? SYMBOLS.get(bare) ?? (word.length > 2 ? SYMBOLS.get(lower) ?? SYMBOLS.get(bare.toLowerCase()) : undefined);
  for (let end = lower.length - 1; !code && end > 2; end -= 1) code = SYMBOLS.get(lower.slice(0, end));
  return code ?? (/^([A-Z]{3}|[a-z]{3})$/.test(word) && ISO.has(word.toUpperCase()) ? word.toUpperCase() : undefined);
}

/**
 * Currency symbols, names and ISO codes in `text`, in order: each word between digits and spaces ("US$", "руб.",
 * "€HT") is looked up whole, else in pieces split at currency signs and slashes ("SGD$" → "SGD", "$").
 */
function mentions(text: string): Mention[] {
  const found: Mention[] = [];
  const beside = (at: number, end: number) => /\d[\s.,:–—-]{0,3}$/.test(text.slice(Math.max(0, at - 4), at)) || /^[\s:]{0,2}\d/.test(text.slice(end, end + 3));
  const alone = text.replace(/[\s.:*/()-]+/g, '').length < 5;
  for (const match of text.matchAll(/[^\s\d()*,:;!?+'’"]+/g)) {
    let at = match.index!;
    for (const part of symbolCode(match[0]) ? [match[0]] : match[0].split(/(?<=[\p{Sc}/])|(?=[\p{Sc}/])/u)) {
      const code = symbolCode(part);
      const end = at + part.length;
      // Letter symbols ("KM", "Ar", "R") and small-letter codes count beside a number or when they are all the text says.
      const wordy = LETTER.test(part) && !(/^[A-Z]{3}$/.test(part) && part === code && !/^(ALL|TOP|CUP|MOP|PEN|SOS|BOB|GEL|MAD)$/.test(part));
      if (code && (!wordy || beside(at, end) || alone)) found.push({ at, end, code });
      at = end;
    }
  }
  return found;
}

/** The currency `list` names: the first unambiguous one, else the first shared symbol read with the locale. */
function currencyOf(list: Mention[], hints: LocaleHints): string | null {
  const exact = list.find((m) => m.code.charAt(0) !== '?');
  return exact ? exact.code : list[0] ? sharedCurrency(list[0].code.charAt(1), hints) : null;
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
const NUMBER = /(?<![\d.,])[.,]*(?:\d{1,3}([.,'’ \u00a0\u202f\u2009])\d{3}(?!\d)(?:\1\d{3}(?!\d))*|\d+)(?:[.,]\s?(?:\d+|[–—-])|€\s?\d\d(?!\d))?/g;
/** Words that say the number after them is what is paid now (not the former price). */
const NOW = /(?<!\p{L})(?:now|jetzt|nur|only|sale|our price|you pay|today|ahora|teraz)\s*:?\s*(?:\p{Sc}|[A-Z]{3})?\s*$/iu;

/** Turns one written number into a decimal string ("1.299,00" → "1299.00"); null when it is not an amount. */
function toDecimal(raw: string, separator?: string): string | null {
  // Whole amounts ("1.899,-", "105. –"), a space after the decimal mark ("119. 95"), group separators.
  let text = raw.replace(/[.,]\s?[–—-]$/, '').replace(/([.,€])\s+/g, '$1').replace(/[\s'’\u00a0\u202f\u2009]/g, '');
  const given = separator === '.' || separator === ',';
  if (given) text = text.split(separator === '.' ? ',' : '.').join('');
  // Leading dots are a decimal mark only when no other separator follows (".75", but "$.750.30" is 750.30).
  const lead = text.match(/^[.,]+/)?.[0].length ?? 0;
  if (lead) text = /[.,]/.test(text.slice(lead)) ? text.slice(lead) : `0${text.slice(lead - 1)}`;
  const seps = text.replace(/\d/g, '');
  const last = seps.slice(-1);
  // One "." or "," before exactly three digits groups thousands ("12,000", "129.900"), unless after a lone 0;
  // several of one kind group thousands; of two kinds, the last is the decimal mark; "€" between is one too.
  const decimal = last === '€' || (given && seps) ? last : seps.length === 1 ? (text.length - text.indexOf(last) === 4 && !/^0[.,]/.test(text) ? '' : last) : seps.charAt(0) !== last ? last : '';
  const at = decimal ? text.lastIndexOf(decimal) : text.length;
  const whole = text.slice(0, at).replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const cents = text.slice(at + 1).replace(/\D/g, '').replace(/0+$/, '');
  return whole.length > 9 || !/\d/.test(text) ? null : `${whole || '0'}.${cents.padEnd(2, '0')}`;
}

type Amount = Span & { value: string };

/** The numbers in `text` that may be amounts. */
function amounts(text: string, separator?: string): Amount[] {
  const found: Amount[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const at = match.index!;
    const end = at + match[0].length;
    // Not percentages ("40% OFF") or dates ("15.08.2017").
    if (/^\s*%/.test(text.slice(end)) || /^\d\d?([./])\d\d?\1\d{4}/.test(text.slice(at, at + 10))) continue;
    const value = toDecimal(match[0].replace(/[\s.,'’\u00a0\u202f\u2009]+$/, ''), separator);
    if (value) found.push({ at, end, value });
  }
  return found;
}

/** True when only spaces, colons or dots separate a currency and a number. */
const besideEachOther = (text: string, a: Span, b: Span) => /^[\s:.\u00a0]{0,3}$/.test(a.end <= b.at ? text.slice(a.end, b.at) : text.slice(b.end, a.at));

/**
 * The amount a price text asks for: a number labelled "now"/"sale", else the first number beside a currency
 * (the lower end when it closes a range), else the first number.
 */
function chooseAmount(text: string, list: Amount[], currencies: Mention[]): Amount | null {
  const labelled = list.find((a) => +a.value > 0 && NOW.test(text.slice(Math.max(0, a.at - 24), a.at)));
  if (labelled) return labelled;
  const index = list.findIndex((a) => currencies.some((c) => besideEachOther(text, c, a)));
  const before = list[index - 1];
  if (before && /^\W*(?:-|–|—|to|bis|à|a|al|до|~)\W*$/i.test(text.slice(before.end, list[index]!.at)) && +before.value <= +list[index]!.value) return before;
  return list[Math.max(0, index)] ?? null;
}

/**
 * Normalises a price as written on a page or in markup ("1,299.00", "1.299,00", "12,50", 19.9, "$ 24") to a
 * decimal string with "." and at least two decimals ("1299.00", "12.50", "19.90", "24.00"); null when it is not a price.
 */
export function normalisePrice(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? toDecimal(String(value), '.') : null;
  return typeof value === 'string' && value.length < 400 ? (chooseAmount(value, amounts(value), mentions(value))?.value ?? null) : null;
}

/** A price with its currency read from a text such as "$1,299.00" or "7,95 EUR"; null when it holds no price. */
export function parsePriceText(text: string, hints: LocaleHints): { price: string; currency: string | null } | null {
  if (text.length > 400) return null;
  const currencies = mentions(text);
  const chosen = chooseAmount(text, amounts(text, hints.decimalSeparator), currencies);
  const price = chosen?.value ?? (/^\W*(free|gratis|kostenlos|gratuit)\W*$/i.test(text) ? '0.00' : null);
  if (!price) return null;
  // The currency beside the amount when there is one ("AED 8000 (USD 2179)"), else the text's, else the hint's.
  const own = chosen && currencies.find((c) => c.code.charAt(0) !== '?' && besideEachOther(text, c, chosen));
  return { price, currency: own ? own.code : currencyFromText(text, hints) };
}
