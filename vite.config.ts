import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// The renderer is built into dist/renderer with relative URLs, so the same build is served from
// app://desk/ in Electron and from http://127.0.0.1:PORT/ by `npm run web`.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // The largest chunk is ECharts (~550 kB), loaded only when 年度报告 opens; what the first screen loads
    // is measured by npm run bench (cold start: its script size and time against React + antd alone).
    chunkSizeWarningLimit: 600,
  },
  server: { host: '127.0.0.1' },
});
