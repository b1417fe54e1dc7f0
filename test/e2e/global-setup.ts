import type { TestProject } from 'vitest/node';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serveDir } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  // E2E_DIST_DIR lets several builds coexist (e.g. parallel work); default: the normal build folder.
  const dist = path.resolve(process.env.E2E_DIST_DIR ?? 'dist/renderer');
  if (!process.env.E2E_SKIP_BUILD || !existsSync(path.join(dist, 'index.html'))) {
    // NODE_ENV=production: vitest sets 'test', which would make antd give every dialog the same id.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const server = await serveDir(dist, 0);
  project.provide('baseURL', `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
