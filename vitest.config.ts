import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit tests: `node` for shared/ and electron/ (electron is mocked), `dom` for React components.
// End-to-end tests have their own config (vitest.e2e.config.ts) because they need a build.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/dom/**/*.test.{ts,tsx}'],
          setupFiles: ['test/dom/setup.ts'],
        },
      },
    ],
  },
});
