/**
 * The browser side of the io benchmarks (scripts/bench/io.mjs): importing a roster and backing up /
 * restoring the app's database, on the app's real modules and Chromium's real IndexedDB, each against its
 * physical floor — the same records read or written with the plain `indexedDB` API (no Dexie), in the
 * same run, interleaved run by run.
 */
import Dexie from 'dexie';
import * as XLSX from '@e965/xlsx';
import { db } from '../../renderer/src/db';
import { openDeskDb, type DeskDB } from '../../renderer/src/db/schema';
import { rosterWorkbook } from '../../renderer/src/io/export';
import {
  commitImport,
  existingKeys,
  mapAll,
  parseRosterRows,
  memberRecords,
} from '../../renderer/src/io/importRoster';
import {
  readRosterOffThread,
  readSheetRowsOffThread,
  searchTextsIfReady,
} from '../../renderer/src/io/sheetOffThread';
import { createBackup, restoreBackup } from '../../renderer/src/io/backup';
import { createBackupOffThread, readBackupOffThread } from '../../renderer/src/io/backupOffThread';
import { validateRows } from '../../shared/data/roster';
import { generateDemo } from '../../shared/demo/generate';
import { interleaved, median, round, type OwnTime } from '../stats';

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

/** The app uses durability 'strict' (schema.ts): the floor writes with the same guarantee. */
const DURABILITY: IDBTransactionOptions = { durability: 'strict' };

const req = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });

/** Opens a database with the plain API (no version: the current one). */
function rawOpen(name: string): Promise<IDBDatabase> {
  return req(indexedDB.open(name));
}

/**
 * An empty raw database with one `members` store shaped as the app's members table (key and indexes).
 */
async function rawMembersDb(name: string): Promise<IDBDatabase> {
  // The members table's primary key and indexes as the app's open database declares them.
  const schema = db.members.schema;
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('members', {
      keyPath: schema.primKey.keyPath ?? null,
      autoIncrement: !!schema.primKey.auto,
    });
    for (const ix of schema.indexes)
      store.createIndex(ix.name, ix.keyPath!, { unique: !!ix.unique, multiEntry: !!ix.multi });
  };
  return req(open);
}

async function rawDrop(d: IDBDatabase | null) {
  if (!d) return;
  d.close();
  await req(indexedDB.deleteDatabase(d.name));
}

/** Writes rows into stores in ONE readwrite transaction with the plain API. */
async function rawWrite(d: IDBDatabase, tables: { name: string; rows: readonly unknown[] }[]) {
  const names = tables.map((t) => t.name);
  const tx = d.transaction(names, 'readwrite', DURABILITY);
  const end = done(tx);
  for (const t of tables) {
    const store = tx.objectStore(t.name);
    for (const r of t.rows) store.add(r);
  }
  await end;
}

/** Reads every store with getAll in ONE readonly transaction with the plain API. */
async function rawReadAll(d: IDBDatabase): Promise<{ name: string; rows: unknown[] }[]> {
  const names = [...d.objectStoreNames];
  const tx = d.transaction(names, 'readonly');
  const out = await Promise.all(
    names.map(async (name) => ({ name, rows: await req(tx.objectStore(name).getAll()) })),
  );
  await done(tx);
  return out;
}

/**
 * A full garbage collection (Chromium runs with --expose-gc), between runs only — in a task of its own:
 * a run started in the same task (no await of anything real in between) had its longtask observer see
 * that task, the bench's own collection, as one of its long tasks (158–236 ms, "longestRestoreTaskMs").
 */
const gc = async () => {
  (window as unknown as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 0));
};

/** How long IndexedDB is left alone before each backup/restore run (see backupRestore's `between`). */
const SETTLE_MS = 3000;
/** The same before each import run (10,000 rows written and a database of as many dropped, not ~179,000). */
const IMPORT_SETTLE_MS = 1500;

/**
 * The longest main-thread task (PerformanceObserver 'longtask', ≥ 50 ms) while `fn` runs, and how long `fn`
 * took (`ms`: without the wait for the last entries after it, which is the bench's, not the work's).
 */
async function longestTask<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; longestMs: number; count: number; ms: number }> {
  let longest = 0;
  let count = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longest = Math.max(longest, e.duration);
      count++;
    }
  });
  obs.observe({ type: 'longtask', buffered: false });
  const t0 = now();
  const value = await fn();
  const ms = now() - t0;
  // Entries are delivered after the task ends: one more turn to collect the last ones.
  await new Promise((r) => setTimeout(r, 50));
  for (const e of obs.takeRecords()) {
    longest = Math.max(longest, e.duration);
    count++;
  }
  obs.disconnect();
  return { value, longestMs: longest, count, ms };
}

export const io = {
  /**
   * Import of a 10,000-row .xlsx roster (written by the app's own roster export), as the window does it:
   * the file read in the Worker (sheet.worker.ts), header and mapping, validation against the database,
   * the preview's row classification, and the commit in one transaction — each run into an empty
   * database. Against its floor: SheetJS `read` + `sheet_to_json` of the same file, then the same member
   * records written with the plain IndexedDB API into an empty store with the members table's indexes
   * (one transaction, durability 'strict' as the app's). The parser alone is reported too.
   */
  async importRoster(rows: number, runs: number) {
    const members = generateDemo({ members: rows, asOf: ASOF }).members;
    const bytes = rosterWorkbook(members);
    const fileName = '会员名册.xlsx';
    const sheetJs = () => {
      const wb = XLSX.read(bytes, { type: 'array' });
      const ws = wb.Sheets[wb.SheetNames[0]!]!;
      return XLSX.utils.sheet_to_json(ws, { header: 1, raw: false });
    };
    // The records the commit writes (built once, outside the timed region, by the commit's own builder).
    const parsedOnce = parseRosterRows(fileName, (await readSheetRowsOffThread(fileName, bytes)).rows);
    const floorRecords = memberRecords(mapAll(parsedOnce, parsedOnce.mapping), 1, new Date().toISOString());
    let committed = 0;
    const stages: Record<string, number[]> = { parse: [], validate: [], commit: [], floorWrite: [] };
    let next: Promise<DeskDB> = freshDb();
    let used: DeskDB | null = null;
    let raw: IDBDatabase | null = null;
    const t = await interleaved(
      {
        parser: sheetJs,
        floor: async () => {
          sheetJs();
          const t0 = now();
          await rawWrite(raw!, [{ name: 'members', rows: floorRecords }]);
          stages.floorWrite!.push(now() - t0);
        },
        pipeline: async () => {
          const target = await next;
          try {
            const t0 = now();
            // As ImportRosterButton: rows from the Worker, which then computes the search texts ahead.
            const sheet = await readRosterOffThread(fileName, bytes);
            const parsed = parseRosterRows(fileName, sheet.rows);
            const t1 = now();
            const checked = validateRows(mapAll(parsed, parsed.mapping), await existingKeys(target));
            const ready = checked.filter((r) => r.problems.length === 0);
            if (ready.length !== rows) throw new Error(`预览中有问题行：${checked.length - ready.length}`);
            const t2 = now();
            const r = await commitImport(target, fileName, ready, {
              searchTexts: await searchTextsIfReady(sheet),
            });
            sheet.close();
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
        // The empty target databases are made (and the last ones dropped) outside the timed region.
        between: async () => {
          if (used) await dropDb(used);
          used = null;
          next = freshDb();
          await next;
          await rawDrop(raw);
          raw = await rawMembersDb(`bench-floor-${Date.now()}-${++scratch}`);
          // Then every candidate starts with IndexedDB settled, as in the backup's runs: this drops a
          // database of 10,000 members right before the next candidate, and the backend's work on it (and
          // on the write before it) goes on after the drop returns. In the fixed order the pipeline came
          // right after the drop of the floor's database, the floor after the parser's ~0.8 s.
          await gc();
          await new Promise((r) => setTimeout(r, IMPORT_SETTLE_MS));
        },
      },
    );
    if (used) await dropDb(used);
    await rawDrop(raw);
    return {
      floorMs: round(median(t.floor)),
      parserMs: round(median(t.parser)),
      pipelineMs: round(median(t.pipeline)),
      vsParser: round(median(t.pipeline) / median(t.parser), 2),
      floorWriteMs: round(median(stages.floorWrite!)),
      parseMs: round(median(stages.parse!)),
      validateMs: round(median(stages.validate!)),
      commitMs: round(median(stages.commit!)),
      fileBytes: bytes.byteLength,
      committed,
      runs: t.parser.length,
    };
  },

  /**
   * Backup and restore of the app's database as the settings desk does them: createBackupOffThread; then
   * readBackupOffThread (the file opened and checked in the Worker) and restoreBackup. Against the
   * floor: every store read with getAll in one transaction (plain IndexedDB), and the same rows written
   * into an empty database of the same schema in one transaction. The longest main-thread task
   * (PerformanceObserver 'longtask') during ours is reported: the window must stay responsive.
   */
  async backupRestore(runs: number) {
    let backupBytes = 0;
    const longest = { backup: 0, restore: 0 };
    let longTasks = 0;
    let rows = 0;
    let readRows: { name: string; rows: unknown[] }[] = [];
    let target: IDBDatabase | null = null;
    let dirty = false;
    let restored: Awaited<ReturnType<typeof createBackupOffThread>> | null = null;
    let firstBackupMs: number | undefined;
    const t = await interleaved(
      {
        floorRead: async () => {
          const d = await rawOpen(db.name);
          try {
            readRows = await rawReadAll(d);
            rows = readRows.reduce((n, x) => n + x.rows.length, 0);
          } finally {
            d.close();
          }
        },
        floorWrite: async () => {
          dirty = true;
          await rawWrite(target!, readRows);
        },
        // Timed without longestTask's 50 ms wait for the last long-task entries (until the tenth session
        // that wait was counted in every backup and restore, against floors that have none).
        backup: async (): Promise<OwnTime> => {
          const r = await longestTask(() => createBackupOffThread(db, { appVersion: 'bench' }));
          // The first (warm-up) backup starts the Worker the next ones reuse (backupOffThread.ts).
          firstBackupMs ??= r.ms;
          longest.backup = Math.max(longest.backup, r.longestMs);
          longTasks += r.count;
          restored = r.value;
          backupBytes = r.value.bytes.byteLength;
          return { ownMs: r.ms };
        },
        // The same backup on the window's own thread, as the floor's read is: what the Worker adds
        // (starting it, loading its script, opening the database there, handing the bytes back).
        backupHere: async () => {
          await createBackup(db, { appVersion: 'bench' });
        },
        restore: async (): Promise<OwnTime> => {
          const b = restored!;
          const r = await longestTask(async () => {
            const read = await readBackupOffThread(b.bytes, b.fileName);
            await restoreBackup(db, read, b.fileName);
          });
          longest.restore = Math.max(longest.restore, r.longestMs);
          longTasks += r.count;
          return { ownMs: r.ms };
        },
      },
      {
        warmup: 1,
        runs,
        now,
        between: async () => {
          // The floor's rows are garbage once written: collected here, outside every timed region, so
          // the collection of the bench's own heap is not counted as a long task of ours.
          if (dirty) readRows = [];
          // A new, empty database of the app's schema (made by Dexie, written with the plain API), when
          // the floor's write filled the last one.
          if (!target || dirty) {
            await rawDrop(target);
            const d = openDeskDb(`bench-floor-restore-${Date.now()}-${++scratch}`);
            await d.open();
            d.close();
            target = await rawOpen(d.name);
            dirty = false;
          }
          await gc();
          // Then every candidate starts with IndexedDB settled. Each run reads or writes ~179,000 rows (and
          // this drops a database of as many), and the backend's work on them goes on for seconds after:
          // read right after the floor's write of every row, the floor read took 1,387 ms and a backup
          // 1,799 ms; 3 s later, 874 and 1,127 ms. In the fixed order (the floor read after the last restore,
          // the backup after the floor's write and this drop) each candidate inherited the one before it.
          await new Promise((r) => setTimeout(r, SETTLE_MS));
        },
      },
    );
    await rawDrop(target);
    const med = (k: keyof typeof t) => median(t[k]);
    return {
      backupVsFloor: round(med('backup') / med('floorRead'), 2),
      restoreVsFloor: round(med('restore') / med('floorWrite'), 2),
      backupMs: round(med('backup')),
      firstBackupInNewWorkerMs: round(firstBackupMs ?? 0),
      backupOnWindowThreadMs: round(med('backupHere')),
      restoreMs: round(med('restore')),
      floorReadMs: round(med('floorRead')),
      floorWriteMs: round(med('floorWrite')),
      longestTaskMs: round(Math.max(longest.backup, longest.restore)),
      longestBackupTaskMs: round(longest.backup),
      longestRestoreTaskMs: round(longest.restore),
      longTasks,
      rows,
      members: await db.members.count(),
      backupBytes,
      runs: t.backup.length,
    };
  },
};
