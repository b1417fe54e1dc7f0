// Bundles the main process and the preload into dist-electron/ as CommonJS (a sandboxed preload
// must be one CommonJS file that only requires `electron`), and writes THIRD-PARTY-NOTICES.txt (the
// licence of every runtime dependency) into dist-electron/, which electron-builder ships.
// The options are exported so test/unit/electron/preload-bundle.test.ts builds exactly this preload.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
};
export const MAIN_BUILD = { ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' };
export const PRELOAD_BUILD = {
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await build(MAIN_BUILD);
  await build(PRELOAD_BUILD);
  const { writeThirdPartyNotices } = await import('./third-party-notices.mjs');
  const notices = writeThirdPartyNotices('dist-electron/THIRD-PARTY-NOTICES.txt');
  console.log(`已构建 dist-electron/main.cjs 与 preload.cjs；第三方许可声明 ${notices.count} 个软件包`);
}
