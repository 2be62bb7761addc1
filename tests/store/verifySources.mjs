// `npm run zip:verify`: does the sources zip rebuild the Firefox package on its own? Unzips the newest
// `.output/*-sources.zip` into a temporary folder, follows SOURCE-BUILD.md there (npm ci, npm run build:firefox)
// and compares every file of the result with the Firefox zip. Run `npm run zip` first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const output = join(root, '.output');
const newest = (suffix) => readdirSync(output).filter((f) => f.endsWith(suffix)).sort((a, b) => statSync(join(output, b)).mtimeMs - statSync(join(output, a)).mtimeMs)[0];
const sources = newest('-sources.zip');
const firefox = newest('-firefox.zip');
if (!sources || !firefox) {
  console.error('No sources or Firefox zip in .output: run `npm run zip` first.');
  process.exit(2);
}

function run(command, args, cwd) {
  console.log(`• ${command} ${args.join(' ')}  (in ${cwd})`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, SMARTCHECKOUT_BUILD: '' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function files(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

const work = mkdtempSync(join(tmpdir(), 'smartcheckout-sources-'));
try {
  run('unzip', ['-q', join(output, sources), '-d', join(work, 'src')], root);
  run('unzip', ['-q', join(output, firefox), '-d', join(work, 'submitted')], root);
  const src = join(work, 'src');
  if (!files(src).includes('SOURCE-BUILD.md')) throw new Error('SOURCE-BUILD.md is missing from the sources zip');
  run('npm', ['ci', '--no-audit', '--no-fund'], src);
  run('npm', ['run', 'build:firefox'], src);
  const built = join(src, '.output', 'firefox-mv3');
  const submitted = join(work, 'submitted');
  const differences = [];
  const names = new Set([...files(built), ...files(submitted)]);
  for (const name of names) {
    let a = null;
    let b = null;
    try {
      a = readFileSync(join(built, name));
    } catch {}
    try {
      b = readFileSync(join(submitted, name));
    } catch {}
    if (!a || !b || !a.equals(b)) differences.push(`${name}: ${!a ? 'not built' : !b ? 'not in the package' : 'differs'}`);
  }
  if (differences.length) {
    console.error(`The rebuilt extension differs from ${firefox}:\n  ${differences.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`• The sources zip rebuilds ${firefox} exactly (${names.size} files, built in ${relative(root, src) || src}).`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
