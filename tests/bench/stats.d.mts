export function percentile(values: number[], p: number): number;
export function median(values: number[]): number;
export function seededRandom(seed: number): () => number;
export function alarmsOnlyDelay(startedAt: number, completedAt: number, periodMs: number): number;
