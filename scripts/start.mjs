// npm start: launches the desktop app.
// 1. installs packages if needed and builds; 2. starts Electron when its runtime is present (after
// trying to fetch it on a machine that can); 3. otherwise serves the build on 127.0.0.1 and opens it
// in the system's Chromium in app mode — and says so plainly. It never claims Electron ran when it did not.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ensureInstalled, findChromium, parsePort, root, run } from './lib.mjs';
import { serveDir } from './serve.mjs';

ensureInstalled();
run('npm', ['run', 'build']);

function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

let bin = electronBinary();
if (!bin && !process.argv.includes('--no-fetch')) {
  console.log('未找到 Electron 运行时，尝试下载（最多 90 秒）…');
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'inherit',
    timeout: 90_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  bin = electronBinary();
}

if (bin) {
  console.log('正在启动 Electron 桌面应用…');
  const child = spawn(bin, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('注意：本机没有 Electron 运行时（且无法下载），这次不是以 Electron 运行。');
  const port = parsePort(process.argv, 5178);
  const server = await serveDir(path.join(root, 'dist', 'renderer'), port);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const chromium = findChromium();
  if (!chromium) {
    console.log(`也未找到 Chromium：请用浏览器打开 ${url}（数据保存在该浏览器中）。按 Ctrl+C 停止。`);
  } else {
    // A fixed profile folder: the browser-mode data lives in this profile's IndexedDB for this origin.
    const profile = path.join(os.homedir(), '.config', 'secretariat-desk-browser');
    mkdirSync(profile, { recursive: true });
    console.log(`改为在本机 Chromium 中以应用模式打开 ${url}（浏览器版，数据保存在 ${profile}）。`);
    const args = [
      `--app=${url}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ];
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const child = spawn(chromium, args, { stdio: 'ignore' });
    child.on('exit', () => {
      server.close();
      process.exit(0);
    });
  }
}
