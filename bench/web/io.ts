/**
 * The browser side of the io benchmarks (scripts/bench/io.mjs): importing a roster and backing up /
 * restoring the app's database, on the app's real modules and Chromium's real IndexedDB.
 */
import Dexie from 'dexie';
import { exportDB, importInto } from 'dexie-export-import';
import * as XLSX from '@e965/xlsx';
import { db } from '../../renderer/src/db';
import { openDeskDb, type DeskDB } from '../../renderer/src/db/schema';
import { rosterWorkbook } from '../../renderer/src/io/export';
import { commitImport, existingKeys, mapAll, parseRosterFile } from '../../renderer/src/io/importRoster';
import { createBackup, readBackup, restoreBackup } from '../../renderer/src/io/backup';
import { validateRows } from '../../shared/data/roster';
import { generateDemo } from '../../shared/demo/generate';
import { interleaved, median, round } from '../stats';

const now = () => performance.now();
const ASOF = '2026-11-21';

let scratch = 0;
/** A new, empty database of the app's schema (for the import benchmark). */
async function freshDb() {
  const d = openDeskDb(`bench-scratch-${Date.now()}-${++scratch}`);
  await d.open();
  return d;
}

async function dropDb(d: Dexie) {
  d.close();
  await Dexie.delete(d.name);
}

export const io = {
  /**
   * Import of a 10,000-row .xlsx roster (written by the app's own roster export): the full pipeline —
   * parse, map, validate against the database, the preview's row classification, and the commit in one
   * transaction — each run into an empty database, against SheetJS parsing the same file alone.
   */
  async importRoster(rows: number, runs: number) {
    const members = generateDemo({ members: rows, asOf: ASOF }).members;
    const bytes = rosterWorkbook(members);
    const fileName = '会员名册.xlsx';
    let committed = 0;
    const stages: Record<string, number[]> = { parse: [], validate: [], commit: [] };
    let next: Promise<DeskDB> = freshDb();
    let used: DeskDB | null = null;
    const t = await interleaved(
      {
        parser: () => {
          const wb = XLSX.read(bytes, { type: 'array' });
          const ws = wb.Sheets[wb.SheetNames[0]!]!;
          return XLSX.utils.sheet_to_json(ws, { header: 1, raw: false });
        },
        pipeline: async () => {
          const target = await next;
          try {
            const t0 = now();
            const parsed = parseRosterFile(fileName, bytes);
            const t1 = now();
            const checked = validateRows(mapAll(parsed, parsed.mapping), await existingKeys(target));
            const ready = checked.filter((r) => r.problems.length === 0);
            if (ready.length !== rows) throw new Error(`预览中有问题行：${checked.length - ready.length}`);
            const t2 = now();
            const r = await commitImport(target, fileName, ready);
            stages.parse!.push(t1 - t0);
            stages.validate!.push(t2 - t1);
            stages.commit!.push(now() - t2);
            committed = r.count;
          } finally {
            used = target;
          }
        },
      },
      {
        warmup: 1,
        runs,
        now,
        // The empty target database is made (and the last one dropped) outside the timed region.
        between: async () => {
          if (used) await dropDb(used);
          used = null;
          next = freshDb();
          await next;
        },
      },
    );
    return {
      parserMs: round(median(t.parser)),
      pipelineMs: round(median(t.pipeline)),
      parseMs: round(median(stages.parse!)),
      validateMs: round(median(stages.validate!)),
      commitMs: round(median(stages.commit!)),
      fileBytes: bytes.byteLength,
      committed,
      runs: t.parser.length,
    };
  },

  /**
   * Backup and restore of the app's database: ours (createBackup → readBackup → restoreBackup) against
   * dexie-export-import alone (exportDB, then importInto with clearTablesBeforeImport) on the same data.
   */
  async backupRestore(runs: number) {
    let backupBytes = 0;
    let exportBytes = 0;
    const t = await interleaved(
      {
        dexie: async () => {
          const blob = await exportDB(db);
          exportBytes = blob.size;
          await importInto(db, blob, { clearTablesBeforeImport: true, acceptVersionDiff: false });
        },
        ours: async () => {
          const b = await createBackup(db, { appVersion: 'bench' });
          backupBytes = b.bytes.byteLength;
          const read = await readBackup(b.bytes, b.fileName);
          await restoreBackup(db, read, b.fileName);
        },
      },
      { warmup: 1, runs, now },
    );
    return {
      dexieMs: round(median(t.dexie)),
      oursMs: round(median(t.ours)),
      members: await db.members.count(),
      backupBytes,
      exportBytes,
      runs: t.ours.length,
    };
  },
};
