/**
 * The layers (README, Layout): by runtime, `shared/` (pure) under both `electron/` and `renderer/`, which
 * never import each other; inside the renderer, from the top down, app → features → ui → io → records →
 * sync → db → platform, a layer importing only its own layer and the layers below it. The desks in
 * `features/` may use each other (a meeting opens its offices' tab), never the shell.
 *
 * Imports are read from the TypeScript syntax tree of every source: static imports and re-exports, dynamic
 * `import()`, and the `new URL('./x.worker.ts', import.meta.url)` that starts a Worker.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const RENDERER = path.join(ROOT, 'renderer/src');

/** The renderer's layers, top first. `main.tsx` (the entry) is above them all. */
export const RENDERER_LAYERS = ['app', 'features', 'ui', 'io', 'records', 'sync', 'db', 'platform'] as const;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The relative module specifiers one source imports, with their lines. */
export function importsOf(file: string, src: string): { spec: string; line: number }[] {
  const sf = ts.createSourceFile(
    file,
    src,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: { spec: string; line: number }[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node) && node.text.startsWith('.'))
      out.push({ spec: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      add(node.arguments[0]);
    else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL')
      add(node.arguments?.[0]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Where a file is: its top folder (`shared`, `electron`, `renderer`) and, in the renderer, its layer. */
export function placeOf(absolute: string): { root: string; layer?: string } {
  const rel = path.relative(ROOT, absolute).split(path.sep);
  if (rel[0] !== 'renderer') return { root: rel[0]! };
  const inSrc = path.relative(RENDERER, absolute).split(path.sep);
  if (inSrc[0]?.startsWith('..')) return { root: 'renderer' };
  return { root: 'renderer', layer: inSrc.length > 1 ? inSrc[0] : '(entry)' };
}

const rank = (layer: string | undefined) =>
  layer === '(entry)' ? -1 : RENDERER_LAYERS.indexOf(layer as (typeof RENDERER_LAYERS)[number]);

/** Why `from` may not import `to`, or null when it may. */
export function refusal(from: string, to: string): string | null {
  const a = placeOf(from);
  const b = placeOf(to);
  if (a.root === 'shared' && b.root !== 'shared') return 'shared/ is pure: it imports only shared/';
  if (a.root === 'electron' && b.root === 'renderer') return 'the main process does not import the renderer';
  if (a.root === 'renderer' && b.root === 'electron')
    return 'the renderer reaches the main process only through shared/contract.ts';
  if (a.root !== 'renderer' || b.root !== 'renderer' || a.layer === undefined) return null;
  if (b.layer === undefined) return null;
  if (a.layer === b.layer) return null;
  if (rank(b.layer) < 0 || rank(b.layer) < rank(a.layer))
    return `renderer/src/${a.layer}/ may import only ${RENDERER_LAYERS.slice(rank(a.layer)).join(', ')}`;
  return null;
}

function resolve(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ])
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  return base;
}

describe('layers', () => {
  const files = ['shared', 'electron', 'renderer/src'].flatMap((d) => sources(path.join(ROOT, d)));
  const edges = files.flatMap((file) =>
    importsOf(file, readFileSync(file, 'utf8')).map(({ spec, line }) => ({
      file,
      line,
      spec,
      target: resolve(file, spec),
    })),
  );

  it('reads the imports (static, re-exports, dynamic, Workers): the scan sees the known edges', () => {
    const seen = (from: string, to: string) =>
      edges.some((e) => path.relative(ROOT, e.file) === from && path.relative(ROOT, e.target) === to);
    expect(edges.length).toBeGreaterThan(1000);
    expect(seen('renderer/src/main.tsx', 'renderer/src/app/App.tsx')).toBe(true);
    // a desk loaded on first use (dynamic import)
    expect(edges.some((e) => e.file.endsWith('app/App.tsx') && e.target.includes('/features/'))).toBe(true);
    // a Worker started by URL
    expect(seen('renderer/src/io/docxForm.ts', 'renderer/src/io/docxForm.worker.ts')).toBe(true);
  });

  it('every folder of renderer/src is a layer', () => {
    const folders = readdirSync(RENDERER).filter((n) => statSync(path.join(RENDERER, n)).isDirectory());
    expect(folders.sort()).toEqual([...RENDERER_LAYERS].sort());
  });

  it('no import goes up a layer, across runtimes, or out of shared/', () => {
    const bad = edges
      .map((e) => ({ e, why: refusal(e.file, e.target) }))
      .filter((x) => x.why !== null)
      .map(({ e, why }) => `${path.relative(ROOT, e.file)}:${e.line} imports ${e.spec} — ${why}`);
    expect(bad).toEqual([]);
  });

  it('the rule refuses what it must (a lower layer importing a higher one, electron ↔ renderer, shared out)', () => {
    const r = (p: string) => path.join(ROOT, p);
    expect(refusal(r('renderer/src/db/schema.ts'), r('renderer/src/sync/engine.ts'))).toMatch(
      /db\/ may import only db, platform/,
    );
    expect(refusal(r('renderer/src/io/backup.ts'), r('renderer/src/ui/errorText.ts'))).not.toBeNull();
    expect(
      refusal(r('renderer/src/records/settings.ts'), r('renderer/src/features/home/derived.ts')),
    ).not.toBeNull();
    expect(refusal(r('renderer/src/ui/Page.tsx'), r('renderer/src/main.tsx'))).not.toBeNull();
    expect(refusal(r('electron/main.ts'), r('renderer/src/db/schema.ts'))).not.toBeNull();
    expect(refusal(r('renderer/src/app/App.tsx'), r('electron/ipc.ts'))).not.toBeNull();
    expect(refusal(r('shared/charter/index.ts'), r('renderer/src/ui/today.ts'))).not.toBeNull();
    // allowed: down a layer, within a layer, desk to desk, both runtimes to shared/
    expect(
      refusal(r('renderer/src/features/dues/index.tsx'), r('renderer/src/records/ledgerRows.ts')),
    ).toBeNull();
    expect(
      refusal(r('renderer/src/features/meetings/index.tsx'), r('renderer/src/features/offices/Offices.tsx')),
    ).toBeNull();
    expect(refusal(r('renderer/src/sync/engine.ts'), r('renderer/src/db/outbox.ts'))).toBeNull();
    expect(refusal(r('electron/ipc.ts'), r('shared/contract.ts'))).toBeNull();
    expect(refusal(r('renderer/src/platform/index.ts'), r('shared/contract.ts'))).toBeNull();
  });
});
