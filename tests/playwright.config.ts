import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  outputDir: '../test-results',
  // Generous: a test that waits for a purchase to complete takes 20–45 s on an idle 2-core machine, twice that on a busy one.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Each test starts its own browser with the extension; two cores run two at a time comfortably.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: true,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  // A trace records every action of every test and slows the whole run by about a fifth: kept for local runs,
  // where a failure's trace can be opened; CI keeps the failure's screenshots and log.
  use: { trace: process.env.CI ? 'off' : 'retain-on-failure', screenshot: 'only-on-failure' },
});
