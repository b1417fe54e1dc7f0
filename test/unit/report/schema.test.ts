/**
 * 秘书处年度工作报告（统计部分）: its WordprocessingML parts validate against the OOXML schemas beside the project
 * (../shared/ooxml-schemas, microsoft/wml-2010.xsd), as every other builder's do (test/unit/documents).
 */
import { describe, expect, it } from 'vitest';
import { demoReportData } from './demoData';
import { buildAnnualReport } from '../../../shared/documents/annualReport';
import { annualReport } from '../../../shared/report/figures';
import { periodText, reportSections, reportTitle } from '../../../shared/report/tables';
import { haveSchemas, validateParts, wmlParts } from '../documents/ooxml';

const SKIP = haveSchemas ? '' : ' (skipped: ../shared/ooxml-schemas absent)';

describe('年度报告 Word file', () => {
  it.skipIf(!haveSchemas)(
    `validates against wml-2010.xsd${SKIP}`,
    async () => {
      const r = annualReport(demoReportData('2026-11-21', 120), 2026, '2026-11-21');
      const bytes = await buildAnnualReport(
        { title: reportTitle(2026), period: periodText(r), asOf: r.end, sections: reportSections(r) },
        { date: '2026-11-21' },
      );
      const report = await validateParts(await wmlParts(bytes, 'annual-report'));
      expect(report.errors.slice(0, 20)).toEqual([]);
      expect(report.valid).toBe(true);
    },
    120_000,
  );
});
