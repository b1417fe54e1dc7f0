/**
 * Rows ↔ replicated documents (issue 19). Pure: no PouchDB, no Dexie.
 *
 * A row of table `t` with key `k` is the document `{ _id: 't:k', t, d: row }`; a Blob-valued field (the
 * files table's `data`) travels as an attachment of the same name, listed in `b`.
 */
import { docIdOf } from './scope';

export interface EncodedDoc {
  _id: string;
  t: string;
  d: Record<string, unknown>;
  b?: string[];
  _attachments?: Record<string, { content_type: string; data: Blob }>;
}

function isBlob(v: unknown): v is Blob {
  return typeof Blob !== 'undefined' && v instanceof Blob;
}

/** The document of one row (`key` its primary key). */
export function encodeRow(table: string, key: number | string, row: Record<string, unknown>): EncodedDoc {
  const d: Record<string, unknown> = {};
  const blobs: string[] = [];
  const attachments: Record<string, { content_type: string; data: Blob }> = {};
  for (const [field, value] of Object.entries(row)) {
    if (value === undefined) continue;
    if (isBlob(value)) {
      blobs.push(field);
      attachments[field] = { content_type: value.type || 'application/octet-stream', data: value };
    } else d[field] = value;
  }
  const doc: EncodedDoc = { _id: docIdOf(table, key), t: table, d };
  if (blobs.length) {
    doc.b = blobs;
    doc._attachments = attachments;
  }
  return doc;
}

/** The row of a document (attachments given as Blobs when fetched with `binary: true`). */
export function decodeDoc(doc: {
  d?: unknown;
  b?: unknown;
  _attachments?: Record<string, { data?: unknown }>;
}): Record<string, unknown> | null {
  if (!doc.d || typeof doc.d !== 'object') return null;
  const row: Record<string, unknown> = { ...(doc.d as Record<string, unknown>) };
  if (Array.isArray(doc.b))
    for (const field of doc.b) {
      const data = typeof field === 'string' ? doc._attachments?.[field]?.data : undefined;
      if (typeof field === 'string' && data !== undefined) row[field] = data;
    }
  return row;
}

/** JSON with sorted keys (Blobs by size and type): two rows are the same record when these are equal. */
export function stableJson(value: unknown): string {
  if (isBlob(value)) return JSON.stringify({ blob: value.size, type: value.type });
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sameRow(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

/** One field of a conflict: the winner's value (本机版本 shown) and the other revision's. */
export interface FieldDifference {
  field: string;
  winner: unknown;
  other: unknown;
}

/** The top-level fields in which two versions of a row differ (in the winner's field order, then the other's). */
export function differingFields(
  winner: Record<string, unknown>,
  other: Record<string, unknown>,
): FieldDifference[] {
  const fields = [...new Set([...Object.keys(winner), ...Object.keys(other)])];
  return fields
    .filter((f) => stableJson(winner[f]) !== stableJson(other[f]))
    .map((field) => ({ field, winner: winner[field], other: other[field] }));
}

/** The merged row: the winner, with the fields picked from the other version. */
export function mergePicked(
  winner: Record<string, unknown>,
  other: Record<string, unknown>,
  pickOther: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...winner };
  for (const f of pickOther) {
    if (other[f] === undefined) delete out[f];
    else out[f] = other[f];
  }
  return out;
}
