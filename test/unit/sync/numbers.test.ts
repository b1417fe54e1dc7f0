/**
 * 定稿 and 发放证书 with the office's server configured (issue 19, R-W1): numbers from the server's counter,
 * consecutive across workstations; offline, refused in Chinese and the draft stays a draft. Against a real
 * pouchdb-server on 127.0.0.1; two Dexie databases stand for two workstations.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../db/harness';
import { startServer, useServer } from './server';
import { setNumberServer } from '../../../renderer/src/sync/numbers';
import {
  finalizeDocument,
  registerCertificateBatch,
  saveDraft,
} from '../../../renderer/src/records/register';
import {
  issueMemberCertificate,
  reserveMemberCertificate,
  withReserved,
} from '../../../renderer/src/records/certificates';
import { issueCertificates } from '../../../renderer/src/features/programmes/data';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { noticeFields } from '../documents-desk/fixtures';

const live = useServer();

afterEach(() => setNumberServer(() => ({ configured: false })));
beforeEach(() => setNumberServer(() => ({ configured: false })));

const draft = (db: DeskDB, title: string, date = '2026-11-21') =>
  saveDraft(db, undefined, noticeFields(title, date));

describe('numbers from the server when one is configured (issue 19)', () => {
  it('20 定稿 alternating between two workstations as fast as possible: 20 distinct consecutive numbers', async () => {
    const conn = await live.freshConn(); // its own counter: the numbers below do not depend on the order of tests
    setNumberServer(() => ({ configured: true, connection: conn }));
    const a = freshDb();
    const b = freshDb();
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => draft(i % 2 ? b : a, `通知${i}`)));
    const numbers = await Promise.all(ids.map((id, i) => finalizeDocument(i % 2 ? b : a, id, 'gbt9704')));
    expect(new Set(numbers).size).toBe(20);
    const seqs = [...(await a.documents.toArray()), ...(await b.documents.toArray())]
      .map((d) => d.seq!)
      .sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(numbers).toContain('CCIA秘〔2026〕20号');
    a.close();
    b.close();
  }, 120_000);

  it('a member certificate and its 证书批次 take their numbers from the server', async () => {
    const conn = await live.freshConn(); // its own counter: the numbers below do not depend on the order of tests
    setNumberServer(() => ({ configured: true, connection: conn }));
    const db = freshDb();
    const reserved = await reserveMemberCertificate(db, '2026-11-21');
    expect(reserved).toMatchObject({ certificateSeq: 1, docSeq: 1 });
    const cert = await withReserved(db, reserved, () =>
      db.transaction('rw', [db.certificates, db.documents, db.audit], async () => {
        const c = await issueMemberCertificate(
          db,
          { memberId: 1, unitName: '甲', issuedOn: '2026-11-21' },
          reserved,
        );
        await registerCertificateBatch(
          db,
          {
            kind: 'member',
            issuedOn: '2026-11-21',
            certificates: [{ certificateId: c.id!, certificateNo: c.certificateNo, unitName: '甲' }],
          },
          'gbt9704',
          reserved!.docSeq,
        );
        return c;
      }),
    );
    expect(cert.certificateNo).toBe('CCIA-HY-2026-0001');
    expect((await db.documents.toArray())[0]!.docNumber).toBe('CCIA秘〔2026〕1号');
    // Without a reservation, with a server configured, nothing is numbered locally.
    await expect(
      db.transaction('rw', [db.certificates, db.audit], () =>
        issueMemberCertificate(db, { memberId: 2, unitName: '乙', issuedOn: '2026-11-21' }),
      ),
    ).rejects.toThrow('证书编号须从服务器取得');
    db.close();
  }, 60_000);

  it('a programme’s certificates: consecutive numbers of its prefix from the server, and the batch’s number', async () => {
    const conn = await live.freshConn(); // its own counter: the numbers below do not depend on the order of tests
    setNumberServer(() => ({ configured: true, connection: conn }));
    const db = freshDb();
    const programmeId = (await db.programmes.add({
      name: '阳光行动',
      description: '',
      callYear: 2026,
      deadline: '2026-12-31',
      certificatePrefix: 'YG',
      createdAt: '2026-01-01T00:00:00.000Z',
    })) as number;
    for (const memberId of [7, 8, 9])
      await db.enrolments.add({
        programmeId,
        memberId,
        status: 'approved',
        receipts: {},
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
    const { certificates, docNumber } = await issueCertificates(db, programmeId, '2026-11-21');
    expect(certificates.map((c) => c.certificateNo)).toEqual(['YG-2026-001', 'YG-2026-002', 'YG-2026-003']);
    expect(docNumber).toBe('CCIA 秘[2026]001 号');
    db.close();
  }, 60_000);

  it('a server that is down: 定稿 says it needs the server, the draft stays a draft and no number is taken', async () => {
    const other = await startServer();
    const c = { url: other.url, db: await other.database(), user: other.user, password: other.password };
    await other.stop();
    setNumberServer(() => ({ configured: true, connection: c }));
    const db = freshDb();
    const id = await draft(db, '离线的通知');
    const e = (await finalizeDocument(db, id, 'seed').catch((x: unknown) => x)) as Error;
    expect(e.message).toMatch(
      /^定稿需要连接服务器取得编号.*当前无法连接服务器（无法连接服务器），请联网后重试；草稿仍为草稿，未分配发文字号。$/,
    );
    const doc = await db.documents.get(id);
    expect(doc).toMatchObject({ status: 'draft' });
    expect(doc!.seq).toBeUndefined();
    expect(await db.audit.where('action').equals('docnumber').count()).toBe(0);
    // Configured but not connected in this page: refused the same way.
    setNumberServer(() => ({ configured: true, connection: null }));
    await expect(finalizeDocument(db, id, 'seed')).rejects.toThrow('当前未连接服务器');
    // No server configured: numbered locally, exactly as before.
    setNumberServer(() => ({ configured: false }));
    expect(await finalizeDocument(db, id, 'seed')).toBe('CCIA 秘[2026]001 号');
    db.close();
  }, 60_000);
});
