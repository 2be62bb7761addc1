// Accuracy of the project's price parser (`utils/product/price.ts`) on a table of real price texts
// (`price-strings.json` of the corpus). Each example is right when the amount equals the expected one as a
// number (both null when no price is expected) and, where the table maps the currency to one ISO code (`iso`),
// the parser names that code. The text that may name the currency (`currency_hint`) and the decimal separator
// the example declares are passed as hints, as the table's conventions describe.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';

/**
 * Imports a TypeScript module of the project through esbuild, which the build tools already bring: the file at `path`,
 * or `contents` written beside it (to export names of several modules).
 */
export async function loadModule(root, path, contents) {
  const entry = contents ? { stdin: { contents, resolveDir: dirname(join(root, path)), loader: 'ts' } } : { entryPoints: [join(root, path)] };
  const result = await build({ ...entry, bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** Imports `utils/product/price.ts`. */
export const loadPriceParser = (root) => loadModule(root, 'utils/product/price.ts');

/** { correct, total, percent, misses } of `parser` on the examples of a price-strings table. */
export function scorePriceStrings(table, parser) {
  const misses = [];
  let correct = 0;
  for (const example of table.examples) {
    const hints = { host: '', lang: '', currencyText: example.currency_hint ?? undefined, decimalSeparator: example.decimal_separator ?? undefined };
    const text = example.text ?? '';
    const parsed = parser.parsePriceText(text, hints);
    const currency = parsed?.currency ?? parser.currencyFromText(text, hints);
    const amountOk = example.amount === null ? !parsed : !!parsed && Number(parsed.price) === Number(example.amount);
    const currencyOk = !example.iso || currency === example.iso;
    if (amountOk && currencyOk) correct += 1;
    else misses.push({ text: example.text, hint: example.currency_hint, expected: [example.amount, example.iso], got: [parsed?.price ?? null, currency], xfail: example.xfail });
  }
  const total = table.examples.length;
  return { correct, total, percent: total ? (100 * correct) / total : 100, misses };
}
