/**
 * A member file's dues and automatic-withdrawal reasons (R-D1 … R-D7, R-M7) are the other desks' figures:
 * the clerk's 会费标准 as the 会费 desk's ledger applies it, and no dues reason for a year before the ledger's
 * first tracked year, as on 首页 (the member file used the charter's default amounts and listed every year).
 */
import { describe, expect, it } from 'vitest';
import type { Member, Payment } from '../../../shared/domain/records';
import { resolveCharterSettings, trackedWithdrawalReasons } from '../../../shared/charter';
import { buildSearchText } from '../../../shared/search/searchText';
import { buildLedger } from '../../../shared/report/ledger';
import { memberDues } from '../../../renderer/src/features/members/logic';
import { memberSummary } from '../../../renderer/src/features/home/dashboard';
import { fields } from './fixtures';

const ASOF = '2026-03-01';
const f = fields({ tier: 'member' });
const member: Member & { id: number } = {
  id: 7,
  ...f,
  status: 'active',
  approvedOn: '2023-03-15',
  searchText: buildSearchText(f),
  createdAt: '',
  updatedAt: '',
};
// 2024 and 2025 paid; 2023 never entered (the desk was first used in 2024); 2026 not yet paid.
const payments: Payment[] = [2024, 2025].map((year, i) => ({
  id: i + 1,
  memberId: 7,
  year,
  paidOn: `${year}-01-20`,
  amount: 6000,
  method: '银行转账',
  receiptNo: `R${year}`,
  recordedAt: '',
}));
const rows = { tiers: [], overrides: [], payments, participations: ['2025-11-02'] };
// The alliance raised the 会员单位's dues to 6,000 yuan (设置 → 章程参数 → 会费标准).
const settings = resolveCharterSettings({
  duesSchedule: { chair: 100_000, standing: 50_000, director: 20_000, member: 6000 },
});

describe('the member file’s dues are the other desks’ figures (R-D1 … R-D7, R-M7)', () => {
  it('uses the clerk’s 会费标准: the year’s amount and arrears are the 会费 desk’s and 首页’s', () => {
    const { ledger } = memberDues(member, rows, ASOF, settings, 2024);
    const y2026 = ledger!.years.find((y) => y.year === 2026)!;
    expect(y2026).toMatchObject({ amount: 6000, outstanding: 6000, status: 'overdue' });
    const desk = buildLedger(
      { members: [member], tierChanges: [], overrides: [], payments },
      2026,
      ASOF,
      settings,
    ).rows[0]!;
    expect(desk).toMatchObject({ amount: y2026.amount, outstanding: y2026.outstanding, overdue: true });
    const home = memberSummary(member, { payments, took: rows.participations }, ASOF, settings).row!;
    expect(home).toMatchObject({ amount: 6000, outstanding: 6000 });
  });

  it('lists no dues reason for a year before the ledger’s first tracked year, as 首页 does', () => {
    const { autoReasons } = memberDues(member, rows, ASOF, settings, 2024);
    expect(autoReasons.map((r) => (r.kind === 'dues-overdue' ? r.year : r.kind))).toEqual([2026]);
    expect(autoReasons[0]!.message).toBe('2026 年会费应于 2026-01-31 前交纳，尚欠 6000 元');
    const home = memberSummary(member, { payments, took: rows.participations }, ASOF, settings).candidate!;
    expect(trackedWithdrawalReasons(home.reasons, 2024)).toEqual(autoReasons);
    // Tracked from 2023: the unpaid 2023 is a reason too.
    const all = memberDues(member, rows, ASOF, settings, 2023).autoReasons;
    expect(all.map((r) => (r.kind === 'dues-overdue' ? r.year : r.kind))).toEqual([2023, 2026]);
  });

  it('no dues and no reasons without an approval date', () => {
    expect(memberDues({ ...member, approvedOn: undefined }, rows, ASOF, settings, 2024)).toEqual({
      ledger: null,
      autoReasons: [],
    });
  });
});
