/**
 * 收据号 (shared/data/receipts.ts): one receipt is one unit's payment — several dues years of the same unit
 * may share it; the same unit and year twice, or two units, may not; voided payments do not count.
 */
import { describe, expect, it } from 'vitest';
import {
  receiptClashes,
  receiptClashText,
  receiptClashWith,
  receiptKey,
} from '../../../shared/data/receipts';

const pay = (memberId: number, year: number, receiptNo: string, extra: Record<string, unknown> = {}) => ({
  id: memberId * 100 + year,
  memberId,
  year,
  receiptNo,
  paidOn: `${year}-03-01`,
  amount: 5000,
  ...extra,
});

describe('收据号 clashes', () => {
  it('compares receipt numbers trimmed, upper-cased and with full-width forms folded', () => {
    expect(receiptKey(' ｓｙｎｃ－０００１ ')).toBe('SYNC-0001');
    expect(receiptKey('   ')).toBe('');
  });

  it('a new payment: another unit’s receipt or the same unit and year twice clash; another year of the same unit does not', () => {
    const stored = [
      pay(1, 2026, 'R-001'),
      pay(2, 2025, 'R-002'),
      pay(3, 2026, 'R-003', { voided: { at: 'x', reason: '录错' } }),
    ];
    expect(receiptClashWith(stored, pay(1, 2026, ' r-001'))).toEqual({ kind: 'twice', payment: stored[0] });
    expect(receiptClashWith(stored, pay(1, 2025, 'R-001'))).toBeNull(); // one receipt for two years
    expect(receiptClashWith(stored, pay(9, 2025, 'R-002'))).toEqual({ kind: 'units', payment: stored[1] });
    expect(receiptClashWith(stored, pay(9, 2026, 'R-003'))).toBeNull(); // the voided one does not count
    expect(receiptClashWith(stored, pay(1, 2026, ''))).toBeNull(); // no receipt number: nothing to compare
  });

  it('stored clashes: by receipt number, the kind, and only the payments that clash', () => {
    const list = [
      pay(1, 2026, 'A-1'),
      pay(1, 2026, 'a-1 '), // entered twice (another workstation)
      pay(1, 2025, 'A-1'), // the same receipt for the year before: fine
      pay(2, 2026, 'B-1'),
      pay(3, 2026, 'B-1'), // two units
      pay(4, 2026, 'C-1'),
      pay(4, 2026, 'C-1', { voided: { at: 'x', reason: '重复登记' } }), // corrected already
      pay(5, 2026, ''),
      pay(6, 2026, ''),
    ];
    expect(receiptClashes(list)).toEqual([
      { receiptNo: 'A-1', kind: 'twice', payments: [list[0], list[1]] },
      { receiptNo: 'B-1', kind: 'units', payments: [list[3], list[4]] },
    ]);
  });

  it('says which payment holds the number, and what to do', () => {
    const stored = { year: 2026, paidOn: '2026-03-01', amount: 10000 };
    expect(receiptClashText('twice', ' R-001 ', stored, '甲公司')).toBe(
      '收据号 R-001 已登记为甲公司 2026 年会费（2026-03-01 缴费 10,000 元），同一笔缴费不能登记两次。如原记录有误，请先在缴费明细中作废。',
    );
    expect(receiptClashText('units', 'R-001', stored, '甲公司')).toContain('一张收据只对应一家单位');
  });
});
