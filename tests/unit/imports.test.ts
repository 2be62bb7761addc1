import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Floors of the house, top first: a file may import from its own floor or below, never from above.
 * A new folder under `utils/` has to be given its floor here.
 */
const FLOORS: string[][] = [
  ['entrypoints'],
  ['components'],
  ['utils/messages', 'utils/background'],
  ['utils/popup'],
  ['utils/watch'],
  ['utils/checkouts'],
  ['utils/cart'],
  ['utils/settings'],
  ['utils/services'],
  ['utils/money'],
  ['utils/product', 'utils/profiles'],
  ['utils/shared', 'utils/storage'],
];

/** Every product source file, as a path relative to the root. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The product files each file imports (relative imports, type-only ones included). */
function importGraph(): Map<string, string[]> {
  const files = ['utils', 'entrypoints', 'components'].flatMap(sourceFiles);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
    const targets = specs
      .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)))
      .map((base) => [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => known.has(candidate)))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Groups of files that import each other, directly or round about (Tarjan's strongly connected components). */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) visit(next);
      if (stack.includes(next)) low.set(file, Math.min(low.get(file)!, low.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group = stack.splice(stack.indexOf(file));
    if (group.length > 1) found.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

/** The floor of a file (0 is the top), or -1 when its folder has none. */
function floorOf(file: string): number {
  return FLOORS.findIndex((floor) => floor.some((folder) => file.startsWith(`${folder}/`)));
}

describe('the import structure', () => {
  const graph = importGraph();

  it('has no import circle', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(circles(graph)).toEqual([]);
  });

  it('gives every product file a floor', () => {
    expect([...graph.keys()].filter((file) => floorOf(file) === -1)).toEqual([]);
  });

  it('only imports downhill (its own floor or below)', () => {
    const upward = [...graph].flatMap(([file, targets]) => targets.filter((target) => floorOf(target) < floorOf(file)).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });

  it('keeps every product file under 300 lines', () => {
    const long = [...graph.keys()].filter((file) => readFileSync(join(ROOT, file), 'utf8').split('\n').length > 300);
    expect(long).toEqual([]);
  });
});
