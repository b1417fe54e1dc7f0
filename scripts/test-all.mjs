// npm test: the whole suite, on a fresh machine too. Installs packages if needed, then:
// typecheck and lint (side by side: each keeps one core busy), unit tests (node + DOM), the production
// build, end-to-end tests in Chromium, and electronegativity over electron/.
import { spawn } from 'node:child_process';
import { ensureInstalled, root, run } from './lib.mjs';

ensureInstalled();
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} 秒`;
const step = (title, cmd, args, env) => {
  console.log(`\n=== ${title} ===`);
  const t = Date.now();
  run(cmd, args, env ? { env } : {});
  console.log(`--- ${title}：${seconds(t)}`);
};

/** Runs commands at once; each one's output is printed whole when it ends (not interleaved). */
async function together(steps) {
  const t = Date.now();
  const results = await Promise.all(
    steps.map(
      ([title, cmd, args]) =>
        new Promise((resolve) => {
          const child = spawn(cmd, args, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
          const out = [];
          child.stdout.on('data', (d) => out.push(d));
          child.stderr.on('data', (d) => out.push(d));
          child.on('error', (e) => resolve({ title, cmd, args, code: 1, out: [Buffer.from(String(e))] }));
          child.on('close', (code) => resolve({ title, cmd, args, code, out }));
        }),
    ),
  );
  for (const r of results) {
    console.log(`\n=== ${r.title} ===`);
    process.stdout.write(Buffer.concat(r.out));
  }
  console.log(`--- ${results.map((r) => r.title).join('、')}：${seconds(t)}`);
  const failed = results.find((r) => r.code !== 0);
  if (failed) {
    console.error(`命令失败：${failed.cmd} ${failed.args.join(' ')}`);
    process.exit(failed.code ?? 1);
  }
}

await together([
  ['类型检查 typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['代码检查 lint', 'npx', ['eslint', '.']],
]);
step('单元测试 unit (node + dom)', 'npx', ['vitest', 'run']);
step('构建 build', 'npm', ['run', 'build']);
step('端到端测试 e2e (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], {
  E2E_SKIP_BUILD: '1',
});
step('Electron 安全检查 electronegativity', 'node', ['scripts/electronegativity.mjs']);
console.log(`\n全部测试通过（${seconds(started)}）。`);
