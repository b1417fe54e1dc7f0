/**
 * The content of a backup (database.json) as dexie-export-import's `exportDB` writes it, in one pass
 * (issue 17). exportDB reads every table in chunks of 2,000 rows and runs typeson's full `encapsulate` on
 * every row — a walk that tests each value against ~30 registered types — then stringifies each chunk
 * into a Blob, which the backup then read back whole. Here every table is read with one `getAll` in one
 * read transaction (the reads are all requested at once, so the next table is being read while one is
 * encoded; no `count()` first: IndexedDB would walk every store once more before the first read, and the
 * rows read are the counts), each row is encoded in place by `encapsulateRow` — the same `$types` as
 * typeson for the values our records hold (arrays, undefined, NaN/±Infinity, Dates, Blobs, a value
 * referenced twice) — and each table is stringified once. The text is byte for byte exportDB's (test/unit/data/exportContent proves it
 * on rows with every such value); a row holding anything else (a Map, a typed array, an array with holes,
 * a class instance…) makes `exportContent` answer null, and the backup is written by exportDB itself.
 */
import type Dexie from 'dexie';
import type { Table } from 'dexie';

/** Why `encapsulateRow` gave up: a value it does not write as typeson would. */
const UNSUPPORTED = Symbol('unsupported');

/** typeson's key path component escaping (`~` → `~0`, `.` → `~1`). */
const escapeKey = (k: string) => (/[~.]/.test(k) ? k.replace(/~/g, '~0').replace(/\./g, '~1') : k);
const join = (path: string, key: string) => (path ? `${path}.${escapeKey(key)}` : escapeKey(key));

/** A Blob found in a row: its place is filled with `{ type, data: base64 }` once read. */
export interface PendingBlob {
  blob: Blob;
  holder: { type: string; data: string };
}

interface RowState {
  types: Record<string, string> | null;
  /**
   * Objects met in this row and their key paths (typeson writes a second reference as `#path`): a Map, as
   * a meeting's roll snapshot holds up to 10,000 objects (a list searched for each was quadratic).
   */
  seen: Map<object, string> | null;
  /** The row itself (path ''), apart: most rows hold no object but themselves, and need no Map. */
  root: object;
  blobs: PendingBlob[];
}

const OBJECT_PROTO = Object.prototype;
const tag = (v: object) => Object.prototype.toString.call(v).slice(8, -1);

function typed(s: RowState, path: string, type: string) {
  (s.types ??= {})[path] = type;
}

/** Strings, booleans and finite numbers (nearly every value): written as they are, no key path needed. */
const isPlain = (x: unknown) =>
  typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));

/** The value typeson writes for `v` at `path` (`v` itself when unchanged), or UNSUPPORTED. */
function encodeValue(v: unknown, path: string, s: RowState): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      if (Number.isFinite(v)) return v;
      if (Number.isNaN(v)) {
        typed(s, path, 'nan');
        return 'NaN';
      }
      typed(s, path, v > 0 ? 'infinity' : 'negativeInfinity');
      return v > 0 ? 'Infinity' : '-Infinity';
    case 'undefined':
      typed(s, path, 'undef');
      return 0;
    case 'object': {
      if (v === null) return null;
      const at = v === s.root ? '' : s.seen?.get(v);
      if (at !== undefined) {
        typed(s, path, '#');
        return `#${at}`;
      }
      (s.seen ??= new Map()).set(v, path);
      if (Array.isArray(v)) {
        // typeson's arrayNonindexKeys marks every array; holes and non-index keys are written otherwise.
        if (Object.keys(v).length !== v.length) return UNSUPPORTED;
        typed(s, path, 'arrayNonindexKeys');
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          if (isPlain(x)) continue;
          const e = encodeValue(x, `${path}.${i}`, s);
          if (e === UNSUPPORTED) return UNSUPPORTED;
          if (e !== x) v[i] = e;
        }
        return v;
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto === OBJECT_PROTO || proto === null) {
        if (tag(v) !== 'Object') return UNSUPPORTED;
        return encodeObject(v as Record<string, unknown>, path, s) ? v : UNSUPPORTED;
      }
      if (v instanceof Date) {
        typed(s, path, 'date');
        const t = v.getTime();
        return Number.isNaN(t) ? 'NaN' : t;
      }
      if (tag(v) === 'Blob') {
        typed(s, path, 'blob2');
        const holder = { type: (v as Blob).type, data: '' };
        s.blobs.push({ blob: v as Blob, holder });
        return holder;
      }
      return UNSUPPORTED;
    }
    default:
      return UNSUPPORTED; // bigint, symbol, function
  }
}

function encodeObject(o: Record<string, unknown>, path: string, s: RowState): boolean {
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (isPlain(x)) continue;
    const e = encodeValue(x, join(path, k), s);
    if (e === UNSUPPORTED) return false;
    if (e !== x) o[k] = e;
  }
  return true;
}

/**
 * Encodes one row IN PLACE as typeson's `encapsulate` (dexie-export-import's TSON) writes it: replaced
 * values in their places and, when any, `$types` appended last. The row must be the caller's own copy
 * (rows read from IndexedDB are). Blobs are left as `{ type, data: '' }` and listed in `blobs`, to be
 * filled (`fillBlobs`). Returns false for a row holding a value typeson would write otherwise.
 */
export function encapsulateRow(row: Record<string, unknown>, blobs: PendingBlob[]): boolean {
  if (Object.hasOwn(row, '$types') || tag(row) !== 'Object') return false;
  const proto: unknown = Object.getPrototypeOf(row);
  if (proto !== OBJECT_PROTO && proto !== null) return false;
  const s: RowState = { types: null, seen: null, root: row, blobs };
  if (!encodeObject(row, '', s)) return false;
  if (s.types) row.$types = s.types;
  return true;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (as dexie-export-import's `encode`). */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  let chunk = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const x = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += B64[x >> 18]! + B64[(x >> 12) & 63]! + B64[(x >> 6) & 63]! + B64[x & 63]!;
    if (chunk.length >= 65536) {
      out.push(chunk);
      chunk = '';
    }
  }
  if (n - i === 1) {
    const x = bytes[i]! << 16;
    chunk += B64[x >> 18]! + B64[(x >> 12) & 63]! + '==';
  } else if (n - i === 2) {
    const x = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    chunk += B64[x >> 18]! + B64[(x >> 12) & 63]! + B64[(x >> 6) & 63]! + '=';
  }
  out.push(chunk);
  return out.join('');
}

/** Reads the Blobs `encapsulateRow` left and writes their base64 into their places. */
export async function fillBlobs(blobs: readonly PendingBlob[]): Promise<void> {
  for (const b of blobs) b.holder.data = base64(new Uint8Array(await b.blob.arrayBuffer()));
}

/** exportDB's schema string of a table: primary key and indexes as declared. */
function schemaString(table: Table): string {
  return [table.schema.primKey, ...table.schema.indexes].map((i) => i.src).join(',');
}

export interface ExportedContent {
  /** Rows per table: those read, in the one read transaction. */
  counts: Record<string, number>;
  /**
   * The text's beginning, before every piece handed to `sink`: exportDB's header, which gives each table's
   * row count, so it is known only once every table is read.
   */
  head: string;
}

const req = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('读取失败'));
  });

/**
 * database.json of `db` without the tables in `skip`, as exportDB writes it: `head` (returned) followed by
 * the pieces handed to `sink` in order are the file. Null when a row holds a value encapsulateRow does not
 * write (the caller then uses exportDB, and drops what `sink` was given). One read transaction, every
 * table's rows requested at once. Each table is handed over as soon as it is encoded (the backup
 * compresses it elsewhere while this thread encodes the next); a table with Blobs (`files`) and those
 * after it follow once its Blobs are read.
 */
export async function exportContent(
  db: Dexie,
  skip: readonly string[],
  sink: (text: string) => void,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportedContent | null> {
  const tables = db.tables.filter((t) => !skip.includes(t.name));
  if (tables.some((t) => !t.schema.primKey.keyPath)) return null; // outbound keys: exportDB writes [key, value]
  // Read with the plain API: fresh copies that nobody else holds (Dexie's cache may hand the same objects
  // to live queries), so they can be encoded in place. One transaction over every table (as exportDB).
  // A handle just made (the backup Worker's) is not open yet: Dexie opens on the first query, the plain
  // API needs it open.
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction(
    db.tables.map((t) => t.name),
    'readonly',
  );
  const finished = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('读取中止'));
  });
  const reads = tables.map((t) =>
    req(tx.objectStore(t.name).getAll() as IDBRequest<Record<string, unknown>[]>),
  );
  const counts: Record<string, number> = {};
  const blobs: PendingBlob[] = [];
  /** Tables encoded but not yet emitted (behind a table whose Blobs are still to be read). */
  const held: { i: number; rows: unknown[] }[] = [];
  const tableText = (i: number, rows: unknown[]) =>
    `${i > 0 ? ',' : ''}{"tableName":${JSON.stringify(tables[i]!.name)},"inbound":true,"rows":${JSON.stringify(rows)}}`;
  let ok = true;
  let done = 0;
  for (let i = 0; i < tables.length; i++) {
    const rows = await reads[i]!;
    if (!ok) continue;
    counts[tables[i]!.name] = rows.length;
    const before = blobs.length;
    for (const r of rows) {
      if (!ok || !encapsulateRow(r, blobs)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (blobs.length > before || held.length) held.push({ i, rows });
    else sink(tableText(i, rows));
    onProgress?.(++done, tables.length);
  }
  await finished;
  if (!ok) return null;
  await fillBlobs(blobs);
  for (const { i, rows } of held) sink(tableText(i, rows));
  const header = JSON.stringify({
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: db.name,
      databaseVersion: db.verno,
      tables: tables.map((t) => ({ name: t.name, schema: schemaString(t), rowCount: counts[t.name]! })),
      data: [],
    },
  });
  const end = header.lastIndexOf(']');
  sink(header.slice(end));
  return { counts, head: header.slice(0, end) };
}
