/**
 * The 发文 register's one owner (db.documents, R-W1): drafts (a meeting notice is drafted here too), 定稿 with
 * the engine's next number, 证书批次 entries written in the issuing transaction, 作废 with a reason, and the
 * exported file's SHA-256. Every write is one transaction with its audit entry.
 */
import { docNumberYear, formatDocNumber, nextDocSeq, type DocNumberStyle } from '../../../shared/charter';
import {
  ALLIANCE_NAME,
  certificateBatchText,
  type BatchCertificate,
  type CertificateBatchInput,
} from '../../../shared/documents';
import type { OutgoingDocument } from '../../../shared/domain/records';
import { findPlaceholders, placeholderRefusal } from '../../../shared/documents/placeholders';
import { addAudited, writeAudit } from '../db/audit';
import type { DeskDB } from '../db/schema';
import { stableJson } from '../../../shared/sync/codec';
import { documentSequence } from '../sync/counter';
import { NumbersNeedServer, serverNumbers } from '../sync/numbers';

/** What the editor writes of a draft: the document's own text and its 版头 / 版记 (absent: none). */
export type DraftFields = Pick<
  OutgoingDocument,
  | 'title'
  | 'type'
  | 'date'
  | 'addressee'
  | 'body'
  | 'attachments'
  | 'issuer'
  | 'template'
  | 'letterhead'
  | 'colophon'
>;

export class DocumentWriteError extends Error {}

/** A document's draft fields as stored (what the editor writes of it). */
export function draftFieldsOf(d: OutgoingDocument | DraftFields): DraftFields {
  return {
    title: d.title,
    type: d.type,
    date: d.date,
    addressee: d.addressee,
    body: d.body,
    attachments: [...d.attachments],
    issuer: d.issuer,
    ...(d.template ? { template: d.template } : {}),
    ...(d.letterhead ? { letterhead: { mark: d.letterhead.mark } } : {}),
    ...(d.colophon ? { colophon: { ...d.colophon } } : {}),
  };
}

/** Whether two drafts store the same fields (key order aside). */
export function sameDraftFields(
  a: OutgoingDocument | DraftFields,
  b: OutgoingDocument | DraftFields,
): boolean {
  return stableJson(draftFieldsOf(a)) === stableJson(draftFieldsOf(b));
}

/** 保存草稿: creates or updates a draft; a final or voided document is read-only. */
export async function saveDraft(db: DeskDB, id: number | undefined, fields: DraftFields): Promise<number> {
  if (id === undefined) return createDraft(db, fields);
  await updateDraft(db, id, fields, 'save');
  return id;
}

async function createDraft(db: DeskDB, fields: DraftFields): Promise<number> {
  const now = new Date().toISOString();
  const row: OutgoingDocument = {
    ...fields,
    year: docNumberYear(fields.date),
    status: 'draft',
    createdAt: now,
    updatedAt: now,
  };
  return db.transaction('rw', [db.documents, db.audit], () =>
    addAudited(db, db.documents, row, {
      summary: `新建发文草稿：${fields.title || '（无标题）'}`,
      after: fields,
    }),
  );
}

/**
 * The draft holding exactly `fields`, created when the register has none: typing kept for later (the
 * start-up replay, a conflict's draft version) becomes a draft once, however often it is written.
 */
export async function draftWithFields(db: DeskDB, fields: DraftFields): Promise<number> {
  return db.transaction('rw', [db.documents, db.audit], async () => {
    const drafts = await db.documents.where('status').equals('draft').toArray();
    return drafts.find((d) => sameDraftFields(d, fields))?.id ?? createDraft(db, fields);
  });
}

/**
 * The editor's autosave of a draft (nothing typed is lost): written while the clerk types, at most a second
 * behind. A draft not yet in the register is created (its audit entry says so); an existing one is
 * updated, with an audit entry only at the start of an editing burst (`audited`), so the trail holds one
 * entry per sitting, not one per second. Writes nothing when the fields are as stored. Refused (in
 * Chinese) once the document is final or voided: the editor keeps the text on screen and says so.
 */
export async function autosaveDraft(
  db: DeskDB,
  id: number | undefined,
  fields: DraftFields,
  audited: boolean,
): Promise<number> {
  if (id === undefined) return createDraft(db, fields);
  await updateDraft(db, id, fields, audited ? 'autosave-audited' : 'autosave');
  return id;
}

/** 'save': 保存草稿, written and audited even when nothing changed (the clerk asked); the autosave writes only a change. */
async function updateDraft(
  db: DeskDB,
  id: number,
  fields: DraftFields,
  mode: 'save' | 'autosave-audited' | 'autosave',
): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', [db.documents, db.audit], async () => {
    const before = await db.documents.get(id);
    if (!before) throw new DocumentWriteError('找不到该发文');
    if (before.status !== 'draft')
      throw new DocumentWriteError(
        before.status === 'final' ? '该发文已定稿，不能再修改' : '该发文已作废，不能再修改',
      );
    if (mode !== 'save' && sameDraftFields(before, fields)) return;
    // A 版头 / 版记 switched off is removed (Dexie deletes a property updated to undefined).
    const cleared: Record<string, undefined> = {};
    if (!fields.letterhead) cleared.letterhead = undefined;
    if (!fields.colophon) cleared.colophon = undefined;
    await db.documents.update(id, {
      ...cleared,
      ...fields,
      year: docNumberYear(fields.date),
      updatedAt: now,
    });
    if (mode === 'autosave') return;
    await writeAudit(db, {
      entity: 'documents',
      entityId: id,
      action: 'update',
      summary: `${mode === 'save' ? '修改发文草稿' : '自动保存发文草稿'}：${fields.title || '（无标题）'}`,
      before: draftFieldsOf(before),
      after: fields,
    });
  });
}

/**
 * The next document number of a year (R-W1): reads every number issued in that year (voided ones
 * included) and takes the next; the unique index [year+seq] refuses a duplicate if two windows race.
 * Call inside a transaction that includes db.documents.
 */
async function takeNextNumber(
  db: DeskDB,
  year: number,
  style: DocNumberStyle,
  reservedSeq?: number,
): Promise<{ year: number; seq: number; docNumber: string }> {
  const seq = reservedSeq ?? nextDocSeq(await issuedNumbers(db, year), year);
  return { year, seq, docNumber: formatDocNumber({ year, seq, style }) };
}

async function issuedNumbers(db: DeskDB, year: number) {
  return (await db.documents.where('year').equals(year).toArray())
    .filter((d) => typeof d.seq === 'number')
    .map((d) => ({ year: d.year, seq: d.seq as number }));
}

/**
 * With the office's server configured (issue 19): the next `count` numbers of `year`'s sequence taken from
 * the server's counter, never at or below the highest this register knows; undefined without a server
 * (numbered locally, as before). Call OUTSIDE a transaction (it waits for the network); throws
 * DocumentWriteError in Chinese when the server cannot be reached.
 */
export async function reserveDocNumbers(
  db: DeskDB,
  year: number,
  what: string,
  kept: string,
  count = 1,
): Promise<number | undefined> {
  const floor = nextDocSeq(await issuedNumbers(db, year), year) - 1;
  try {
    return await serverNumbers(documentSequence(year), floor, count, what, kept);
  } catch (e) {
    if (e instanceof NumbersNeedServer) throw new DocumentWriteError(e.message);
    throw e;
  }
}

/**
 * Numbers taken from the server and then not used (the write after it failed): they are gone for ever
 * (R-W1, never reused), so the audit trail says which and why.
 */
export async function recordUnusedNumbers(db: DeskDB, numbers: string, why: unknown): Promise<void> {
  const reason = why instanceof Error ? why.message : String(why);
  await db
    .transaction('rw', db.audit, () =>
      writeAudit(db, {
        entity: 'documents',
        action: 'docnumber',
        summary: `服务器分配的编号 ${numbers} 未使用（操作未完成：${reason}），该编号不再使用`,
      }),
    )
    .catch(() => undefined);
}

function checkFinalizable(doc: OutgoingDocument | undefined): asserts doc is OutgoingDocument {
  if (!doc) throw new DocumentWriteError('找不到该发文');
  if (doc.status !== 'draft') throw new DocumentWriteError('只有草稿可以定稿');
  if (doc.title.trim() === '') throw new DocumentWriteError('请先填写标题');
  // A number is used up for ever (R-W1): never on a template still reading 关于××的通知.
  const refusal = placeholderRefusal(findPlaceholders(doc));
  if (refusal) throw new DocumentWriteError(refusal);
}

/**
 * 定稿 (R-W1): the draft becomes final with the year's next number — from the office's server when one
 * is configured (issue 19: checked first, then the number taken, then written; offline it is refused and
 * the draft stays a draft), else from this register.
 */
export async function finalizeDocument(db: DeskDB, id: number, style: DocNumberStyle): Promise<string> {
  const draft = await db.documents.get(id);
  checkFinalizable(draft);
  const draftYear = docNumberYear(draft.date);
  const reserved = await reserveDocNumbers(db, draftYear, '定稿', '草稿仍为草稿，未分配发文字号');
  try {
    return await finalizeWith(
      db,
      id,
      style,
      reserved === undefined ? undefined : { year: draftYear, seq: reserved },
    );
  } catch (e) {
    if (reserved !== undefined)
      await recordUnusedNumbers(db, formatDocNumber({ year: draftYear, seq: reserved, style }), e);
    throw e;
  }
}

async function finalizeWith(
  db: DeskDB,
  id: number,
  style: DocNumberStyle,
  reserved: { year: number; seq: number } | undefined,
): Promise<string> {
  const now = new Date().toISOString();
  return db.transaction('rw', [db.documents, db.audit], async () => {
    const doc = await db.documents.get(id);
    checkFinalizable(doc);
    const docYear = docNumberYear(doc.date);
    if (reserved && reserved.year !== docYear) throw new DocumentWriteError('成文日期已改动，请重新定稿');
    const { year, seq, docNumber } = await takeNextNumber(db, docYear, style, reserved?.seq);
    await db.documents.update(id, { year, seq, docNumber, status: 'final', updatedAt: now });
    await writeAudit(db, {
      entity: 'documents',
      entityId: id,
      action: 'docnumber',
      summary: `定稿并分配发文字号 ${docNumber}：${doc.title}`,
      before: { status: doc.status, docNumber: doc.docNumber ?? null },
      after: { status: 'final', docNumber, year, seq },
    });
    return docNumber;
  });
}

/**
 * 证书批次 (R-W1 with R-M3 (4), R-P3): the certificates just issued are entered in the register as one
 * final entry with the year's next number. Call inside the issuing transaction (it must include
 * db.documents and db.audit), so certificates and their register entry are written together or not at all.
 */
export async function registerCertificateBatch(
  db: DeskDB,
  batch: Omit<CertificateBatchInput, 'certificates'> & {
    certificates: readonly (BatchCertificate & { certificateId: number })[];
  },
  style: DocNumberStyle,
  /** The sequence number taken from the office's server beforehand (reserveDocNumbers), if one is configured. */
  reservedSeq?: number,
): Promise<{ id: number; docNumber: string }> {
  const now = new Date().toISOString();
  const text = certificateBatchText(batch);
  const certificateBatch: NonNullable<OutgoingDocument['certificateBatch']> = {
    kind: batch.kind,
    ...(batch.programmeName ? { programmeName: batch.programmeName } : {}),
    items: batch.certificates.map((c) => ({
      certificateId: c.certificateId,
      certificateNo: c.certificateNo,
      unitName: c.unitName,
    })),
  };
  const { year, seq, docNumber } = await takeNextNumber(db, docNumberYear(text.date), style, reservedSeq);
  const row: OutgoingDocument = {
    ...text,
    year,
    seq,
    docNumber,
    issuer: ALLIANCE_NAME,
    status: 'final',
    certificateBatch,
    createdAt: now,
    updatedAt: now,
  };
  const id = await addAudited(db, db.documents, row, {
    action: 'docnumber',
    summary: `登记证书批次并分配发文字号 ${docNumber}：${text.title}`,
    after: { docNumber, title: text.title, certificateBatch },
  });
  return { id, docNumber };
}

/** 作废 (R-W1): drafts and finals; a final keeps its number in the register. */
export async function voidDocument(db: DeskDB, id: number, reason: string): Promise<void> {
  const r = reason.trim();
  if (r === '') throw new DocumentWriteError('请填写作废原因');
  const now = new Date().toISOString();
  await db.transaction('rw', [db.documents, db.audit], async () => {
    const doc = await db.documents.get(id);
    if (!doc) throw new DocumentWriteError('找不到该发文');
    if (doc.status === 'void') throw new DocumentWriteError('该发文已作废');
    if (doc.certificateBatch)
      throw new DocumentWriteError('证书批次不能作废：证书已颁发，请在专项行动或会员档案中办理证书收回');
    await db.documents.update(id, { status: 'void', voided: { at: now, reason: r }, updatedAt: now });
    await writeAudit(db, {
      entity: 'documents',
      entityId: id,
      action: 'void',
      summary: `作废发文${doc.docNumber ? ` ${doc.docNumber}` : '草稿'}：${doc.title}（${r}）`,
      before: { status: doc.status },
      after: { status: 'void', reason: r },
    });
  });
}

/** Records the SHA-256 of the exported file in the register. */
export async function recordExport(db: DeskDB, id: number, sha256: string): Promise<void> {
  await db.transaction('rw', [db.documents, db.audit], async () => {
    const doc = await db.documents.get(id);
    if (!doc) throw new DocumentWriteError('找不到该发文');
    if (doc.sha256 === sha256) return;
    await db.documents.update(id, { sha256, updatedAt: new Date().toISOString() });
    await writeAudit(db, {
      entity: 'documents',
      entityId: id,
      action: 'update',
      summary: `导出发文 Word 文件：${doc.docNumber ?? doc.title}`,
      before: { sha256: doc.sha256 ?? null },
      after: { sha256 },
    });
  });
}
