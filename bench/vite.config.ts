import { defineConfig } from 'vite';

// The benchmark page, built next to the app's own build (same origin) by scripts/bench.mjs.
export default defineConfig({
  root: 'bench/web',
  base: './',
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: {
    outDir: process.env.BENCH_WEB_OUT ?? '../../dist/bench/app/bench',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
  },
  logLevel: 'warn',
});
