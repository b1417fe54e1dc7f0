// Helpers for the project's scripts. Node built-ins only: these run before `npm ci` on a fresh machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    cwd: root,
    ...opts,
    env: { ...process.env, ...(opts.env ?? {}) },
  });
  if (r.status !== 0) {
    console.error(`命令失败：${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

/** Installs npm packages when node_modules is missing or older than the lockfile. Electron's
 * runtime download is skipped (it reaches GitHub, which this network cannot). */
export function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const fresh =
    existsSync(marker) &&
    readFileSync(marker, 'utf8').length > 0 &&
    (!existsSync(lock) || JSON.parse(readFileSync(lock, 'utf8')).lockfileVersion);
  if (fresh && existsSync(path.join(root, 'node_modules', 'vite'))) return;
  console.log('正在安装依赖（npm ci，跳过 Electron 运行时下载）…');
  run('npm', ['ci', '--no-audit', '--no-fund'], { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
}

export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

export function parsePort(argv, fallback) {
  const i = argv.indexOf('--port');
  const v =
    i >= 0 ? Number(argv[i + 1]) : Number((argv.find((a) => a.startsWith('--port=')) ?? '').split('=')[1]);
  return Number.isInteger(v) && v > 0 && v < 65536 ? v : fallback;
}
