// `npm test`: every check the project has, each build made once, with each step's time and the wall time at the end.
// Exits non-zero as soon as a step fails; the runners print their own summaries.
import { spawn } from 'node:child_process';

const started = Date.now();
const timings = [];

/** Seconds since `from`, one decimal. */
const seconds = (from) => ((Date.now() - from) / 1000).toFixed(1);

/** Runs `command` in a shell; resolves with its exit code. */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs the steps side by side; fails (and stops the suite) when any of them fails. */
async function step(...steps) {
  const from = Date.now();
  const codes = await Promise.all(steps.map(({ command }) => run(command)));
  const name = steps.map((s) => s.name).join(' + ');
  timings.push(`${name}: ${seconds(from)} s`);
  const failed = steps.filter((_, i) => codes[i] !== 0).map((s) => s.name);
  if (failed.length > 0) finish(`FAILED: ${failed.join(', ')}`, 1);
}

/** Prints each step's time, the verdict and the suite's wall time, then exits with `code`. */
function finish(verdict, code) {
  console.log(`\n${timings.join('\n')}\n${verdict}. Wall time: ${seconds(started)} s (${((Date.now() - started) / 60000).toFixed(1)} min)`);
  process.exit(code);
}

await step({ name: 'type check', command: 'npm run compile' });
await step({ name: 'unit tests', command: 'npm run test:unit' });
// Each build once: Chrome, the Firefox store build (linted, and read by the manifest tests), Firefox for the e2e tests
// and Chrome's e2e build (price watches: tests/e2e/watch.spec.ts).
await step({ name: 'builds', command: 'npm run build:test' });
// The linter reads the Firefox build while the browsers, mostly waiting on the sandbox, run the end-to-end tests.
await step({ name: 'Firefox lint', command: 'npm run lint:firefox:built' }, { name: 'end-to-end tests', command: 'npm run test:e2e:built' });
finish('All checks passed', 0);
