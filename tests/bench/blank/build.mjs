// Builds the blank React popup (tests/bench/blank) as an unpacked extension: same React, production build.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

/** Builds the yardstick extension into a new temporary folder and returns its path. */
export async function buildBlankPopup() {
  const outDir = mkdtempSync(join(tmpdir(), 'smartcheckout-blank-'));
  await build({
    root: import.meta.dirname,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: join(import.meta.dirname, 'popup.html') } },
  });
  return outDir;
}
