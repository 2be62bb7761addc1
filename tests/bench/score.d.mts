type Scores = { name: boolean; price: boolean; currency: boolean; url: boolean; variant: boolean | null; sku: boolean | null; gtin: boolean | null; brand: boolean | null };
export function comparableUrl(value: unknown): string | null;
export function expectedSkus(entry: unknown): string[];
export function score(entry: unknown, result: unknown): Scores;
export function summarise(scores: Scores[]): Record<'name' | 'price' | 'currency' | 'url' | 'variant' | 'sku' | 'gtin' | 'brand', number> & { counts: Record<'variant' | 'sku' | 'gtin' | 'brand', number> };
export const SKU_SOURCES: Record<'agreed' | 'structured' | 'visible' | 'labelled' | 'url' | 'none', string>;
export function skuSourceBreakdown(rows: { source: string | null | undefined; sku: boolean | null }[]): { kind: string; label: string; pages: number; scored: number; correct: number }[];
