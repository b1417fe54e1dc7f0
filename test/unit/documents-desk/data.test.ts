import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/harness';
import {
  autosaveDraft,
  finalizeDocument,
  recordExport,
  sameDraftFields,
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
    await expect(saveDraft(db, b, fields('改'))).rejects.toThrow('该发文已定稿，不能再修改');
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

  it('the autosave (nothing typed is lost): creates, then writes each change, audited once per editing burst', async () => {
    const db = freshDb();
    const id = await autosaveDraft(db, undefined, fields(''), true);
    expect(await db.documents.get(id)).toMatchObject({ status: 'draft', title: '' });
    const audited = async () =>
      (await db.audit.where('entity').equals('documents').toArray()).map((a) => a.summary);
    expect(await audited()).toEqual(['新建发文草稿：（无标题）']);

    // Keystrokes of one sitting: written, not audited one by one.
    await autosaveDraft(db, id, { ...fields('关于'), body: '一' }, false);
    await autosaveDraft(db, id, { ...fields('关于年会'), body: '一、' }, false);
    expect(await db.documents.get(id)).toMatchObject({ title: '关于年会', body: '一、' });
    expect(await audited()).toHaveLength(1);
    // The next sitting's first write is audited, with what it replaced.
    await autosaveDraft(db, id, { ...fields('关于年会的通知'), body: '一、会议时间' }, true);
    const entries = await db.audit.where('entity').equals('documents').toArray();
    expect(entries.map((a) => a.summary)).toEqual([
      '新建发文草稿：（无标题）',
      '自动保存发文草稿：关于年会的通知',
    ]);
    expect(entries[1]?.changes?.find((c) => c.field === 'title')).toMatchObject({
      before: '关于年会',
      after: '关于年会的通知',
    });
    // Nothing changed: nothing written, nothing audited.
    const before = await db.documents.get(id);
    await autosaveDraft(db, id, { ...fields('关于年会的通知'), body: '一、会议时间' }, true);
    expect((await db.documents.get(id))?.updatedAt).toBe(before?.updatedAt);
    expect(await audited()).toHaveLength(2);
    // 保存草稿 is audited even so: the clerk asked.
    await saveDraft(db, id, { ...fields('关于年会的通知'), body: '一、会议时间' });
    expect(await audited()).toHaveLength(3);
  });

  it('the autosave refuses a final or voided document in Chinese (the editor keeps the text)', async () => {
    const db = freshDb();
    const a = await saveDraft(db, undefined, fields('甲'));
    await finalizeDocument(db, a, 'seed');
    await expect(autosaveDraft(db, a, fields('甲改'), false)).rejects.toThrow('该发文已定稿，不能再修改');
    const b = await saveDraft(db, undefined, fields('乙'));
    await voidDocument(db, b, '不再发出');
    await expect(autosaveDraft(db, b, fields('乙改'), false)).rejects.toThrow('该发文已作废，不能再修改');
    expect((await db.documents.get(a))?.title).toBe('甲');
    expect((await db.documents.get(b))?.title).toBe('乙');
  });

  it('sameDraftFields compares what a draft stores, whatever the key order', () => {
    const a = { ...fields('甲'), colophon: { cc: '各理事单位', printDate: '2026-03-02' } };
    const b = { colophon: { printDate: '2026-03-02', cc: '各理事单位' }, ...fields('甲') };
    expect(sameDraftFields(a, b)).toBe(true);
    expect(sameDraftFields(a, { ...b, body: '正文。' })).toBe(false);
    expect(sameDraftFields(a, { ...fields('甲') })).toBe(false);
  });
});
