import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The benchmark pages, built next to the app's own build (same origin) by scripts/bench.mjs: index.html
// (window.deskBench: seeding and the in-page benchmarks) and blank.html (React and antd only, the
// cold-start reference of scripts/bench/desks.mjs).
export default defineConfig({
  root: 'bench/web',
  base: './',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: {
    outDir: process.env.BENCH_WEB_OUT ?? '../../dist/bench/app/bench',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./web/index.html', import.meta.url)),
        blank: fileURLToPath(new URL('./web/blank.html', import.meta.url)),
      },
    },
  },
  logLevel: 'warn',
});
