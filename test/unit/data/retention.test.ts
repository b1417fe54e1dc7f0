import { describe, expect, it } from 'vitest';
import {
  autoBackupName,
  isDailyBackupDue,
  parseAutoBackupName,
  planRetention,
} from '../../../shared/data/retention';

function day(i: number): string {
  const d = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000);
  return d.toISOString().slice(0, 10);
}

describe('automatic backup retention (issue 8)', () => {
  it('names and parses backups', () => {
    const n = autoBackupName('2026-11-21', '09:30:05');
    expect(n).toBe('auto-2026-11-21-093005.zip');
    expect(parseAutoBackupName(n)).toEqual({
      date: '2026-11-21',
      time: '09:30:05',
      kind: 'daily',
      stamp: '2026-11-21 09:30:05',
      seq: 1,
    });
    expect(parseAutoBackupName(autoBackupName('2026-11-21', '10:00:00', 'pre-restore'))?.kind).toBe(
      'pre-restore',
    );
    expect(parseAutoBackupName('notes.txt')).toBeNull();
    expect(isDailyBackupDue([n], '2026-11-21')).toBe(false);
    expect(isDailyBackupDue([n], '2026-11-22')).toBe(true);
  });

  it('keeps the last 30 daily and 12 monthly backups, never touches other files', () => {
    const names = Array.from({ length: 700 }, (_, i) => autoBackupName(day(i), '09:00:00'));
    names.push('my-notes.zip');
    const plan = planRetention(names);
    expect(plan.remove).not.toContain('my-notes.zip');
    expect(plan.keep).not.toContain('my-notes.zip');
    // 30 most recent days + one per month for the 12 most recent months (two months overlap with the daily window).
    const last = day(699);
    expect(plan.keep[0]).toBe(autoBackupName(last, '09:00:00'));
    const months = new Set(plan.keep.map((n) => parseAutoBackupName(n)!.date.slice(0, 7)));
    expect(months.size).toBe(12);
    const dailyKept = names.slice(670, 700);
    for (const n of dailyKept) expect(plan.keep).toContain(n);
    expect(plan.keep.length).toBeLessThanOrEqual(30 + 12);
    expect(plan.keep.length + plan.remove.length).toBe(700);
  });

  it("keeps only the newest backup of a day, plus that day's pre-restore copies", () => {
    const names = [
      autoBackupName('2026-11-21', '08:00:00'),
      autoBackupName('2026-11-21', '12:00:00', 'pre-restore'),
      autoBackupName('2026-11-21', '18:00:00'),
    ];
    const plan = planRetention(names, { daily: 30, monthly: 0 });
    expect(plan.keep.sort()).toEqual([names[1], names[2]].sort());
    expect(plan.remove).toEqual([names[0]]);
  });
});
