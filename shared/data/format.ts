/**
 * The data format: which shape of the alliance's records a build reads and writes. Pure.
 *
 * An older build reads a record through its own schemas and saves it again without the fields it does not
 * know (zod drops unknown keys): the 会费标准 history of 章程参数 (R-D1, format 2) would be gone the first
 * time a workstation still on format 1 saved 章程参数, and, replicated, gone on every workstation. So no
 * build writes into data of a newer format than its own:
 * - 多人协作: the office's database carries the highest format of any workstation that connected to it
 *   (renderer/src/sync/format.ts); a workstation of an older format stops syncing and says 需升级工作台
 *   (its own changes wait on it, nothing is lost), one of a newer format raises it; 用备份替换服务器数据
 *   is refused over data of a newer format.
 * - 从备份恢复: the backup's manifest carries the format it was written in (shared/data/manifest.ts); a
 *   newer one is refused.
 * - This workstation: the highest format a build opened its database with is kept beside it
 *   (renderer/src/db/open.ts); an older build installed over a newer one does not open the data.
 *
 * Every change an older build would lose or misread is a new entry here: a new field or table, a field
 * whose meaning changes, every Dexie schema version (renderer/src/db/schema.ts). test/unit/data/format
 * fails when the records' shapes change without one.
 */

export interface DataFormatStep {
  format: number;
  /** The Dexie schema version of the builds that write this format. */
  schemaVersion: number;
  /** What changed (for the maintainers: the messages to the clerk give the numbers only). */
  change: string;
}

export const DATA_FORMAT_HISTORY = [
  {
    format: 1,
    schemaVersion: 5,
    change: '首个版本：会员、入会、会费、会议、专项行动、发文、设置各表（数据库版本 5）',
  },
  {
    format: 2,
    schemaVersion: 5,
    change: '章程参数记录历次会费标准及其适用年度（earlierDuesSchedules，R-D1）',
  },
] as const satisfies readonly DataFormatStep[];

/** The format this build writes (the last step). */
export const DATA_FORMAT: number = DATA_FORMAT_HISTORY[DATA_FORMAT_HISTORY.length - 1]!.format;

/** Reads a stored format number: a positive integer, else null (damaged or missing). */
export function parseDataFormat(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : null;
}

/** What this build does with data of format `found`: use it, raise it to its own, or leave it alone. */
export function compareDataFormat(found: number, ours: number = DATA_FORMAT): 'same' | 'older' | 'newer' {
  return found === ours ? 'same' : found < ours ? 'older' : 'newer';
}

/**
 * The Chinese message when the office's database holds data of a newer format than this workstation's:
 * while connected (its changes wait on it), at 测试连接 / 连接 (nothing is connected), or before 用备份替换服务器
 * 数据 (nothing is restored).
 */
export function newerServerFormatText(
  found: number,
  ours: number = DATA_FORMAT,
  when: 'connected' | 'connecting' | 'replacing' = 'connected',
  /** The workstation that raised it (the format record's `by`), to know whom to ask. */
  by?: string,
): string {
  const who = by ? `；由工作站“${by}”升级` : '';
  const what = `服务器上的数据已由较新版本的工作台写入（数据格式第 ${found} 版，本工作站为第 ${ours} 版${who}）`;
  if (when === 'connecting') return `${what}：请先升级本工作站的秘书处工作台再连接。`;
  if (when === 'replacing')
    return `${what}：不能用本工作站恢复的数据替换服务器数据。请先升级本工作站的秘书处工作台，或选择“断开后恢复”。`;
  return `${what}：同步已暂停，请先升级本工作站的秘书处工作台，升级后自动继续。本机的修改保留在本机，不会丢失。`;
}

/**
 * The Chinese message when this workstation's own database was written by a newer build (a newer data
 * format, or a newer database version when `found` is null): an older build installed over a newer one.
 */
export function newerLocalText(found: number | null, ours: number = DATA_FORMAT): string {
  const what = found === null ? '数据库版本较新' : `数据格式第 ${found} 版`;
  return `本机的数据已由较新版本的秘书处工作台写入（${what}，本工作台的数据格式为第 ${ours} 版）。为免较新版本记录的内容丢失，本版本不打开这些数据：请安装较新版本的秘书处工作台。本机数据保持原样，未做任何改动。`;
}

/** The Chinese message when a backup holds data of a newer format than this workstation's. */
export function newerBackupFormatText(found: number, appVersion: string, ours: number = DATA_FORMAT): string {
  return `该备份来自较新版本的工作台（${appVersion}，数据格式第 ${found} 版），本工作台的数据格式为第 ${ours} 版：请先升级工作台再恢复，以免丢失数据。`;
}
