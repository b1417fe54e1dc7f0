/**
 * Backup and restore of the whole database (every table, `files` blobs included).
 *
 * Backup file: a zip with `manifest.json` (format, app and schema version, time, row counts per table,
 * SHA-256 of database.json) and `database.json` (dexie-export-import's JSON).
 *
 * Restore: read and check the file (manifest, SHA-256, counts, structure, no prototype keys). A backup
 * at the current schema version is written straight into the real database; an older one is first
 * staged in a temporary database opened at its schema version and upgraded to the current version with
 * the same `declareVersions` (so older backups migrate). Either way every table of the real database is
 * replaced in ONE transaction, audited 'restore'. Any failure leaves the database untouched.
 */
import Dexie, { type Table } from 'dexie';
import { exportDB, peakImportFile } from 'dexie-export-import';
import { Zip, ZipDeflate, zipSync, type ZipInputFile } from 'fflate';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  checkManifest,
  DATABASE_FILE,
  MANIFEST_FILE,
  TABLE_LABEL,
  type BackupManifest,
} from '../../../shared/data/manifest';
import { DataError } from '../../../shared/data/errors';
import { DATA_FORMAT } from '../../../shared/data/format';
import {
  FORBIDDEN_KEYS,
  forbiddenKeyError,
  keyPathHasForbidden,
  strictJsonParse,
} from '../../../shared/data/sanitize';
import {
  listZip,
  readZipEntry,
  ZipCorruptError,
  ZipTooLargeError,
  type ZipEntry,
  concatBytes,
} from '../../../shared/data/zip';
import { checkTableRows } from '../../../shared/domain/schemas';
import { LOCAL_TABLES } from '../../../shared/sync/scope';
import { formatAuditTime } from '../../../shared/data/auditView';
import { sniffKind, kindLabel } from '../../../shared/data/sniff';
import { openDeskDb, SCHEMA_VERSION, TABLE_NAMES, type DeskDB } from '../db/schema';
import { writeAudit } from '../db/audit';
import { exportContent } from './exportContent';
import {
  compressHere,
  sha256Hex,
  ZIP_LEVEL,
  type CompressedContent,
  type ContentCompressor,
} from './contentCompress';

export { DataError };

/** Largest backup file accepted (the contract's file limit). */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/**
 * What a backup may hold. The caps are checked on the manifest first (before inflating anything
 * large), then on what the zip actually inflates to (a running total, never the header sizes alone)
 * and on the rows actually read. Tests pass smaller caps; the real ones are BACKUP_LIMITS.
 */
export interface BackupLimits {
  /** The zip file itself. */
  maxFileBytes: number;
  /** manifest.json once inflated. */
  maxManifestBytes: number;
  /** database.json once inflated. */
  maxContentBytes: number;
  /** Rows of all tables together. */
  maxRows: number;
}

export const BACKUP_LIMITS: Readonly<BackupLimits> = {
  maxFileBytes: MAX_BACKUP_BYTES,
  maxManifestBytes: 1024 * 1024,
  // The 10,000-member demo (three years, ~190,000 rows) is ~34 MB; received files (up to 20 MB each)
  // are in it as base64. A 500,000-row backup took 66 s and 4.4 GB before this cap.
  maxContentBytes: 300 * 1024 * 1024,
  maxRows: 300_000,
};

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const rowsText = (n: number) => n.toLocaleString('zh-CN');

export type Progress = (percent: number, label: string) => void;

export { sha256Hex };

export async function tableCounts(db: Dexie): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of db.tables) out[t.name] = await t.count();
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `秘书处工作台备份-20261121-170509.zip` (local time). */
export function backupFileName(d = new Date()): string {
  return `秘书处工作台备份-${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}.zip`;
}

export interface CreatedBackup {
  bytes: Uint8Array;
  manifest: BackupManifest;
  fileName: string;
}

/**
 * Exports every table into a backup zip. database.json is compressed and hashed as it is written, by
 * `opts.compressor` (the backup Worker's compress Worker) or on this thread (contentCompress.ts).
 */
export async function createBackup(
  db: DeskDB,
  opts: { appVersion: string; now?: Date; onProgress?: Progress; compressor?: () => ContentCompressor },
): Promise<CreatedBackup> {
  const now = opts.now ?? new Date();
  opts.onProgress?.(0, '正在读取数据库…');
  // The sync outbox is this workstation's bookkeeping (issue 19), not a record: never in a backup.
  const skipTables = [...LOCAL_TABLES];
  // exportContent writes exportDB's text in one pass (one read transaction: content and counts are of
  // one instant), handing it over table by table: database.json is compressed as it comes, while
  // IndexedDB reads the next tables. A row with a value it does not write falls back to exportDB.
  const compressor = (opts.compressor ?? compressHere)();
  let fast: Awaited<ReturnType<typeof exportContent>>;
  try {
    fast = await exportContent(
      db,
      skipTables,
      (text) => compressor.push(text),
      (done, total) => opts.onProgress?.(Math.round((done / total) * 80), '正在导出数据…'),
    );
  } catch (e) {
    compressor.abort();
    throw e;
  }
  let counts: Record<string, number>;
  let database: CompressedContent | null = null;
  let content: Uint8Array | null = null;
  if (fast) {
    opts.onProgress?.(85, '正在压缩并计算校验值…');
    counts = fast.counts;
    // The header (it counts the rows read) goes before every table handed over.
    database = await compressor.end(fast.head);
  } else {
    compressor.abort();
    ({ content, counts } = await exportWithDexie(db, skipTables, opts.onProgress));
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: opts.appVersion,
    // The version of the database exported (the app's is always current; a handle opened at an
    // older version writes that version, which a restore then migrates).
    schemaVersion: db.verno,
    // The records are this build's (shared/data/format.ts): a build of an older format refuses them.
    dataFormat: DATA_FORMAT,
    createdAt: now.toISOString(),
    counts,
    sha256: database ? database.sha256 : await sha256Hex(content!),
    bytes: database ? database.size : content!.byteLength,
  };
  opts.onProgress?.(95, '正在写出备份文件…');
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
  // A plain zip (DEFLATE) any zip tool opens: database.json first, then manifest.json (readers find both
  // in the central directory). Level 1: several times faster than JSZip's level 6 on ~34 MB of JSON, and
  // the file is still a small fraction of the export.
  const bytes = database
    ? zipWithDatabase(database, manifestBytes)
    : zipSync({ [MANIFEST_FILE]: manifestBytes, [DATABASE_FILE]: content! }, { level: ZIP_LEVEL });
  opts.onProgress?.(100, '完成');
  return { bytes, manifest, fileName: backupFileName(now) };
}

/** The backup zip around database.json already compressed, and manifest.json. */
function zipWithDatabase(database: CompressedContent, manifestBytes: Uint8Array): Uint8Array {
  const zipped: Uint8Array[] = [];
  let zipError: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else zipped.push(chunk);
  });
  // An entry whose DEFLATE data, CRC-32 and size are given (fflate's ZipInputFile: the zip writes the
  // local header, the data, then a data descriptor with the CRC and size).
  const file: ZipInputFile = {
    filename: DATABASE_FILE,
    size: database.size,
    crc: database.crc,
    compression: 8,
  };
  zip.add(file);
  file.ondata!(null, database.deflated as Uint8Array<ArrayBuffer>, true);
  const m = new ZipDeflate(MANIFEST_FILE, { level: ZIP_LEVEL });
  zip.add(m);
  m.push(manifestBytes, true);
  zip.end();
  if (zipError) throw zipError;
  return concatBytes(zipped);
}

/** The export by dexie-export-import's exportDB (rows exportContent does not write). */
async function exportWithDexie(
  db: DeskDB,
  skipTables: string[],
  onProgress: Progress | undefined,
): Promise<{ content: Uint8Array; counts: Record<string, number> }> {
  // exportDB reads every table in its own read transaction: content and counts are of one instant.
  const blob = await exportDB(db, {
    skipTables,
    progressCallback: (p) => {
      const pct = p.totalRows ? Math.round((p.completedRows / p.totalRows) * 80) : 0;
      onProgress?.(pct, '正在导出数据…');
      return true;
    },
  });
  const content = new Uint8Array(await blob.arrayBuffer());
  // The row counts come from the export's own header (counted in exportDB's read transaction, so they
  // agree with the rows): no need to parse the whole export.
  const counts: Record<string, number> = {};
  for (const t of (await peakImportFile(blob)).data.tables) counts[t.name] = t.rowCount;
  return { content, counts };
}

interface DexieExportRow {
  tableName: string;
  inbound: boolean;
  rows: unknown[];
}

interface DexieExport {
  formatName: 'dexie';
  formatVersion: number;
  data: {
    databaseName: string;
    databaseVersion: number;
    tables: { name: string; schema: string; rowCount: number }[];
    data: DexieExportRow[];
  };
}

/** typeson types dexie-export-import may write for our records (Blobs in `files`, undefined, dates). */
const ALLOWED_TYPES = new Set([
  'blob2',
  'arrayNonindexKeys',
  'sparseUndefined',
  'blob',
  'file',
  'arraybuffer',
  'uint8array',
  'date',
  'undef',
  'undefined',
  'nan',
  'infinity',
  'negativeInfinity',
  'bigint',
  'map',
  'set',
]);

function checkTypes(value: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (typeof value === 'string') return ALLOWED_TYPES.has(value) || value === '#';
  if (value === true) return true;
  if (Array.isArray(value)) return value.every((v) => checkTypes(v, depth + 1));
  if (value && typeof value === 'object') return Object.values(value).every((v) => checkTypes(v, depth + 1));
  return false;
}

/**
 * The first `$types` key path through `__proto__`/`constructor`/`prototype` (typeson's setter walks
 * such paths unguarded: `constructor.prototype.hasOwnProperty` replaced Object.prototype's), or
 * undefined. Checked on every row before anything revives it, whichever path the restore takes.
 */
function forbiddenTypesKey(types: unknown, depth = 0): string | undefined {
  if (!types || typeof types !== 'object' || depth > 100) return undefined;
  for (const [k, v] of Object.entries(types)) {
    if (keyPathHasForbidden(k)) return k;
    const inner = forbiddenTypesKey(v, depth + 1);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function checkStructure(
  value: unknown,
  manifest: BackupManifest,
  knownTables: readonly string[],
  limits: BackupLimits,
): DexieExport {
  const bad = (why: string) => new DataError(`备份内容的结构有误（${why}），无法恢复。`);
  if (!value || typeof value !== 'object') throw bad('不是对象');
  const v = value as Partial<DexieExport>;
  if (v.formatName !== 'dexie' || typeof v.formatVersion !== 'number') throw bad('不是数据库导出');
  const d = v.data;
  if (!d || !Array.isArray(d.tables) || !Array.isArray(d.data)) throw bad('缺少数据表');
  if (d.databaseVersion !== manifest.schemaVersion) throw bad('数据库版本与清单不符');
  const known = new Set(knownTables);
  const seen = new Set<string>();
  let rows = 0;
  for (const t of d.data) {
    if (!t || typeof t.tableName !== 'string' || !Array.isArray(t.rows)) throw bad('数据表格式不符');
    rows += t.rows.length;
    if (rows > limits.maxRows) throw tooManyRows(rows, limits);
    if (!known.has(t.tableName)) throw bad(`未知的数据表“${t.tableName.slice(0, 40)}”`);
    if (seen.has(t.tableName)) throw bad(`数据表“${t.tableName}”重复`);
    seen.add(t.tableName);
    for (const row of t.rows) {
      if (!row || typeof row !== 'object' || Array.isArray(row))
        throw bad(`“${t.tableName}”中有不是记录的内容`);
      const types = (row as { $types?: unknown }).$types;
      if (types !== undefined) {
        const key = forbiddenTypesKey(types);
        if (key !== undefined) throw forbiddenKeyError('备份内容', key);
        if (!checkTypes(types)) throw bad('含有不允许的数据类型');
      }
    }
    const declared = d.tables.find((x) => x && x.name === t.tableName);
    if (!declared || declared.rowCount !== t.rows.length) throw bad(`“${t.tableName}”的记录数与表头不符`);
  }
  const counts = manifest.counts;
  const mismatch = [...new Set([...Object.keys(counts), ...seen])].filter(
    (name) => (counts[name] ?? 0) !== (d.data.find((t) => t.tableName === name)?.rows.length ?? 0),
  );
  if (mismatch.length) {
    throw new DataError(
      `备份内容的记录数与清单不符（${mismatch.slice(0, 5).join('、')}）：文件可能已损坏或被修改，已拒绝恢复。`,
    );
  }
  return v as DexieExport;
}

/** Tables that exist at a given schema version (for checking an older backup's table names). */
export function tablesAtVersion(version: number): string[] {
  if (version === SCHEMA_VERSION) return [...TABLE_NAMES];
  const tmp = openDeskDb(`secretariat-desk-probe-${version}`, version);
  return tmp.tables.map((t) => t.name);
}

export interface ReadBackup {
  manifest: BackupManifest;
  /** The checked dexie export (no prototype keys anywhere, structure and counts checked). */
  data: DexieExport;
  /**
   * Backups at the current schema version: every table's rows, typeson-revived and checked against
   * the domain's zod schemas (an older backup's rows are checked after migrating, in restoreBackup).
   */
  rows?: Map<string, unknown[]>;
}

/** A backup file opened: its manifest checked, its content inflated under the caps, SHA-256 verified. */
export interface OpenedBackup {
  manifest: BackupManifest;
  content: Uint8Array;
}

const corrupt = (fileName: string) =>
  new DataError(`“${fileName}”已损坏或不完整，无法解压。请换一份备份文件。`);

const tooManyRows = (n: number, limits: BackupLimits) =>
  new DataError(
    `备份中的记录过多（${rowsText(n)} 条，上限 ${rowsText(limits.maxRows)} 条），不像是本工作台的备份，已拒绝恢复。`,
  );

/** Can a key decode to `__proto__`/`constructor`/`prototype`? (Only via these literals or \u escapes.) */
const MAYBE_FORBIDDEN_KEY = /"(?:__proto__|constructor|prototype)"|\\u00[4-7]/;

/**
 * `strictJsonParse` of the backup content (refuses prototype keys). Its reviver callback makes
 * JSON.parse several times slower on ~34 MB, so when the text cannot hold a forbidden key at all
 * (none of them literally, no \u escape of an ASCII letter or `_`) the plain JSON.parse is the same.
 */
function parseContent(text: string): unknown {
  if (MAYBE_FORBIDDEN_KEY.test(text)) return strictJsonParse(text, '备份内容');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return strictJsonParse(text, '备份内容'); // throws the usual DataError
  }
}

/**
 * Opens a backup file: kind and size, then the manifest alone (checked, and its row count and content
 * size against the caps), then database.json inflated with a running cap of the manifest's own size
 * (so a zip bomb stops at the cap, whatever its headers declare), then its SHA-256. Throws DataError.
 */
export async function openBackup(
  bytes: Uint8Array,
  fileName = '所选文件',
  limits: BackupLimits = BACKUP_LIMITS,
): Promise<OpenedBackup> {
  const kind = sniffKind(bytes);
  if (kind === 'empty') throw new DataError(`“${fileName}”是空文件，不是备份。`);
  if (bytes.byteLength > limits.maxFileBytes)
    throw new DataError(`备份文件过大（超过 ${mb(limits.maxFileBytes)}）。`);
  if (kind !== 'zip') {
    throw new DataError(
      `“${fileName}”不是秘书处工作台的备份文件（内容是${kindLabel(kind)}，备份文件应为 .zip）。`,
    );
  }
  // Reads both the new backups (fflate) and the older ones written by JSZip (DEFLATE or STORE).
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes);
  } catch {
    throw corrupt(fileName);
  }
  const inflate = (name: string, cap: number, tooLarge: string) => {
    try {
      return readZipEntry(bytes, entries, name, cap, tooLarge);
    } catch (e) {
      if (e instanceof ZipTooLargeError) throw e;
      if (e instanceof ZipCorruptError || !(e instanceof DataError)) throw corrupt(fileName);
      throw e;
    }
  };
  if (!entries.some((e) => e.name === MANIFEST_FILE) || !entries.some((e) => e.name === DATABASE_FILE))
    throw new DataError(`“${fileName}”不是秘书处工作台的备份文件（缺少清单或数据）。`);
  const mf = inflate(MANIFEST_FILE, limits.maxManifestBytes, '备份清单过大，不是秘书处工作台的备份文件。')!;
  const manifest = checkManifest(strictJsonParse(new TextDecoder().decode(mf), '备份清单'), SCHEMA_VERSION);
  const declaredRows = Object.values(manifest.counts).reduce((n, c) => n + c, 0);
  if (declaredRows > limits.maxRows) throw tooManyRows(declaredRows, limits);
  if (manifest.bytes > limits.maxContentBytes)
    throw new DataError(
      `备份内容过大（解压后 ${mb(manifest.bytes)}，上限 ${mb(limits.maxContentBytes)}），无法恢复。`,
    );
  // The content may not inflate past what the manifest says it is.
  const content = inflate(
    DATABASE_FILE,
    manifest.bytes,
    `备份内容与清单不符：解压后超过清单所记的 ${manifest.bytes.toLocaleString('zh-CN')} 字节（文件可能已损坏、被修改或是恶意构造的压缩包），已停止解压并拒绝恢复。`,
  )!;
  if (content.byteLength !== manifest.bytes || (await sha256Hex(content)) !== manifest.sha256) {
    throw new DataError('备份内容与清单中的校验值（SHA-256）不符：文件可能已损坏或被修改，已拒绝恢复。');
  }
  return { manifest, content };
}

/**
 * Reads an opened backup's content: text, JSON (no prototype keys), structure and counts against the
 * manifest, row caps, `$types` checked; at the current schema version also every row revived and
 * checked against the domain schemas. Throws DataError.
 */
export function readBackupContent(opened: OpenedBackup, limits: BackupLimits = BACKUP_LIMITS): ReadBackup {
  const { manifest, content } = opened;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new DataError('备份内容不是有效的文本，无法恢复。');
  }
  const data = checkStructure(parseContent(text), manifest, tablesAtVersion(manifest.schemaVersion), limits);
  if (manifest.schemaVersion !== SCHEMA_VERSION) return { manifest, data };
  const rows = new Map<string, unknown[]>();
  for (const t of data.data.data) {
    let revived: unknown[];
    try {
      revived = t.rows.map(reviveRow);
    } catch {
      throw unreadable();
    }
    checkRows(t.tableName, revived);
    rows.set(t.tableName, revived);
  }
  return { manifest, data, rows };
}

/** Reads and checks a backup file (openBackup + readBackupContent). Throws `DataError` in Chinese. */
export async function readBackup(
  bytes: Uint8Array,
  fileName = '所选文件',
  limits: BackupLimits = BACKUP_LIMITS,
): Promise<ReadBackup> {
  return readBackupContent(await openBackup(bytes, fileName, limits), limits);
}

/** Refuses a table whose rows do not match the domain schema, naming the table, row and field. */
export function checkRows(table: string, rows: readonly unknown[]): void {
  const p = checkTableRows(table, rows);
  if (!p) return;
  const label = TABLE_LABEL[table] ?? table;
  const key =
    typeof p.key === 'number' || typeof p.key === 'string' ? `（编号 ${String(p.key).slice(0, 40)}）` : '';
  const where = p.field ? `字段“${p.field.slice(0, 80)}”` : '内容';
  throw new DataError(
    `备份中“${label}”（${table}）的第 ${rowsText(p.row)} 条记录${key}的${where}有误：${p.message}。已拒绝恢复，数据库未作任何改动。`,
  );
}

const unreadable = () => new DataError('备份内容无法读入数据库（记录格式有误），已拒绝恢复。');

// --- typeson revival -------------------------------------------------------------------------------
// dexie-export-import writes non-JSON values (Blobs in `files`, undefined, dates, …) with typeson
// `$types` and revives them in importInto with its own bundled typeson build (not exported). This is
// that revival (typeson's `revive`, sync) for the types of ALLOWED_TYPES that build registers, with the
// same revivers; 'undefined' is not registered there (importInto fails on it), so it fails here too.
// Stricter than typeson only where typeson would misbehave: key paths through prototype keys, values
// of the wrong shape.

/** typeson's `Typeson.Undefined`: a property that must exist with the value undefined. */
const UNDEFINED = Symbol('undefined');

type Reviver = (value: unknown, state: { buffers?: ArrayBuffer[] }) => unknown;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_LOOKUP = new Uint8Array(256);
for (let i = 0; i < B64.length; i++) B64_LOOKUP[B64.charCodeAt(i)] = i;

/** base64 → ArrayBuffer (dexie-export-import's and typeson-registry's `decode`). */
function decodeBase64(b64: unknown): ArrayBuffer {
  if (typeof b64 !== 'string' || b64.length % 4) throw new Error('bad base64');
  let n = b64.length * 0.75;
  if (b64.endsWith('=')) n -= b64.endsWith('==') ? 2 : 1;
  const buf = new ArrayBuffer(n);
  const out = new Uint8Array(buf);
  for (let i = 0, p = 0; i < b64.length; i += 4) {
    const a = B64_LOOKUP[b64.charCodeAt(i)]!;
    const b = B64_LOOKUP[b64.charCodeAt(i + 1)]!;
    const c = B64_LOOKUP[b64.charCodeAt(i + 2)]!;
    const d = B64_LOOKUP[b64.charCodeAt(i + 3)]!;
    out[p++] = (a << 2) | (b >> 4);
    out[p++] = ((b & 15) << 4) | (c >> 2);
    out[p++] = ((c & 3) << 6) | (d & 63);
  }
  return buf;
}

/** typeson-registry's binary-string → ArrayBuffer (for 'blob' and 'file'). */
function binaryString(s: unknown): ArrayBuffer {
  if (typeof s !== 'string') throw new Error('bad string');
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out.buffer;
}

const field = (v: unknown, k: string): unknown =>
  v && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined;
const optString = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));

const REVIVERS: Record<string, Reviver> = {
  // dexie-export-import's own
  blob2: (v) => new Blob([decodeBase64(field(v, 'data'))], { type: optString(field(v, 'type')) }),
  arraybuffer: (v) => decodeBase64(v),
  // typeson-registry's structured-cloning preset
  arrayNonindexKeys: (v) => {
    if (Array.isArray(v)) return v;
    if (!v || typeof v !== 'object') throw new Error('bad arrayNonindexKeys');
    const out: unknown[] = [];
    for (const k of Object.keys(v))
      (out as unknown as Record<string, unknown>)[k] = (v as Record<string, unknown>)[k];
    return out;
  },
  sparseUndefined: () => undefined,
  undef: () => UNDEFINED,
  blob: (v) => new Blob([binaryString(field(v, 'stringContents'))], { type: optString(field(v, 'type')) }),
  file: (v) =>
    new File([binaryString(field(v, 'stringContents'))], String(field(v, 'name')), {
      type: optString(field(v, 'type')),
      lastModified: field(v, 'lastModified') as number | undefined,
    }),
  uint8array: (v, state) => {
    const buffers = (state.buffers ??= []);
    let buf: ArrayBuffer | undefined;
    if (v && typeof v === 'object' && 'index' in v) buf = buffers[Number(field(v, 'index'))];
    else buffers.push((buf = decodeBase64(field(v, 'encoded'))));
    if (!buf) throw new Error('bad uint8array');
    return new Uint8Array(buf, field(v, 'byteOffset') as number, field(v, 'length') as number);
  },
  date: (v) => (v === 'NaN' ? new Date(Number.NaN) : new Date(v as number)),
  nan: () => Number.NaN,
  infinity: () => Number.POSITIVE_INFINITY,
  negativeInfinity: () => Number.NEGATIVE_INFINITY,
  bigint: (v) => BigInt(v as string),
  map: (v) => new Map(v as [unknown, unknown][]),
  set: (v) => new Set(v as unknown[]),
};
/** Revivers typeson runs first, on the parsed object in place (`testPlainObjects`). */
const PLAIN_REVIVERS = new Set(['arrayNonindexKeys']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === null || proto === Object.prototype;
};
const escapeKey = (k: string) =>
  k.includes('~') || k.includes('.') ? k.replace(/~/g, '~0').replace(/\./g, '~1') : k;
const unescapeKey = (k: string) => k.replace(/~1/g, '.').replace(/~0/g, '~');

function keyPathParts(keyPath: string): string[] {
  const parts = keyPath.split('.').map(unescapeKey);
  if (parts.some((p) => FORBIDDEN_KEYS.has(p))) throw new Error('bad key path');
  return parts;
}
function getByKeyPath(obj: unknown, keyPath: string): unknown {
  if (keyPath === '') return obj;
  let v = obj;
  for (const p of keyPathParts(keyPath)) {
    if (!v || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}
/** Sets the value at a key path; returns the new root (a different value only for the path ''). */
function setAtKeyPath(obj: unknown, keyPath: string, value: unknown): unknown {
  if (keyPath === '') return value;
  const parts = keyPathParts(keyPath);
  const last = parts.pop()!;
  const parent = getByKeyPath(obj, parts.map(escapeKey).join('.'));
  if (!parent || typeof parent !== 'object') throw new Error('bad key path');
  (parent as Record<string, unknown>)[last] = value;
  return obj;
}

/** typeson's `revive(obj)` (sync), as importInto applies it to every row. Throws on anything unknown. */
export function reviveRow(row: unknown): unknown {
  let types = (row as { $types?: unknown } | null)?.$types;
  if (!types) return row;
  if (types === true) return (row as { $?: unknown }).$;
  let obj = row;
  let ignore$Types = true;
  const nested = (types as { $?: unknown }).$;
  if (nested && isPlainObject(nested)) {
    obj = (row as { $?: unknown }).$;
    types = nested;
    ignore$Types = false;
  }
  if (!isPlainObject(types)) throw new Error('bad $types');
  // Refused here too (not only by readBackup's check), whoever calls: no key path may name a prototype.
  if (forbiddenTypesKey(types) !== undefined) throw new Error('bad key path');
  const typeMap: Record<string, unknown> = { ...types }; // typeson deletes from it: keep the input intact
  const state: { buffers?: ArrayBuffer[] } = {};
  const run = (name: unknown, value: unknown) => {
    const reviver = typeof name === 'string' && Object.hasOwn(REVIVERS, name) ? REVIVERS[name] : undefined;
    if (!reviver) throw new Error(`Unregistered type: ${String(name)}`);
    return reviver(value, state);
  };

  // 1. Plain-object revivers, on the parsed value in place, nested paths first.
  const plain: { keyPath: string; type: string }[] = [];
  for (const [keyPath, t] of Object.entries(typeMap)) {
    if (t === '#') continue;
    for (const name of ([] as unknown[]).concat(t)) {
      if (typeof name === 'string' && PLAIN_REVIVERS.has(name)) {
        plain.push({ keyPath, type: name });
        delete typeMap[keyPath];
      }
    }
  }
  const depth = (k: string) => (k === '' ? Infinity : k.split('.').length);
  plain.sort((a, b) => depth(b.keyPath) - depth(a.keyPath) || (a.keyPath < b.keyPath ? -1 : 1));
  for (const { keyPath, type } of plain) {
    const revived = run(type, getByKeyPath(obj, keyPath));
    const root = setAtKeyPath(obj, keyPath, revived);
    if (root === revived) obj = root;
  }

  // 2. Everything else, bottom-up, on a copy; '#' marks a reference to another key path (cycles).
  const pending: [root: unknown, keyPath: string, parent: Record<string, unknown>, key: string][] = [];
  const walk = (
    keyPath: string,
    value: unknown,
    root: unknown,
    parent: Record<string, unknown> | null,
    key: string,
  ): unknown => {
    if (ignore$Types && keyPath === '$types') return undefined;
    const t = Object.hasOwn(typeMap, keyPath) ? typeMap[keyPath] : undefined;
    if (Array.isArray(value) || isPlainObject(value)) {
      const copy: Record<string, unknown> = Array.isArray(value)
        ? (new Array(value.length) as unknown as Record<string, unknown>)
        : {};
      for (const k of Object.keys(value)) {
        const v = walk(
          keyPath + (keyPath ? '.' : '') + escapeKey(k),
          (value as Record<string, unknown>)[k],
          root ?? copy,
          copy,
          k,
        );
        if (v === UNDEFINED) copy[k] = undefined;
        else if (v !== undefined) copy[k] = v;
      }
      value = copy;
      while (pending.length) {
        const [r, kp, p, k] = pending[0]!;
        const v = getByKeyPath(r, kp);
        if (v === undefined) break;
        p[k] = v;
        pending.shift();
      }
    }
    if (!t) return value;
    if (t === '#') {
      if (typeof value !== 'string' || !parent) throw new Error('bad reference');
      const v = getByKeyPath(root, value.slice(1));
      if (v === undefined) pending.push([root, value.slice(1), parent, key]);
      return v;
    }
    return ([] as unknown[]).concat(t).reduce((v, name) => run(name, v), value);
  };
  const out = walk('', obj, null, null, '');
  return out === UNDEFINED ? undefined : out;
}

/**
 * Same-version restore: the checked export's rows (typeson-revived like importInto does) replace every
 * table of the real database in ONE transaction, audited 'restore'. All or nothing.
 *
 * Staging is skipped here because the content is already checked in memory (known tables, counts,
 * allowed types, no prototype keys): importing it into a temporary database and reading it back cost a
 * second full import, and made backup + restore of the 10,000-member demo take ~1.8× dexie-export-import's
 * exportDB + importInto (without it: 0.94× and 0.89× in two runs; `npm run bench -- --only backup`).
 */
async function restoreDirect(
  db: DeskDB,
  backup: ReadBackup,
  fileName: string,
  onProgress?: Progress,
): Promise<void> {
  const exp = backup.data.data;
  onProgress?.(5, '正在检查备份内容…');
  const tables: { table: Table; rows: unknown[] }[] = [];
  try {
    for (const t of exp.data) {
      const table = db.table(t.tableName);
      const declared = exp.tables.find((x) => x.name === t.tableName);
      // As importInto: same primary key; our tables all have inbound keys (exportDB writes inbound: true).
      if (
        t.inbound !== true ||
        !declared ||
        String(declared.schema).split(',')[0] !== table.schema.primKey.src
      )
        throw unreadable();
      tables.push({ table, rows: backup.rows?.get(t.tableName) ?? t.rows.map(reviveRow) });
    }
  } catch {
    throw unreadable();
  }
  // Every row against the domain schema before anything is written (readBackup did it already when
  // it revived the rows; a ReadBackup built otherwise is checked here).
  if (!backup.rows) for (const { table, rows } of tables) checkRows(table.name, rows);
  const total = tables.reduce((n, t) => n + t.rows.length, 0) || 1;
  let done = 0;
  let writeFailed = false;
  try {
    await db.transaction('rw', db.tables, async () => {
      for (const t of db.tables) await t.clear();
      for (const { table, rows } of tables) {
        for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
          const chunk = rows.length <= WRITE_CHUNK ? rows : rows.slice(i, i + WRITE_CHUNK);
          try {
            await table.bulkAdd(chunk);
          } catch (e) {
            writeFailed = true;
            throw e; // rejecting aborts the transaction: nothing is written
          }
          done += chunk.length;
          onProgress?.(10 + Math.round((done / total) * 89), '正在写入数据库…');
        }
      }
      await auditRestore(db, backup.manifest, fileName);
    });
  } catch (e) {
    // (Thrown outside the transaction: Dexie would turn an error named 'DataError' into its own.)
    if (writeFailed) throw unreadable();
    throw e;
  }
  onProgress?.(100, '完成');
}

/** Rows per bulkAdd when writing a restore (progress granularity; larger is marginally faster). */
const WRITE_CHUNK = 10_000;

function auditRestore(db: DeskDB, manifest: BackupManifest, fileName: string) {
  return writeAudit(db, {
    entity: 'database',
    action: 'restore',
    summary: `从备份恢复：${fileName}（备份时间 ${formatAuditTime(manifest.createdAt)}，版本 ${manifest.appVersion}，数据库版本 ${manifest.schemaVersion}，会员 ${manifest.counts.members ?? 0} 家）`,
  });
}

export type StagedData = Record<string, unknown[]>;

let stagingCounter = 0;

/**
 * Imports a checked backup into a temporary database at the backup's schema version, upgrades it to
 * the current version (the same `declareVersions` as the app) and returns every table's rows. Used for
 * backups from an older schema version.
 */
export async function stageBackup(backup: ReadBackup, onProgress?: Progress): Promise<StagedData> {
  const name = `secretariat-desk-restore-${Date.now()}-${++stagingCounter}`;
  const exp = backup.data.data;
  // The rows are revived with reviveRow (key paths through prototype keys refused), not with
  // dexie-export-import's importInto: its typeson sets `$types` key paths with no guard, so a v1 backup
  // with `constructor.prototype.hasOwnProperty` in `$types` replaced Object.prototype.hasOwnProperty.
  const revived: { tableName: string; rows: unknown[] }[] = [];
  try {
    for (const t of exp.data) revived.push({ tableName: t.tableName, rows: t.rows.map(reviveRow) });
  } catch {
    throw unreadable();
  }
  try {
    const old = openDeskDb(name, backup.manifest.schemaVersion);
    await old.open();
    const total = revived.reduce((n, t) => n + t.rows.length, 0) || 1;
    let done = 0;
    try {
      await old.transaction('rw', old.tables, async () => {
        for (const { tableName, rows } of revived) {
          const table = old.table(tableName);
          const t = exp.data.find((x) => x.tableName === tableName)!;
          const declared = exp.tables.find((x) => x.name === tableName);
          if (
            t.inbound !== true ||
            !declared ||
            String(declared.schema).split(',')[0] !== table.schema.primKey.src
          )
            throw unreadable();
          for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
            const chunk = rows.slice(i, i + WRITE_CHUNK);
            await table.bulkAdd(chunk);
            done += chunk.length;
            onProgress?.(Math.round((done / total) * 60), '正在检查备份内容…');
          }
        }
      });
    } catch {
      throw unreadable();
    }
    const counts = await tableCounts(old);
    for (const [t, n] of Object.entries(backup.manifest.counts)) {
      if ((counts[t] ?? 0) !== n) throw new DataError(`备份内容的记录数与清单不符（${t}），已拒绝恢复。`);
    }
    old.close();
    onProgress?.(65, '正在升级到当前数据库版本…');
    const cur = openDeskDb(name, SCHEMA_VERSION);
    await cur.open();
    const out: StagedData = {};
    // The record tables only: the sync outbox (issue 19) is this workstation's bookkeeping, never restored.
    for (const t of cur.tables)
      if ((TABLE_NAMES as string[]).includes(t.name)) out[t.name] = await t.toArray();
    cur.close();
    // The migrated rows against the current domain schemas, before anything is written.
    for (const [table, rows] of Object.entries(out)) checkRows(table, rows);
    return out;
  } finally {
    await Dexie.delete(name).catch(() => undefined);
  }
}

/**
 * Replaces every table with the staged rows in one transaction and audits the restore. Throws (and
 * changes nothing) if any write fails.
 */
export async function applyStaged(
  db: DeskDB,
  staged: StagedData,
  manifest: BackupManifest,
  fileName: string,
  onProgress?: Progress,
): Promise<void> {
  const total = Object.values(staged).reduce((n, rows) => n + rows.length, 0) || 1;
  let done = 0;
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
    for (const t of db.tables) {
      const rows = staged[t.name] ?? [];
      for (let i = 0; i < rows.length; i += 2000) {
        const chunk = rows.slice(i, i + 2000);
        await t.bulkAdd(chunk);
        done += chunk.length;
        onProgress?.(70 + Math.round((done / total) * 29), '正在写入数据库…');
      }
    }
    await auditRestore(db, manifest, fileName);
  });
  onProgress?.(100, '完成');
}

/**
 * A backup checked and kept in a Worker (backupOffThread.ts): its rows never come to the window;
 * `writeInto` has the Worker restore them (restoreBackup there, the same transaction and checks).
 */
export interface HeldBackup {
  manifest: BackupManifest;
  writeInto(dbName: string, fileName: string, onProgress?: Progress): Promise<void>;
  close(): void;
}

/**
 * Restores a checked backup: straight into the database when it is at the current schema version,
 * otherwise stageBackup → applyStaged (migration through `declareVersions`). A backup held in a Worker
 * is restored by that Worker into the same database (by name).
 */
export async function restoreBackup(
  db: DeskDB,
  backup: ReadBackup | HeldBackup,
  fileName: string,
  onProgress?: Progress,
): Promise<void> {
  if ('writeInto' in backup) {
    await backup.writeInto(db.name, fileName, onProgress);
    return;
  }
  if (backup.manifest.schemaVersion === SCHEMA_VERSION) {
    await restoreDirect(db, backup, fileName, onProgress);
    return;
  }
  const staged = await stageBackup(backup, onProgress);
  await applyStaged(db, staged, backup.manifest, fileName, onProgress);
}
