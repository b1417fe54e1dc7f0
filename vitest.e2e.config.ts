import { defineConfig } from 'vitest/config';

// End-to-end tests: Debian's Chromium driven by playwright-core against the production build
// served on 127.0.0.1 (test/e2e/global-setup.ts builds and serves it). One file at a time: 2 cores.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
