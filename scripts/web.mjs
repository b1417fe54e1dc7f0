// npm run web [-- --port N]: builds the renderer if needed and serves the production build on 127.0.0.1.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureInstalled, parsePort, root, run } from './lib.mjs';
import { serveDir } from './serve.mjs';

ensureInstalled();
const dist = path.join(root, 'dist', 'renderer');
if (!existsSync(path.join(dist, 'index.html')) || process.argv.includes('--rebuild'))
  run('npx', ['vite', 'build']);
const port = parsePort(process.argv, 5178);
const server = await serveDir(dist, port);
const addr = server.address();
console.log(`秘书处工作台（浏览器版）已在 http://127.0.0.1:${addr.port}/ 提供服务。按 Ctrl+C 停止。`);
