import { brandOf, gtinOf } from '../identifiers';
import { type LocaleHints, normaliseCurrency, normalisePrice, parsePriceText } from '../price';
import type { PlatformFacts, PlatformProduct } from './types';

/** The product a platform's facts describe: prices parsed with the page's locale, identifiers checked. */
export function readPlatform(facts: PlatformFacts | null, hints: LocaleHints): PlatformProduct | null {
  if (!facts) return null;
  const parsed = facts.priceText ? parsePriceText(facts.priceText, hints) : null;
  return {
    platform: facts.platform,
    name: facts.name,
    image: facts.image,
    price: facts.price ?? parsed?.price ?? normalisePrice(facts.amount),
    currency: parsed?.currency ?? normaliseCurrency(facts.currency),
    sku: facts.sku,
    gtin: gtinOf(facts.gtin),
    brand: brandOf(facts.brand),
    variantId: facts.variantId,
    selected: Object.fromEntries(facts.selected),
  };
}
