/**
 * The backup file format: a zip holding `manifest.json` (this schema) and `database.json` (the
 * dexie-export-import JSON of every table, `files` blobs included). Pure.
 */
import { z } from 'zod';
import { DataError } from './errors';
import { DATA_FORMAT, compareDataFormat, newerBackupFormatText } from './format';

export const BACKUP_FORMAT = 'secretariat-desk-backup';
/**
 * 2: the manifest carries `dataFormat` (shared/data/format.ts). A build of file format 1 refuses a file of
 * format 2 (比本工作台新), as it must: it does not know which data format the file holds.
 */
export const BACKUP_FORMAT_VERSION = 2;
export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'database.json';

const tableName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().min(1).max(10_000),
  /** The data format of the records (file format 2 on; a file of format 1 holds data format 1). */
  dataFormat: z.number().int().min(1).max(10_000).optional(),
  createdAt: z.string().max(40),
  counts: z.record(tableName, z.number().int().min(0)),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** Validates a parsed manifest, or throws a `DataError` in Chinese. */
export function checkManifest(
  value: unknown,
  currentSchemaVersion: number,
  ourDataFormat: number = DATA_FORMAT,
): BackupManifest {
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== BACKUP_FORMAT
  ) {
    throw new DataError('这不是秘书处工作台的备份文件（清单格式不符）。');
  }
  const r = manifestSchema.safeParse(value);
  if (!r.success) throw new DataError('备份文件的清单内容不完整或有误，无法恢复。');
  const m = r.data;
  if (m.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new DataError(`该备份文件格式（第 ${m.formatVersion} 版）比本工作台新，请先升级工作台再恢复。`);
  }
  if (m.formatVersion >= 2 && m.dataFormat === undefined)
    throw new DataError('备份文件的清单内容不完整或有误，无法恢复。');
  const dataFormat = m.dataFormat ?? 1;
  if (compareDataFormat(dataFormat, ourDataFormat) === 'newer')
    throw new DataError(newerBackupFormatText(dataFormat, m.appVersion, ourDataFormat));
  if (m.schemaVersion > currentSchemaVersion) {
    throw new DataError(
      `该备份来自较新版本的工作台（${m.appVersion}，数据库版本 ${m.schemaVersion}），本工作台的数据库版本为 ${currentSchemaVersion}：请先升级工作台再恢复，以免丢失数据。`,
    );
  }
  return m;
}

/** Lower-case hex of a digest. */
export function toHex(buf: ArrayBuffer | Uint8Array): string {
  const b = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

export interface CountRow {
  table: string;
  inBackup: number;
  now: number;
}

/** The preview table: each table's row count in the backup against the current database. */
export function compareCounts(backup: Record<string, number>, now: Record<string, number>): CountRow[] {
  const tables = [...new Set([...Object.keys(now), ...Object.keys(backup)])];
  return tables.map((table) => ({ table, inBackup: backup[table] ?? 0, now: now[table] ?? 0 }));
}

/** Chinese names of the tables, for the restore preview and the audit trail. */
export const TABLE_LABEL: Record<string, string> = {
  members: '会员单位',
  contactChanges: '代表/联系人变更',
  tierChanges: '级别变更',
  applications: '入会申请',
  duesOverrides: '会费调整',
  payments: '缴费记录',
  activities: '活动',
  participations: '活动参与',
  meetings: '会议',
  attendance: '出席记录',
  agendaItems: '议程',
  minuteVersions: '纪要历史版本',
  motions: '议案',
  ballots: '表决票',
  offices: '职务',
  programmes: '专项行动',
  enrolments: '专项行动报名',
  files: '文件',
  documents: '发文',
  certificates: '证书',
  settings: '设置',
  audit: '操作记录',
  imports: '导入批次',
};
