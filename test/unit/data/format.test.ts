/**
 * The data format (shared/data/format.ts): its history is consistent with the Dexie schema, and the
 * shapes of the stored records are the ones recorded for the current format — so a new field, table or
 * allowed value cannot ship without a new format, which keeps an older workstation from saving the new
 * records without it (多人协作, 从备份恢复).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DATA_FORMAT,
  DATA_FORMAT_HISTORY,
  compareDataFormat,
  newerBackupFormatText,
  newerServerFormatText,
  parseDataFormat,
} from '../../../shared/data/format';
import { TABLE_SCHEMAS } from '../../../shared/domain/schemas';
import { charterSettingsSchema } from '../../../shared/charter/settings';
import { holidayScheduleSchema } from '../../../shared/charter/holidays';
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_VERSION,
} from '../../../renderer/src/db/schema';
import { bankSchema, DEFAULT_DOCUMENT_SETTINGS } from '../../../renderer/src/records/settings';

/**
 * The fingerprint of the records' shapes of each format. When the test below fails, the shapes changed:
 * add a step to DATA_FORMAT_HISTORY and the new fingerprint here under the new format — never change the
 * fingerprint of a format already written. (The fingerprint is of zod's JSON schemas: after an upgrade of
 * zod that only writes them differently, with the same fields, types and allowed values, or after a
 * schema came to describe a field every build of that format already writes, the new fingerprint replaces
 * the old one under the same format — say so in the commit and here.)
 *
 * Format 2: 6ef389bd48a6721e until the 发文 schema described 版头 / 版记 (`letterhead`, `colophon`), which
 * every build since GB/T 9704's 版头 (format 1) writes; nothing a format-2 build writes changed.
 */
const SHAPES: Record<number, string> = {
  2: '508d40aab7206016',
};

function shapes(): string {
  const json = (s: z.ZodType) => z.toJSONSchema(s, { unrepresentable: 'any', io: 'input' });
  const all = {
    dexie: [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5],
    tables: Object.fromEntries(Object.entries(TABLE_SCHEMAS).map(([t, s]) => [t, json(s)])),
    settings: {
      charter: json(charterSettingsSchema),
      holidaySchedules: json(holidayScheduleSchema),
      bank: json(bankSchema),
      documents: Object.fromEntries(Object.entries(DEFAULT_DOCUMENT_SETTINGS).map(([k, v]) => [k, typeof v])),
      duesTrackedFrom: 'number',
    },
  };
  return createHash('sha256').update(JSON.stringify(all)).digest('hex').slice(0, 16);
}

describe('the data format (shared/data/format.ts)', () => {
  it('its history counts up from 1, follows the Dexie schema, and ends at this build’s format', () => {
    DATA_FORMAT_HISTORY.forEach((step, i) => {
      expect(step.format).toBe(i + 1);
      if (i > 0) expect(step.schemaVersion).toBeGreaterThanOrEqual(DATA_FORMAT_HISTORY[i - 1]!.schemaVersion);
    });
    expect(DATA_FORMAT).toBe(DATA_FORMAT_HISTORY.at(-1)!.format);
    // A new Dexie version is a new format (its rows may change shape in the upgrade).
    expect(DATA_FORMAT_HISTORY.at(-1)!.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('the stored records have the shapes recorded for this format (a change needs a new format)', () => {
    expect(
      { format: DATA_FORMAT, shapes: shapes() },
      'the records’ shapes changed: add a DATA_FORMAT_HISTORY step and its fingerprint in SHAPES',
    ).toEqual({ format: DATA_FORMAT, shapes: SHAPES[DATA_FORMAT] });
  });

  it('reads, compares and words the formats', () => {
    expect(parseDataFormat(2)).toBe(2);
    for (const bad of [0, -1, 1.5, '2', null, undefined, Number.NaN]) expect(parseDataFormat(bad)).toBeNull();
    expect(compareDataFormat(2, 2)).toBe('same');
    expect(compareDataFormat(1, 2)).toBe('older');
    expect(compareDataFormat(3, 2)).toBe('newer');
    expect(newerServerFormatText(3, 2)).toBe(
      '服务器上的数据已由较新版本的工作台写入（数据格式第 3 版，本工作站为第 2 版）：同步已暂停，请先升级本工作站的秘书处工作台，升级后自动继续。本机的修改保留在本机，不会丢失。',
    );
    expect(newerServerFormatText(3, 2, 'connected', '秘书处-会费')).toContain(
      '（数据格式第 3 版，本工作站为第 2 版；由工作站“秘书处-会费”升级）：同步已暂停',
    );
    expect(newerServerFormatText(3, 2, 'connecting')).toBe(
      '服务器上的数据已由较新版本的工作台写入（数据格式第 3 版，本工作站为第 2 版）：请先升级本工作站的秘书处工作台再连接。',
    );
    expect(newerBackupFormatText(3, '0.3.0', 2)).toBe(
      '该备份来自较新版本的工作台（0.3.0，数据格式第 3 版），本工作台的数据格式为第 2 版：请先升级工作台再恢复，以免丢失数据。',
    );
  });
});
