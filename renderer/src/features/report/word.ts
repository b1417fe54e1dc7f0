/** 年度报告 as Word: the report's sections into 秘书处年度工作报告（统计部分） (shared/documents/annualReport.ts). */
import { buildAnnualReport } from '../../../../shared/documents/annualReport';
import type { DocOptions } from '../../../../shared/documents';
import type { AnnualReport } from '../../../../shared/report/figures';
import {
  periodText,
  reportSections,
  reportTitle,
  type ReportSection,
} from '../../../../shared/report/tables';

/** `options`: the clerk's 公文设置 (font scheme, `documentOptionsFromSettings`), as every export uses. */
export function reportDocx(
  r: AnnualReport,
  sections: readonly ReportSection[] = reportSections(r),
  options: DocOptions = {},
): Promise<Uint8Array> {
  return buildAnnualReport(
    { title: reportTitle(r.year), period: periodText(r), asOf: r.end, sections },
    { ...options, date: r.end },
  );
}
