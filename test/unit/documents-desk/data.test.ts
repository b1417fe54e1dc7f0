import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/harness';
import {
  finalizeDocument,
  recordExport,
  saveDraft,
  voidDocument,
} from '../../../renderer/src/records/register';
import { noticeFields } from './fixtures';

const fields = (title: string, date = '2026-03-02') => noticeFields(title, date);

describe('发文 register writes (R-W1)', () => {
  it('numbers on 定稿, one sequence per year, never reused after 作废; audited', async () => {
    const db = freshDb();
    const a = await saveDraft(db, undefined, fields('甲'));
    const b = await saveDraft(db, undefined, fields('乙'));
    const c = await saveDraft(db, undefined, fields('丙'));
    const d = await saveDraft(db, undefined, fields('丁', '2027-01-04'));
    expect(await finalizeDocument(db, a, 'seed')).toBe('CCIA 秘[2026]001 号');
    expect(await finalizeDocument(db, b, 'seed')).toBe('CCIA 秘[2026]002 号');
    await voidDocument(db, b, '内容有误');
    expect(await finalizeDocument(db, c, 'seed')).toBe('CCIA 秘[2026]003 号');
    expect(await finalizeDocument(db, d, 'gbt9704')).toBe('CCIA秘〔2027〕1号');
    const voided = await db.documents.get(b);
    expect(voided).toMatchObject({
      status: 'void',
      docNumber: 'CCIA 秘[2026]002 号',
      voided: { reason: '内容有误' },
    });
    const audit = await db.audit.where('action').equals('docnumber').toArray();
    expect(audit).toHaveLength(4);
    expect(audit[0]?.changes?.find((x) => x.field === 'docNumber')?.after).toBe('CCIA 秘[2026]001 号');
  });

  it('a voided draft has no number; finals are read-only; voiding needs a reason', async () => {
    const db = freshDb();
    const a = await saveDraft(db, undefined, fields('甲'));
    await expect(voidDocument(db, a, '  ')).rejects.toThrow('请填写作废原因');
    await voidDocument(db, a, '不再发');
    expect((await db.documents.get(a))?.docNumber).toBeUndefined();
    await expect(finalizeDocument(db, a, 'seed')).rejects.toThrow('只有草稿可以定稿');
    const b = await saveDraft(db, undefined, fields('乙'));
    await finalizeDocument(db, b, 'seed');
    await expect(saveDraft(db, b, fields('改'))).rejects.toThrow('不能修改');
    await recordExport(db, b, 'f'.repeat(64));
    expect((await db.documents.get(b))?.sha256).toBe('f'.repeat(64));
  });

  it('the unique [year+seq] index refuses a duplicate number', async () => {
    const db = freshDb();
    await db.documents.add({
      ...fields('x'),
      year: 2026,
      seq: 1,
      status: 'final',
      createdAt: '',
      updatedAt: '',
    });
    await expect(
      db.documents.add({ ...fields('y'), year: 2026, seq: 1, status: 'final', createdAt: '', updatedAt: '' }),
    ).rejects.toThrow();
  });
});
