import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Unit tests: `node` for shared/ and electron/ (electron is mocked), `dom` for React components.
// End-to-end tests have their own config (vitest.e2e.config.ts) because they need a build.
//
// The node tests of pure code share one module graph per worker (isolate: false): zod, docx and the
// charter are imported once per worker instead of once per file (55 s instead of 65 s, three workers). A file keeps its own graph when
// it, or a test helper it imports, mocks or spies on modules, stubs globals or timers, or opens a
// database (fake-indexeddb and the desks' data modules keep state between files), and everything under
// test/unit/electron (electron is mocked there, and the real modules are tested beside the mocks).
const NEEDS_ISOLATION =
  /\bvi\.(mock|doMock|unmock|hoisted|spyOn|stubGlobal|stubEnv|useFakeTimers)\b|fake-indexeddb|indexedDB/;
const UNIT = 'test/unit';

function isolatedUnitFiles(): string[] {
  const files = new Set(
    (readdirSync(UNIT, { recursive: true }) as string[])
      .map((f) => path.join(UNIT, f).split(path.sep).join('/'))
      .filter((f) => f.endsWith('.ts')),
  );
  const memo = new Map<string, boolean>();
  const needs = (file: string): boolean => {
    if (memo.has(file)) return memo.get(file)!;
    memo.set(file, false); // an import cycle adds nothing
    const text = readFileSync(file, 'utf8');
    const local = [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
      .map((m) => path.posix.join(path.posix.dirname(file), m[1]!))
      .filter((f) => f.startsWith(`${UNIT}/`))
      .map((f) => (f.endsWith('.ts') ? f : `${f}.ts`));
    const result =
      file.startsWith(`${UNIT}/electron/`) ||
      NEEDS_ISOLATION.test(text) ||
      local.some((f) => files.has(f) && needs(f));
    memo.set(file, result);
    return result;
  };
  return [...files].filter((f) => f.endsWith('.test.ts') && needs(f));
}
const isolated = isolatedUnitFiles();

export default defineConfig({
  plugins: [react()],
  test: {
    // Three workers on two cores: vitest's default there is one worker, which left a core idle (95 s;
    // two workers 58 s, three 54 s, four 55 s).
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: isolated,
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'node-isolated',
          environment: 'node',
          include: isolated,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/dom/**/*.test.{ts,tsx}'],
          setupFiles: ['test/dom/setup.ts'],
        },
      },
    ],
  },
});
