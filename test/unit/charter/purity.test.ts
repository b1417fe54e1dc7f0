import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as charter from '../../../shared/charter';

const DIR = fileURLToPath(new URL('../../../shared/charter/', import.meta.url));
const sources = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(DIR, f), 'utf8') }));

describe('shared/charter is pure TypeScript', () => {
  it('imports only relative modules and zod', () => {
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/from\s+'([^']+)'/g)) {
        const spec = m[1] as string;
        expect(
          spec === 'zod' || spec.startsWith('./') || spec.startsWith('../domain/'),
          `${file} imports ${spec}`,
        ).toBe(true);
      }
    }
  });

  it('uses no DOM globals, no clock and no Date objects', () => {
    for (const { file, text } of sources) {
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\b(window|document|navigator|localStorage|process)\b\s*[.[]/);
      expect(code, file).not.toMatch(/\bnew Date\b|\bDate\.(now|parse|UTC)\b/);
    }
  });

  it('exports the fixed API and re-exported types', () => {
    for (const name of [
      'isQuorate',
      'isAdopted',
      'annualDues',
      'withdrawalEffectiveOn',
      'reportDueBy',
      'rejoinAllowedOn',
      'directorEligibleFrom',
      'isWorkingDay',
      'addWorkingDays',
      'isValidCreditCode',
      'formatDocNumber',
      'creditCodeCheckChar',
      'explainCreditCode',
      'isMainlandRegion',
      'setHolidaySchedule',
      'getHolidaySchedule',
      'knownHolidayYears',
      'isOutsideKnownHolidayYears',
      'nextDocSeq',
      'DEFAULT_CHARTER_SETTINGS',
    ]) {
      expect(charter, name).toHaveProperty(name);
    }
  });
});
