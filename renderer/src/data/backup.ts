/**
 * Backup and restore of the whole database (every table, `files` blobs included).
 *
 * Backup file: a zip with `manifest.json` (format, app and schema version, time, row counts per table,
 * SHA-256 of database.json) and `database.json` (dexie-export-import's JSON).
 *
 * Restore: read and check the file (manifest, SHA-256, counts, structure, no prototype keys), stage it
 * in a temporary database opened at the backup's schema version, upgrade that to the current version
 * with the same `declareVersions` (so older backups migrate), then replace every table of the real
 * database in ONE transaction, audited 'restore'. Any failure leaves the database untouched.
 */
import Dexie from 'dexie';
import { exportDB, importInto } from 'dexie-export-import';
import JSZip from 'jszip';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  checkManifest,
  DATABASE_FILE,
  MANIFEST_FILE,
  toHex,
  type BackupManifest,
} from '../../../shared/data/manifest';
import { DataError } from '../../../shared/data/errors';
import { safeJsonParse } from '../../../shared/data/sanitize';
import { formatAuditTime } from '../../../shared/data/auditView';
import { sniffKind, kindLabel } from '../../../shared/data/sniff';
import { openDeskDb, SCHEMA_VERSION, TABLE_NAMES, type DeskDB } from '../db/schema';
import { writeAudit } from '../db/audit';

export { DataError };

/** Largest backup file accepted (the contract's file limit). */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

export type Progress = (percent: number, label: string) => void;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

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

/** Exports every table into a backup zip. */
export async function createBackup(
  db: DeskDB,
  opts: { appVersion: string; now?: Date; onProgress?: Progress },
): Promise<CreatedBackup> {
  const now = opts.now ?? new Date();
  opts.onProgress?.(0, '正在读取数据库…');
  // exportDB reads every table in its own read transaction: content and counts are of one instant.
  const blob = await exportDB(db, {
    progressCallback: (p) => {
      const pct = p.totalRows ? Math.round((p.completedRows / p.totalRows) * 80) : 0;
      opts.onProgress?.(pct, '正在导出数据…');
      return true;
    },
  });
  const content = new Uint8Array(await blob.arrayBuffer());
  const exported = JSON.parse(new TextDecoder().decode(content)) as DexieExport;
  const counts: Record<string, number> = {};
  for (const t of exported.data.data) counts[t.tableName] = t.rows.length;
  opts.onProgress?.(85, '正在计算校验值…');
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: opts.appVersion,
    schemaVersion: SCHEMA_VERSION,
    createdAt: now.toISOString(),
    counts,
    sha256: await sha256Hex(content),
    bytes: content.byteLength,
  };
  opts.onProgress?.(90, '正在压缩…');
  const zip = new JSZip();
  zip.file(MANIFEST_FILE, JSON.stringify(manifest, null, 2));
  zip.file(DATABASE_FILE, content);
  const bytes = await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  opts.onProgress?.(100, '完成');
  return { bytes, manifest, fileName: backupFileName(now) };
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

function checkStructure(
  value: unknown,
  manifest: BackupManifest,
  knownTables: readonly string[],
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
  for (const t of d.data) {
    if (!t || typeof t.tableName !== 'string' || !Array.isArray(t.rows)) throw bad('数据表格式不符');
    if (!known.has(t.tableName)) throw bad(`未知的数据表“${t.tableName.slice(0, 40)}”`);
    if (seen.has(t.tableName)) throw bad(`数据表“${t.tableName}”重复`);
    seen.add(t.tableName);
    for (const row of t.rows) {
      if (!row || typeof row !== 'object' || Array.isArray(row))
        throw bad(`“${t.tableName}”中有不是记录的内容`);
      const types = (row as { $types?: unknown }).$types;
      if (types !== undefined && !checkTypes(types)) throw bad('含有不允许的数据类型');
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
  /** Sanitised dexie-export JSON text (no prototype keys), ready for staging. */
  content: string;
}

/** Reads and checks a backup file. Throws `DataError` with a Chinese message for anything wrong. */
export async function readBackup(bytes: Uint8Array, fileName = '所选文件'): Promise<ReadBackup> {
  const kind = sniffKind(bytes);
  if (kind === 'empty') throw new DataError(`“${fileName}”是空文件，不是备份。`);
  if (bytes.byteLength > MAX_BACKUP_BYTES) throw new DataError('备份文件过大（超过 200 MB）。');
  if (kind !== 'zip') {
    throw new DataError(
      `“${fileName}”不是秘书处工作台的备份文件（内容是${kindLabel(kind)}，备份文件应为 .zip）。`,
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DataError(`“${fileName}”已损坏或不完整，无法解压。请换一份备份文件。`);
  }
  const mf = zip.file(MANIFEST_FILE);
  const dbf = zip.file(DATABASE_FILE);
  if (!mf || !dbf) throw new DataError(`“${fileName}”不是秘书处工作台的备份文件（缺少清单或数据）。`);
  let manifestText: string;
  let content: Uint8Array;
  try {
    manifestText = await mf.async('string');
    content = await dbf.async('uint8array');
  } catch {
    throw new DataError(`“${fileName}”已损坏或不完整，无法解压。请换一份备份文件。`);
  }
  const manifest = checkManifest(safeJsonParse(manifestText, '备份清单'), SCHEMA_VERSION);
  if (content.byteLength !== manifest.bytes || (await sha256Hex(content)) !== manifest.sha256) {
    throw new DataError('备份内容与清单中的校验值（SHA-256）不符：文件可能已损坏或被修改，已拒绝恢复。');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new DataError('备份内容不是有效的文本，无法恢复。');
  }
  const parsed = checkStructure(
    safeJsonParse(text, '备份内容'),
    manifest,
    tablesAtVersion(manifest.schemaVersion),
  );
  return { manifest, content: JSON.stringify(parsed) };
}

export type StagedData = Record<string, unknown[]>;

let stagingCounter = 0;

/**
 * Imports a checked backup into a temporary database at the backup's schema version, upgrades it to
 * the current version (the same `declareVersions` as the app) and returns every table's rows.
 */
export async function stageBackup(backup: ReadBackup, onProgress?: Progress): Promise<StagedData> {
  const name = `secretariat-desk-restore-${Date.now()}-${++stagingCounter}`;
  try {
    const old = openDeskDb(name, backup.manifest.schemaVersion);
    await old.open();
    try {
      await importInto(old, new Blob([backup.content], { type: 'application/json' }), {
        acceptNameDiff: true,
        acceptVersionDiff: false,
        clearTablesBeforeImport: true,
        progressCallback: (p) => {
          if (p.totalRows)
            onProgress?.(Math.round((p.completedRows / p.totalRows) * 60), '正在检查备份内容…');
          return true;
        },
      });
    } catch {
      throw new DataError('备份内容无法读入数据库（记录格式有误），已拒绝恢复。');
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
    for (const t of cur.tables) out[t.name] = await t.toArray();
    cur.close();
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
    await writeAudit(db, {
      entity: 'database',
      action: 'restore',
      summary: `从备份恢复：${fileName}（备份时间 ${formatAuditTime(manifest.createdAt)}，版本 ${manifest.appVersion}，数据库版本 ${manifest.schemaVersion}，会员 ${manifest.counts.members ?? 0} 家）`,
    });
  });
  onProgress?.(100, '完成');
}

/** readBackup → stageBackup → applyStaged. */
export async function restoreBackup(
  db: DeskDB,
  backup: ReadBackup,
  fileName: string,
  onProgress?: Progress,
): Promise<void> {
  const staged = await stageBackup(backup, onProgress);
  await applyStaged(db, staged, backup.manifest, fileName, onProgress);
}
