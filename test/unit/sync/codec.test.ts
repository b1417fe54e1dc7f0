/** Rows ↔ documents and the conflict dialog's field comparison (issue 19). */
import { describe, expect, it } from 'vitest';
import { decodeDoc, differingFields, encodeRow, mergePicked, sameRow } from '../../../shared/sync/codec';

describe('sync codec', () => {
  it('a row is the document <table>:<key>; Blob fields travel as attachments and come back', () => {
    const data = new Blob(['%PDF'], { type: 'application/pdf' });
    const doc = encodeRow('files', 7, { id: 7, name: '申请表.pdf', data, note: undefined });
    expect(doc._id).toBe('files:7');
    expect(doc.d).toEqual({ id: 7, name: '申请表.pdf' });
    expect(doc.b).toEqual(['data']);
    expect(doc._attachments?.data?.content_type).toBe('application/pdf');
    expect(decodeDoc({ d: doc.d, b: doc.b, _attachments: { data: { data } } })).toEqual({
      id: 7,
      name: '申请表.pdf',
      data,
    });
  });

  it('the same record regardless of key order and undefined fields', () => {
    expect(
      sameRow({ a: 1, b: { y: 2, x: [1, { q: 1 }] } }, { b: { x: [1, { q: 1 }], y: 2 }, a: 1, c: undefined }),
    ).toBe(true);
    expect(sameRow({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('field by field: the differences, the merge of the picked fields', () => {
    const winner = { id: 1, name: '甲公司', region: '北京', phone: '1' };
    const other = { id: 1, name: '甲公司', region: '天津', email: 'x@y.cn' };
    expect(differingFields(winner, other)).toEqual([
      { field: 'region', winner: '北京', other: '天津' },
      { field: 'phone', winner: '1', other: undefined },
      { field: 'email', winner: undefined, other: 'x@y.cn' },
    ]);
    expect(mergePicked(winner, other, ['region', 'phone'])).toEqual({
      id: 1,
      name: '甲公司',
      region: '天津',
    });
    expect(mergePicked(winner, other, [])).toEqual(winner);
  });
});
