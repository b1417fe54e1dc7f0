/**
 * The window's entry to reading a roster file: in a Worker (sheet.worker.ts), so a hostile file never
 * freezes it. As soon as the rows are back, a second Worker (searchText.worker.ts) computes every row's
 * search text (pinyin) under the guessed mapping, which the commit uses for the rows still reading the
 * same (importRoster.ts memberRecords) — so that cost is paid beside the window's own work (validation,
 * the preview), not after it.
 */
import { DataError } from '../../../shared/data/errors';
import type { RememberedMapping } from '../../../shared/data/roster';
import { readSheetRows, type SheetRows } from './spreadsheet';
import type { SearchTexts } from './rosterRows';

export type SheetWorkerMessage =
  { type: 'rows'; value: SheetRows } | { type: 'error'; message: string; dataError: boolean };

/** Starts the search-text Worker on the rows read; resolves null when it cannot (computed at commit). */
function searchTextsAhead(
  fileName: string,
  rows: string[][],
  remembered: RememberedMapping | undefined,
): { texts: Promise<SearchTexts | null>; stop: () => void } {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./searchText.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return { texts: Promise.resolve(null), stop: () => undefined };
  }
  let settle: (t: SearchTexts | null) => void = () => undefined;
  const texts = new Promise<SearchTexts | null>((r) => (settle = r));
  const stop = () => {
    worker.terminate();
    settle(null);
  };
  worker.onmessage = (ev: MessageEvent<[number, { key: string; text: string }][] | null>) => {
    worker.terminate();
    settle(ev.data ? new Map(ev.data) : null);
  };
  worker.onerror = (ev) => {
    ev.preventDefault?.();
    stop();
  };
  worker.postMessage({ fileName, rows, remembered });
  return { texts, stop };
}

/**
 * The search texts if the Worker has already sent them, else null at once (and the Worker is stopped):
 * the commit never waits for them — without them it computes each text itself, as it would anyway.
 */
export async function searchTextsIfReady(sheet: RosterSheet): Promise<SearchTexts | null> {
  const pending = Symbol('pending');
  const ready = await Promise.race([sheet.searchTexts, Promise.resolve(pending)]);
  if (ready !== pending) return ready;
  sheet.close();
  return null;
}

export interface RosterSheet extends SheetRows {
  /** Search texts by line, computed ahead (null when the Worker could not: they are computed at commit). */
  searchTexts: Promise<SearchTexts | null>;
  /** Stops the Worker (the dialog closed before the texts were done). */
  close(): void;
}

/** Reads the rows in a Worker; the search texts follow (`searchTexts`). Throws DataError (Chinese). */
export function readRosterOffThread(
  fileName: string,
  bytes: Uint8Array,
  remembered?: RememberedMapping,
): Promise<RosterSheet> {
  if (typeof Worker === 'undefined') {
    return Promise.resolve().then(() => ({
      ...readSheetRows(fileName, bytes),
      searchTexts: Promise.resolve(null),
      close: () => undefined,
    }));
  }
  return new Promise<RosterSheet>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./sheet.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      reject(new DataError('无法启动后台解析（Worker），请重新打开工作台后再试。'));
      return;
    }
    worker.onmessage = (ev: MessageEvent<SheetWorkerMessage>) => {
      worker.terminate();
      const m = ev.data;
      if (m.type === 'rows') {
        const ahead = searchTextsAhead(fileName, m.value.rows, remembered);
        resolve({ ...m.value, searchTexts: ahead.texts, close: ahead.stop });
      } else reject(m.dataError ? new DataError(m.message) : new Error(m.message));
    };
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      worker.terminate();
      // Out of memory or a crash inside the worker: the window itself is unaffected.
      reject(new DataError('文件无法读取：解析时出错（文件可能过大或已损坏）。'));
    };
    // A copy goes to the Worker (the caller keeps its bytes).
    const copy = bytes.slice();
    worker.postMessage({ fileName, bytes: copy }, [copy.buffer]);
  });
}

/** The rows alone (nothing computed ahead). */
export function readSheetRowsOffThread(fileName: string, bytes: Uint8Array): Promise<SheetRows> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => readSheetRows(fileName, bytes));
  return readRosterOffThread(fileName, bytes).then((sheet) => {
    sheet.close();
    return { rows: sheet.rows, sheetName: sheet.sheetName };
  });
}
