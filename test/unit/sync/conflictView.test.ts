/**
 * A conflict as the clerk decides it (shared/sync/conflictView.ts): the choices, their text as the audit
 * trail reads it, and the record that results — a member, 章程参数 (its 会费标准 and the schedules before it
 * one choice, R-D1), a setting that is one value, 节假日安排.
 */
import { describe, expect, it } from 'vitest';
import {
  choiceLabel,
  choiceText,
  closedDocumentSide,
  conflictChoices,
  commonAncestor,
  conflictFields,
  conflictSummary,
  proposedPicks,
  resolveChoices,
  settingName,
} from '../../../shared/sync/conflictView';
import {
  DEFAULT_CHARTER_SETTINGS,
  duesScheduleOfYear,
  resolveCharterSettings,
} from '../../../shared/charter';

const NOW = '2026-12-07T09:00:00.000Z';
const now = () => NOW;

describe('conflict choices (issue 19)', () => {
  const person = (name: string, mobile: string) => ({ name, position: '', mobile, email: '' });
  const member = (rep: ReturnType<typeof person>, extra: Record<string, unknown> = {}) => ({
    id: 7,
    name: '上海乙方数据服务有限公司',
    searchText: 'shyf',
    representative: rep,
    updatedAt: '2026-12-07T08:00:00.000Z',
    ...extra,
  });

  it('a member: the differing part of an object field, labelled; the app’s own fields no choice', () => {
    const w = member(person('钱甲', '13800138001'));
    const o = member(person('孙乙', '13800138002'), { updatedAt: '2026-12-07T08:01:00.000Z' });
    const choices = conflictChoices('members', w, o);
    expect(choices).toEqual([{ field: 'representative', fields: ['representative'] }]);
    expect(choiceLabel('members', 7, choices[0]!)).toBe('会员代表');
    expect(choiceText('members', 7, choices[0]!, w, o, 'winner')).toBe(
      '会员代表：钱甲；代表手机：13800138001',
    );
    expect(choiceText('members', 7, choices[0]!, w, o, 'other')).toBe(
      '会员代表：孙乙；代表手机：13800138002',
    );

    const r = resolveChoices('members', w, o, ['representative'], now);
    expect(r.row).toEqual({ ...w, representative: o.representative, updatedAt: NOW });
    expect(r.discarded.representative).toEqual(w.representative);
    expect(resolveChoices('members', w, o, [], now).row).toEqual(w);
  });

  it('with the version both came from: each choice says who changed it, and what only the other changed is proposed', () => {
    const base = member(person('钱甲', '13800138001'), { contact: person('李联', '1'), status: 'active' });
    // The winner changed the contact; the other recorded the leaving (status and its date) and also changed
    // the representative's mobile where the winner changed the representative's name.
    const w = { ...base, contact: person('周联', '2'), representative: person('钱甲甲', '13800138001') };
    const o = {
      ...base,
      status: 'left',
      left: { on: '2026-12-01', kind: 'withdrawal' },
      representative: person('钱甲', '13900139000'),
    };
    const choices = conflictChoices('members', w, o, base);
    const byField = Object.fromEntries(choices.map((c) => [c.field, c.changedIn]));
    expect(byField).toEqual({
      contact: 'winner',
      representative: 'both',
      status: 'other',
      left: 'other', // absent in the version both came from
    });
    expect(proposedPicks(choices)).toEqual(['status', 'left']);
    // Resolved as proposed: the winner's contact and the other's leaving are both kept.
    const r = resolveChoices('members', w, o, proposedPicks(choices), now);
    expect(r.row).toMatchObject({
      contact: w.contact,
      status: 'left',
      left: o.left,
      representative: w.representative,
    });
    expect(conflictSummary(choices)).toBe('4 个字段不同，其中 1 个两个版本都修改了');
    expect(conflictSummary(choices.filter((c) => c.changedIn !== 'both'))).toBe(
      '3 个字段不同，各只在一个版本中修改',
    );
    expect(conflictSummary(conflictChoices('members', w, o))).toBe('4 个字段不同');
    // Without it, no choice says who changed it, and nothing is proposed.
    expect(conflictChoices('members', w, o).every((c) => c.changedIn === undefined)).toBe(true);
    expect(proposedPicks(conflictChoices('members', w, o))).toEqual([]);
  });

  it('the version both came from: the newest revision in both histories', () => {
    // 3-a was the last both held; then the winner wrote 4-w and 5-w, the other 4-o.
    expect(
      commonAncestor({ start: 5, ids: ['w5', 'w4', 'a', 'x'] }, { start: 4, ids: ['o4', 'a', 'x'] }),
    ).toBe('3-a');
    // Two first revisions made apart (the record created on both): none.
    expect(commonAncestor({ start: 1, ids: ['p'] }, { start: 1, ids: ['q'] })).toBeNull();
    // The same id at another generation is not the same revision.
    expect(commonAncestor({ start: 2, ids: ['w', 'a'] }, { start: 3, ids: ['o', 'a', 'z'] })).toBeNull();
  });

  it('a member’s name taken: its search text follows it', () => {
    const w = member(person('钱甲', '1'));
    const o = member(person('钱甲', '1'), { name: '上海乙方数据科技有限公司', searchText: 'shyfkj' });
    const choices = conflictChoices('members', w, o);
    expect(choices.map((c) => c.field)).toEqual(['name']);
    expect(choiceText('members', 7, choices[0]!, w, o, 'other')).toBe('上海乙方数据科技有限公司');
    const r = resolveChoices('members', w, o, ['name'], now);
    expect(r.row).toMatchObject({ name: '上海乙方数据科技有限公司', searchText: 'shyfkj' });
  });

  it('章程参数: by its fields; the 会费标准 and the schedules before it are one choice (R-D1)', () => {
    // A raised the 会费标准 from 2027 (the old amounts kept for the years before); B, offline, the term.
    const old = DEFAULT_CHARTER_SETTINGS.duesSchedule;
    const a = {
      key: 'charter',
      value: {
        ...DEFAULT_CHARTER_SETTINGS,
        duesSchedule: { ...old, member: 8000 },
        earlierDuesSchedules: [{ until: 2027, schedule: old }],
      },
    };
    const b = { key: 'charter', value: { ...DEFAULT_CHARTER_SETTINGS, termYears: 4 } };
    const w = conflictFields('settings', a);
    const o = conflictFields('settings', b);
    const choices = conflictChoices('settings', w, o);
    expect(choices).toEqual([
      { field: 'duesSchedule', fields: ['duesSchedule', 'earlierDuesSchedules'] },
      { field: 'termYears', fields: ['termYears'] },
    ]);
    expect(settingName('charter')).toBe('章程参数');
    expect(choices.map((c) => choiceLabel('settings', 'charter', c))).toEqual(['会费标准', '任期（年）']);
    const dues = choiceText('settings', 'charter', choices[0]!, w, o, 'winner');
    expect(dues).toContain('会员单位年会费：8,000 元');
    expect(dues).toContain('此前各年度的会费标准：');
    expect(dues).toContain('2027 年以前');
    expect(choiceText('settings', 'charter', choices[0]!, w, o, 'other')).toContain(
      '会员单位年会费：5,000 元',
    );
    expect(choiceText('settings', 'charter', choices[1]!, w, o, 'other')).toBe('4');

    // B's term with A's 会费标准: A's history comes with A's amounts, whichever is picked.
    const termOnly = resolveChoices('settings', a, b, ['termYears'], now);
    expect(termOnly.row).toEqual({ key: 'charter', value: { ...a.value, termYears: 4 } });
    const s = resolveCharterSettings(termOnly.row.value as never);
    expect(duesScheduleOfYear(s, 2026).member).toBe(5000);
    expect(duesScheduleOfYear(s, 2027).member).toBe(8000);
    // B's 会费标准 (and so B's history, none): every year at B's amounts; picking either field takes both.
    for (const picked of [['duesSchedule'], ['earlierDuesSchedules']]) {
      const r = resolveChoices('settings', a, b, picked, now);
      expect(r.taken.sort()).toEqual(['duesSchedule', 'earlierDuesSchedules']);
      expect(r.row).toEqual({
        key: 'charter',
        value: { ...a.value, duesSchedule: old, earlierDuesSchedules: [] },
      });
      // The audit entry keeps A's values, by the settings' own field names.
      expect(r.discarded).toMatchObject({
        duesSchedule: a.value.duesSchedule,
        earlierDuesSchedules: a.value.earlierDuesSchedules,
      });
    }
  });

  it('a stored file’s content: its size, not an object', () => {
    const w = { id: 3, name: '申请表.pdf', data: new Blob(['%PDF-1']) };
    const o = { id: 3, name: '申请表.pdf', data: new Blob(['%PDF-1.7 '.repeat(300)]) };
    const [choice] = conflictChoices('files', w, o);
    expect(choice).toEqual({ field: 'data', fields: ['data'] });
    expect(choiceText('files', 3, choice!, w, o, 'winner')).toBe('文件内容（1 KB）');
    expect(choiceText('files', 3, choice!, w, o, 'other')).toBe('文件内容（3 KB）');
  });

  it('a setting that is one value: one choice named by its key', () => {
    const a = { key: 'duesTrackedFrom', value: 2024 };
    const b = { key: 'duesTrackedFrom', value: 2025 };
    const w = conflictFields('settings', a);
    const o = conflictFields('settings', b);
    const [choice, ...rest] = conflictChoices('settings', w, o);
    expect(rest).toEqual([]);
    expect(choiceLabel('settings', 'duesTrackedFrom', choice!)).toBe('会费台账起始年度');
    expect(choiceText('settings', 'duesTrackedFrom', choice!, w, o, 'winner')).toBe('2024 年');
    expect(resolveChoices('settings', a, b, [choice!.field], now).row).toEqual(b);
  });

  it('节假日安排: a choice per year, read as the days it gives', () => {
    const y2027 = (n: number) => ({
      holidays: Array.from({ length: n }, (_, i) => `2027-10-0${i + 1}`),
      workdays: ['2027-09-26'],
      source: '国办发明电〔2026〕7号',
    });
    const a = { key: 'holidaySchedules', value: { '2027': y2027(7) } };
    const b = { key: 'holidaySchedules', value: { '2027': y2027(8), '2028': y2027(1) } };
    const w = conflictFields('settings', a);
    const o = conflictFields('settings', b);
    const choices = conflictChoices('settings', w, o);
    expect(choices.map((c) => choiceLabel('settings', 'holidaySchedules', c))).toEqual([
      '2027 年节假日安排',
      '2028 年节假日安排',
    ]);
    expect(choiceText('settings', 'holidaySchedules', choices[0]!, w, o, 'winner')).toBe(
      '放假 7 天，调休上班 1 天（国办发明电〔2026〕7号）',
    );
    expect(choiceText('settings', 'holidaySchedules', choices[1]!, w, o, 'winner')).toBe('（空）');
    expect(resolveChoices('settings', a, b, ['2028'], now).row).toEqual({
      key: 'holidaySchedules',
      value: { '2027': y2027(7), '2028': y2027(1) },
    });
  });
});

describe('closedDocumentSide (a 发文 closed on one workstation, edited as a draft on the other)', () => {
  const draft = { title: '关于年会的通知', body: '一、补充', status: 'draft' };
  const final = { title: '关于年会的通知', body: '一、', status: 'final', docNumber: 'CCIA 秘[2026]009 号' };
  it('names the closed side, either way round; a 作废 counts as closed', () => {
    expect(closedDocumentSide('documents', final, draft)).toBe('winner');
    expect(closedDocumentSide('documents', draft, final)).toBe('other');
    expect(closedDocumentSide('documents', draft, { ...final, status: 'void' })).toBe('other');
  });
  it('any other conflict is decided field by field', () => {
    expect(closedDocumentSide('documents', draft, { ...draft, body: '二' })).toBeNull();
    expect(closedDocumentSide('documents', final, { ...final, status: 'void' })).toBeNull();
    expect(closedDocumentSide('members', final, draft)).toBeNull();
  });
});
