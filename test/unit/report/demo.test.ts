/**
 * 年度报告 on the demo dataset (300 members, three years), against an independent count (./expected.ts):
 * members by tier and status, joined and left, dues due / collected / arrears, meetings held, attendance per
 * meeting, motions, activities, terms ending next year. Also writes the Word file for the render test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annualReport } from '../../../shared/report/figures';
import { generateDemo } from '../../../shared/demo/generate';
import { demoReportData } from './demoData';
import { periodText, reportSections, reportTitle } from '../../../shared/report/tables';
import { buildAnnualReport } from '../../../shared/documents/annualReport';
import { expectedDemoReport } from './expected';
import { expectedDemoCounts } from '../home/expected';

const ASOF = '2026-11-21';

describe('年度报告 on the demo dataset', () => {
  const ds = generateDemo({ asOf: ASOF });
  const data = demoReportData(ASOF);

  for (const [year, asOf] of [
    [2026, ASOF],
    [2025, ASOF],
    [2024, '2024-12-31'],
  ] as const) {
    it(`${year} as of ${asOf}: every figure matches the independent count`, () => {
      const r = annualReport(data, year, asOf);
      const x = expectedDemoReport(ds, year, asOf);
      const m = r.membership;
      expect(m.start.total).toBe(x.startTotal);
      expect(m.end.total).toBe(x.endTotal);
      expect({
        chair: m.end.chair,
        standing: m.end.standing,
        director: m.end.director,
        member: m.end.member,
      }).toEqual({
        chair: x.endByTier.chair ?? 0,
        standing: x.endByTier.standing ?? 0,
        director: x.endByTier.director ?? 0,
        member: x.endByTier.member ?? 0,
      });
      for (const [s, c] of Object.entries(x.endByStatus))
        expect(m.endStatus[s as keyof typeof m.endStatus]).toBe(c);
      expect(m.endStatus.total).toBe(Object.values(x.endByStatus).reduce((a, b) => a + b, 0));
      expect(m.joined).toHaveLength(x.joined);
      expect(m.left).toHaveLength(x.left);
      expect(r.dues.due).toBe(x.due);
      expect(r.dues.collected).toBe(x.collected);
      expect(r.dues.arrears).toBe(x.arrears);
      expect(r.dues.arrearsList).toHaveLength(x.arrearsUnits);
      expect(r.dues.receivedTotal).toBe(x.receivedInYear);
      expect(Object.fromEntries(r.meetings.byBody.map((b) => [b.body, b.held]))).toEqual(x.meetingsHeld);
      expect(
        r.meetings.meetings.map((l) => ({ name: l.name, entitled: l.entitled, present: l.present })),
      ).toEqual(x.attendance);
      expect(r.meetings.motions).toHaveLength(x.motions);
      expect(r.meetings.adopted + r.meetings.awaitingGuidingUnit).toBe(x.adopted);
      expect(r.meetings.notAdopted + r.meetings.undecided).toBe(x.notAdopted);
      expect(r.activities.map((a) => ({ name: a.name, units: a.units }))).toEqual(x.activities);
      expect(r.meetings.endingNextYear).toHaveLength(x.endingNextYear);
      expect(r.problems).toEqual([]);
    });
  }

  it('the demo year: the arrears total is the dashboard’s independent count; four meetings; one withdrawal', () => {
    const r = annualReport(data, 2026, ASOF);
    expect(r.dues.arrears).toBe(expectedDemoCounts(ds, ASOF).duesOverdueTotal);
    expect(r.dues.arrears).toBeGreaterThan(0);
    expect(r.meetings.meetings).toHaveLength(4);
    expect(r.membership.endStatus.withdrawing).toBe(1);
  });

  it('writes the Word file (test-results/report/annual-report-demo.docx)', async () => {
    const r = annualReport(data, 2026, ASOF);
    const bytes = await buildAnnualReport(
      { title: reportTitle(2026), period: periodText(r), asOf: r.end, sections: reportSections(r) },
      { date: ASOF },
    );
    const dir = path.resolve('test-results/report');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'annual-report-demo.docx'), bytes);
    expect(bytes.length).toBeGreaterThan(5000);
  });
});
