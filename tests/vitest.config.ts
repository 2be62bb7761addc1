import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: resolve(import.meta.dirname, '..'),
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // fakeBrowser has no i18n: every test reads the real English messages.json.
    setupFiles: ['tests/unit/support/i18n.ts'],
    restoreMocks: true,
    // A test that loads the whole background for the first time transforms it then: seconds on a busy 2-core machine.
    testTimeout: 15_000,
  },
});
