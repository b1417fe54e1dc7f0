// npm run demo -- [--members N] [--as-of YYYY-MM-DD] [--out file.json]
// Writes the generated demo dataset (shared/demo/generate.ts) as JSON, e.g. 10,000 members for benchmarks.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const members = Number(arg('members', '300'));
if (!Number.isInteger(members) || members < 1 || members > 100_000) {
  console.error('--members 应为 1 到 100000 之间的整数');
  process.exit(2);
}
const d = new Date();
const asOf = arg(
  'as-of',
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
);
const out = path.resolve(arg('out', `demo-${members}.json`));

const bundle = path.join(root, '.tmp', 'demo-generate.mjs');
mkdirSync(path.dirname(bundle), { recursive: true });
await build({
  entryPoints: [path.join(root, 'shared/demo/generate.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: bundle,
  logLevel: 'warning',
});
const { generateDemo } = await import(pathToFileURL(bundle).href);
const t0 = performance.now();
const ds = generateDemo({ members, asOf });
writeFileSync(out, JSON.stringify(ds));
console.log(
  `已生成 ${ds.members.length} 家会员单位、${ds.meetings.length} 次会议、${ds.payments.length} 笔缴费（${Math.round(performance.now() - t0)} ms）→ ${out}`,
);
