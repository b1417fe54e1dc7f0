/**
 * Issue #13: the preload bundled all of zod (759 KB) and zod's JIT probe (`new Function`) tripped
 * the CSP's eval check. The preload imports only shared/channels.ts; main validates. This builds
 * the preload exactly as scripts/build-electron.mjs does (esbuild, in memory) and looks inside.
 */
import { describe, expect, it } from 'vitest';
import { build, type BuildOptions } from 'esbuild';

// The script's own options (it builds only when run as a script, not when imported).
const buildScript = '../../../scripts/build-electron.mjs';
const { PRELOAD_BUILD } = (await import(buildScript)) as { PRELOAD_BUILD: BuildOptions };

describe('the built preload bundle', () => {
  it('contains no zod and no eval, and stays small', async () => {
    const out = await build({ ...PRELOAD_BUILD, write: false, metafile: true, logLevel: 'silent' });
    const text = out.outputFiles![0]!.text;
    const inputs = Object.keys(out.metafile!.inputs);
    expect(inputs.filter((i) => i.includes('zod'))).toEqual([]);
    expect(inputs.sort()).toEqual(['electron/preload.ts', 'shared/channels.ts']);
    // zod's eval probe: `const F = Function; new F("")` in allowsEval.
    expect(text).not.toMatch(/new Function|\beval\(|allowsEval|new F\(""\)/);
    expect(text.length).toBeLessThan(10_000);
    expect(text).toContain('desk:save-file');
  });
});
