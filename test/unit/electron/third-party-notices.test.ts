/**
 * Issue #13: runtime code listed as devDependencies (jszip, until fflate replaced it in 83060c7) was
 * missed by audits and licence lists, and the Apache-2.0 notices (dexie, @e965/xlsx) were not
 * shipped. `dependencies` must be exactly what the shipped code imports (electron excepted); the
 * build writes THIRD-PARTY-NOTICES.txt from them; electron-builder ships it.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Dep {
  name: string;
  license: string;
  licenceTexts: { file: string; text: string }[];
  notices: { file: string; text: string }[];
}
const script = '../../../scripts/third-party-notices.mjs';
const { collectRuntimeDependencies, writeThirdPartyNotices } = (await import(script)) as {
  collectRuntimeDependencies(): Dep[];
  writeThirdPartyNotices(out: string): { count: number; file: string };
};

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('runtime dependencies and their licences', () => {
  it('lists every package the shipped code imports as a dependency; electron stays a devDependency', () => {
    // Runtime code: renderer/src, shared, electron (tests, scripts and bench are not shipped).
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p);
      }
    };
    for (const d of ['renderer/src', 'shared', 'electron']) walk(d);
    const imported = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(
        /^\s*(?:import|export)\s[^'"]*?from\s+'([^'.][^']*)'|import\(\s*'([^'.][^']*)'\s*\)/gm,
      )) {
        const spec = m[1] ?? m[2]!;
        if (spec.startsWith('node:')) continue;
        if (/^import\s+type\s/.test(m[0].trim())) continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect(imported.size).toBeGreaterThan(5);
    const missing = [...imported].filter((n) => n !== 'electron' && !(n in pkg.dependencies));
    expect(missing, '运行时代码引用但未列入 dependencies').toEqual([]);
    // And nothing else: a dependency no shipped code imports (jszip since fflate replaced it) is a dev tool.
    const unused = Object.keys(pkg.dependencies).filter((n) => !imported.has(n));
    expect(unused, '列入 dependencies 但运行时代码未引用').toEqual([]);
    // electron-builder refuses `electron` in dependencies; it ships its own runtime and licences.
    expect(pkg.devDependencies).toHaveProperty('electron');
    const yml = readFileSync('electron-builder.yml', 'utf8');
    expect(yml).toMatch(/extraResources:\s*\n\s*- from: dist-electron\/THIRD-PARTY-NOTICES\.txt/);
  });

  it('collects every runtime dependency with its licence text, Apache NOTICE files included, and no dev tool', () => {
    const deps = collectRuntimeDependencies();
    const byName = new Map(deps.map((d) => [d.name, d]));
    for (const name of Object.keys(pkg.dependencies)) expect(byName.has(name), name).toBe(true);
    expect(byName.get('dexie')!.license).toBe('Apache-2.0');
    expect(byName.get('dexie')!.notices.length).toBeGreaterThan(0);
    expect(byName.get('@e965/xlsx')!.licenceTexts[0]!.text).toMatch(/Apache License/);
    for (const d of deps) expect(d.licenceTexts.length + d.license.length, d.name).toBeGreaterThan(0);
    expect(byName.has('@ant-design/cssinjs')).toBe(true); // a dependency's own dependency
    for (const dev of ['vitest', 'electron', 'eslint', 'docxtemplater'])
      expect(byName.has(dev), dev).toBe(false);
  });

  it('writes the notices file the build ships', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'desk-notices-')), 'THIRD-PARTY-NOTICES.txt');
    const { count } = writeThirdPartyNotices(out);
    const text = readFileSync(out, 'utf8');
    expect(count).toBeGreaterThan(Object.keys(pkg.dependencies).length);
    expect(text).toContain('dexie');
    expect(text).toMatch(/Apache License\s+Version 2\.0/);
    expect(text).toContain('THIRD-PARTY SOFTWARE NOTICES');
  });
});
