// Preselects the Creem product that matches the product detected on the page, by shared words.

const STOP_WORDS = new Set(['the', 'an', 'and', 'or', 'of', 'for', 'with', 'in', 'on', 'by', 'to']);

/** A score below this is no match: the seller picks the product. */
export const MATCH_THRESHOLD = 0.5;

/** Lower-case words without accents; "T-Shirt" and "men's" stay one word each. */
export function nameTokens(text: string): Set<string> {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\p{L})['’-](?=\p{L})/gu, '$1');
  return new Set(plain.split(/[^\p{L}\p{N}]+/u).filter((word) => (word.length > 1 || /\d/.test(word)) && !STOP_WORDS.has(word)));
}

/**
 * How well `detected` names `product`, 0 to 1: mostly how much of the product's name the page mentions
 * (the page adds variant words such as "Blue / M"), a little how much of the page's name is the product's.
 */
export function matchScore(product: string, detected: string): number {
  const productWords = nameTokens(product);
  const detectedWords = nameTokens(detected);
  if (!productWords.size || !detectedWords.size) return 0;
  let shared = 0;
  for (const word of productWords) if (detectedWords.has(word)) shared += 1;
  return 0.7 * (shared / productWords.size) + 0.3 * (shared / detectedWords.size);
}

/**
 * The product whose name best matches the detected name, or null when none reaches the threshold or two
 * match equally well (a guess between two would be worse than asking). Archived products never match.
 */
export function bestProductMatch<T extends { name: string; status?: string | null }>(products: readonly T[], detectedName: string): T | null {
  let best: T | null = null;
  let bestScore = 0;
  let tied = false;
  for (const product of products) {
    if (product.status === 'archived') continue;
    const score = matchScore(product.name, detectedName);
    if (score > bestScore + 1e-9) {
      best = product;
      bestScore = score;
      tied = false;
    } else if (best && Math.abs(score - bestScore) <= 1e-9) tied = true;
  }
  return best && bestScore >= MATCH_THRESHOLD && !tied ? best : null;
}
