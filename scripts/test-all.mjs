// npm test: the whole suite, on a fresh machine too. Installs packages if needed, then:
// typecheck, lint, unit tests (node + DOM), the production build, end-to-end tests in Chromium,
// and electronegativity over electron/; each step prints its time.
import { ensureInstalled, run } from './lib.mjs';

ensureInstalled();
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} 秒`;
const step = (title, cmd, args, env) => {
  console.log(`\n=== ${title} ===`);
  const t = Date.now();
  run(cmd, args, env ? { env } : {});
  console.log(`--- ${title}：${seconds(t)}`);
};

step('类型检查 typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('代码检查 lint', 'npx', ['eslint', '.']);
step('单元测试 unit (node + dom)', 'npx', ['vitest', 'run']);
step('构建 build', 'npm', ['run', 'build']);
step('端到端测试 e2e (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], {
  E2E_SKIP_BUILD: '1',
});
step('Electron 安全检查 electronegativity', 'node', ['scripts/electronegativity.mjs']);
console.log(`\n全部测试通过（${seconds(started)}）。`);
