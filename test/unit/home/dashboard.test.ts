import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../db/harness';
import { loadDemo } from '../../../renderer/src/db/demo';
import type { DeskDB } from '../../../renderer/src/db/schema';
import type { DemoDataset } from '../../../shared/demo/generate';
import { computeDashboard, type Dashboard } from '../../../renderer/src/features/home/dashboard';
import { expectedDemoCounts, type ExpectedCounts } from './expected';

const AS_OF = '2026-11-21';

describe('首页 dashboard on the demo dataset (asOf 2026-11-21)', () => {
  let db: DeskDB;
  let ds: DemoDataset;
  let dash: Dashboard;
  let expected: ExpectedCounts;

  beforeAll(async () => {
    db = freshDb();
    ds = await loadDemo(db, { asOf: AS_OF });
    expected = expectedDemoCounts(ds, AS_OF);
    dash = await computeDashboard(db, AS_OF);
  }, 60_000);

  it('the independent computation finds something to do in every demo category', () => {
    expect(expected.duesOverdue).toBeGreaterThan(10);
    expect(expected.autoWithdrawalDues).toBe(expected.duesOverdue);
    expect(expected.autoWithdrawalInactive).toBeGreaterThan(0);
    expect(expected.standingAbsentIds).toContain(9);
    expect(expected.termsEnding).toBe(ds.offices.length);
    expect(expected.withdrawalReports).toBe(1);
  });

  it('R-M3: no applications in the demo: every step is 0', () => {
    expect(dash.applications.count).toBe(0);
    expect(dash.applications.byStep.map((s) => s.count)).toEqual([0, 0, 0, 0, 0]);
  });

  it('R-M6: the withdrawal in progress must be reported, with its deadline and days left', () => {
    expect(dash.withdrawalReports.count).toBe(expected.withdrawalReports);
    const w = ds.members.find((m) => m.status === 'withdrawing')!;
    expect(dash.withdrawalReports.items[0]).toMatchObject({
      memberId: w.id,
      reportDueBy: w.withdrawal!.reportDueBy,
      daysLeft: 4,
    });
  });

  it('R-D2/R-D3/R-D7: this year’s overdue dues (unpaid or part paid) — count and total', () => {
    expect(dash.duesOverdue.year).toBe(2026);
    expect(dash.duesOverdue.count).toBe(expected.duesOverdue);
    expect(dash.duesOverdue.total).toBe(expected.duesOverdueTotal);
    // Sorted by amount, largest first.
    const amounts = dash.duesOverdue.items.map((i) => i.outstanding);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    // The partial payers are marked partial.
    for (const i of dash.duesOverdue.items) expect(i.partial).toBe(i.memberId % 17 !== 7);
  });

  it('R-M7: automatic-withdrawal candidates (dues overdue; 12 months without activity or meeting)', () => {
    expect(dash.autoWithdrawal.count).toBe(expected.autoWithdrawal);
    expect(dash.autoWithdrawal.items.filter((i) => i.kinds.includes('dues-overdue')).length).toBe(
      expected.autoWithdrawalDues,
    );
    expect(dash.autoWithdrawal.items.filter((i) => i.kinds.includes('inactive')).length).toBe(
      expected.autoWithdrawalInactive,
    );
    // Every candidate is an active member with a Chinese reason.
    for (const i of dash.autoWithdrawal.items) {
      expect(ds.members.find((m) => m.id === i.memberId)!.status).toBe('active');
      expect(i.reasons.join('')).toMatch(/会费|活动/);
    }
    // The withdrawing member is not flagged again.
    const w = ds.members.find((m) => m.status === 'withdrawing')!;
    expect(dash.autoWithdrawal.items.some((i) => i.memberId === w.id)).toBe(false);
  });

  it('R-O6: standing director no. 9 missed the last two standing councils', () => {
    expect(dash.standingAbsences.count).toBe(expected.standingAbsences);
    expect(dash.standingAbsences.items.map((i) => i.memberId).sort((a, b) => a - b)).toEqual(
      expected.standingAbsentIds,
    );
    expect(dash.standingAbsences.items.find((i) => i.memberId === 9)?.message).toContain('连续两次未出席');
  });

  it('R-O2/R-O4/R-O6: bodies behind their meeting frequency', () => {
    expect(dash.meetingsBehind.count).toBe(expected.meetingsBehind);
  });

  it('R-O3/R-O9: terms ending within 90 days', () => {
    expect(dash.termsEnding.count).toBe(expected.termsEnding);
    expect(dash.termsEnding.items.every((t) => t.daysLeft === 44)).toBe(true);
  });

  it('R-M3: open applications are counted by step; done, rejected and withdrawn ones are not', async () => {
    const now = new Date().toISOString();
    const unit = { ...ds.members[20]!, name: '测试申请单位' };
    const base = { unit, materials: {}, createdAt: now, updatedAt: now };
    await db.applications.bulkAdd([
      { ...base, step: 'review' },
      { ...base, step: 'council' },
      { ...base, step: 'council' },
      { ...base, step: 'done', outcome: 'approved' },
      { ...base, step: 'review', outcome: 'rejected' },
    ]);
    const d = await computeDashboard(db, AS_OF);
    expect(d.applications.count).toBe(3);
    expect(Object.fromEntries(d.applications.byStep.map((s) => [s.step, s.count]))).toEqual({
      materials: 0,
      review: 1,
      council: 2,
      notify: 0,
      certificate: 0,
    });
    expect(d.applications.items[0]!.name).toBe('测试申请单位');
  });
});
