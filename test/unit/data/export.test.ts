import './env';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { demoDb } from './helpers';
import { auditWorkbook, duesLedgerWorkbook, meetingWorkbook } from '../../../renderer/src/io/export';

describe('Excel exports (issue 8)', () => {
  it("exports a meeting's attendance and votes from the database", async () => {
    const db = await demoDb(40);
    const meeting = (await db.meetings.toArray())[0]!;
    const { bytes, name } = await meetingWorkbook(db, meeting.id!);
    expect(name).toContain(meeting.date);
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['出席', '表决', '会议']);
    const att = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['出席']!, { header: 1 });
    expect(att).toHaveLength(meeting.entitled.length + 1);
    db.close();
  });

  it('exports a dues ledger with totals, and the audit trail', () => {
    const wb = XLSX.read(
      duesLedgerWorkbook(2026, [
        { memberName: '甲', tier: '会员单位', due: 5000, paid: 5000, outstanding: 0 },
        { memberName: '乙', tier: '理事单位', due: 10000, paid: 0, outstanding: 10000 },
      ]),
      { type: 'array' },
    );
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['2026年会费']!, { header: 1 });
    expect(rows.at(-1)).toEqual(['合计', '', '', '', 15000, 5000, 10000, '', '']);
    const audit = XLSX.read(
      auditWorkbook([
        {
          at: '2026-01-01T00:00:00.000Z',
          entity: 'members',
          action: 'update',
          summary: 's',
          changes: [{ field: 'tier', before: 'member', after: 'chair' }],
        },
      ]),
      { type: 'array' },
    );
    expect(audit.Sheets['操作记录']!['E2'].v).toBe('会员级别：会员单位 → 理事长单位');
  });
});
