import { defineConfig } from 'vitest/config';

// End-to-end tests: Debian's Chromium driven by playwright-core against the production build
// served on 127.0.0.1 (test/e2e/global-setup.ts builds and serves it). Two files at a time: a browser
// test mostly waits (for the browser, animations, debounces), and each test has its
// own profile folder, server port and file names.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
