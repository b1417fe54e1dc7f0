import { it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { buildAllSamples } from './fixtures';
import { validateParts, wmlParts } from './ooxml';

it('smoke', async () => {
  mkdirSync('/tmp/docs-render', { recursive: true });
  const t0 = Date.now();
  const all = await buildAllSamples();
  console.log('built', Date.now() - t0);
  const parts = [];
  for (const [k, v] of Object.entries(all)) {
    writeFileSync(`/tmp/docs-render/${k}.docx`, v);
    parts.push(...(await wmlParts(v, k)));
  }
  const r = await validateParts(parts);
  console.log('validated', r.valid, r.errors.slice(0, 30).join('\n'));
}, 120000);
