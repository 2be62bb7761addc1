import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  outputDir: '../test-results',
  // Generous: a test that waits for a purchase to complete takes 20–45 s on an idle 2-core machine, twice that on a busy one.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Most tests share one browser per worker and spend their time waiting on the sandbox's timers, not on the CPU:
  // three run side by side on two cores (`--workers` overrides this).
  workers: process.env.CI ? 3 : undefined,
  fullyParallel: true,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  // A trace records every action of every test and slows the whole run by about a fifth: kept for local runs,
  // where a failure's trace can be opened; CI keeps the failure's screenshots and log.
  use: { trace: process.env.CI ? 'off' : 'retain-on-failure', screenshot: 'only-on-failure' },
});
