// Bundles the main process and the preload into dist-electron/ as CommonJS (a sandboxed preload
// must be one CommonJS file that only requires `electron`).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('已构建 dist-electron/main.cjs 与 preload.cjs');
