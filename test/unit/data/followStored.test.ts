/**
 * A form open while its record changes under it (shared/data/followStored.ts): fields the clerk left take the
 * stored value, fields the clerk changed keep what was typed, and those both changed differently are named.
 */
import { describe, expect, it } from 'vitest';
import { changedSinceOpened, followStored, formOnlyLeftovers } from '../../../shared/data/followStored';

const opened = {
  termYears: 4,
  chairMaxConsecutiveTerms: 2,
  docNumberStyle: 'seed',
  duesSchedule: { member: 5000, council: 10000 },
  earlierDuesSchedules: [],
};

describe('followStored', () => {
  it('nothing typed: every changed field takes the stored value (nested ones by their leaf)', () => {
    const theirs = { ...opened, chairMaxConsecutiveTerms: 3, duesSchedule: { member: 5000, council: 12000 } };
    expect(followStored(opened, { ...opened }, theirs)).toEqual({
      take: [
        { path: ['chairMaxConsecutiveTerms'], value: 3 },
        { path: ['duesSchedule', 'council'], value: 12000 },
      ],
      conflicts: [],
    });
  });

  it('typed fields stay; the clerk and the stored record changing one field differently is named', () => {
    const mine = { ...opened, termYears: 5, duesSchedule: { member: 6000, council: 10000 }, duesFrom: 2027 };
    const theirs = {
      ...opened,
      termYears: 3,
      chairMaxConsecutiveTerms: 3,
      duesSchedule: { member: 6000, council: 10000 },
    };
    expect(followStored(opened, mine, theirs)).toEqual({
      take: [{ path: ['chairMaxConsecutiveTerms'], value: 3 }],
      // member: both made it 6000 — the same change, nothing to say; duesFrom is the form's own field.
      conflicts: [['termYears']],
    });
  });

  it("'', null and undefined are all “not filled in”; a list is one field", () => {
    const base = { cc: '', printDate: undefined, attachments: ['回执'] };
    expect(
      followStored(
        base,
        { cc: null, attachments: ['回执'] },
        { cc: undefined, printDate: '', attachments: ['回执'] },
      ),
    ).toEqual({
      take: [],
      conflicts: [],
    });
    expect(followStored(base, { ...base }, { ...base, attachments: ['回执', '议程'] }).take).toEqual([
      { path: ['attachments'], value: ['回执', '议程'] },
    ]);
    expect(
      followStored(base, { ...base, attachments: ['名单'] }, { ...base, attachments: ['回执', '议程'] })
        .conflicts,
    ).toEqual([['attachments']]);
  });

  it('a field removed from the stored record is cleared where the clerk left it', () => {
    expect(
      followStored({ mark: '联盟文件', cc: '理事' }, { mark: '联盟文件', cc: '理事' }, { mark: '联盟文件' })
        .take,
    ).toEqual([{ path: ['cc'], value: undefined }]);
  });
});

describe('formOnlyLeftovers', () => {
  it("the form's own fields, once every stored field is shown as stored; none while one differs", () => {
    const stored = { termYears: 4, duesSchedule: { member: 8000 }, earlierDuesSchedules: [{ until: 2026 }] };
    expect(formOnlyLeftovers({ ...stored, duesFrom: 2026 }, stored)).toEqual([['duesFrom']]);
    expect(formOnlyLeftovers({ ...stored, duesFrom: undefined }, stored)).toEqual([]);
    expect(formOnlyLeftovers({ ...stored, termYears: 5, duesFrom: 2026 }, stored)).toBeNull();
  });
});

describe('text compared as a save stores it', () => {
  it("the clerk's own save, stored trimmed, is no change of another's and names nothing", () => {
    const opened = { mark: '中国网络安全产业联盟文件', cc: '' };
    const mine = { mark: '中国网络安全产业联盟秘书处文件 ', cc: '各理事单位\n' };
    const saved = { mark: '中国网络安全产业联盟秘书处文件', cc: '各理事单位' };
    expect(followStored(opened, mine, saved)).toEqual({ take: [], conflicts: [] });
    expect(formOnlyLeftovers(mine, saved)).toEqual([]);
  });
});

describe('changedSinceOpened: what a 保存 writes when the record changed since the form opened', () => {
  it('the clerk’s value where the clerk changed it, the stored one elsewhere; a field cleared is cleared', () => {
    const opened = { name: '研讨会', place: '北京', note: '备注', link: 7 as number | undefined };
    const stored = { name: '研讨会', place: '上海', note: '另一工作站改的备注', link: 7 };
    const typed = { name: '数据安全研讨会', place: '北京 ', note: '备注', link: undefined };
    expect(changedSinceOpened(opened, typed, stored)).toEqual({
      name: '数据安全研讨会',
      place: '上海', // only spaces added at the end: not a change
      note: '另一工作站改的备注',
      link: undefined,
    });
  });
});
