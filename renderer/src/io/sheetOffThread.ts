/**
 * The window's entry to reading a roster file: in a Worker (sheet.worker.ts), so a hostile file never
 * freezes it. The Worker replies with the rows, then keeps going: it computes every row's search text
 * (pinyin) under the guessed mapping, which the commit uses for the rows still reading the same
 * (importRoster.ts memberRecords) — so that cost is paid beside the window's own work, not after it.
 */
import { DataError } from '../../../shared/data/errors';
import type { RememberedMapping } from '../../../shared/data/roster';
import { readSheetRows, type SheetRows } from './spreadsheet';
import type { SearchTexts } from './rosterRows';

export type SheetWorkerMessage =
  | { type: 'rows'; value: SheetRows }
  | { type: 'texts'; value: [number, { key: string; text: string }][] | null }
  | { type: 'error'; message: string; dataError: boolean };

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
    let resolveTexts: (t: SearchTexts | null) => void = () => undefined;
    const searchTexts = new Promise<SearchTexts | null>((r) => (resolveTexts = r));
    let rowsSent = false;
    const close = () => {
      worker.terminate();
      resolveTexts(null);
    };
    worker.onmessage = (ev: MessageEvent<SheetWorkerMessage>) => {
      const m = ev.data;
      if (m.type === 'rows') {
        rowsSent = true;
        resolve({ ...m.value, searchTexts, close });
      } else if (m.type === 'texts') {
        worker.terminate();
        resolveTexts(m.value ? new Map(m.value) : null);
      } else {
        worker.terminate();
        reject(m.dataError ? new DataError(m.message) : new Error(m.message));
      }
    };
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      close();
      // Out of memory or a crash inside the worker: the window itself is unaffected.
      if (!rowsSent) reject(new DataError('文件无法读取：解析时出错（文件可能过大或已损坏）。'));
    };
    // A copy goes to the Worker (the caller keeps its bytes).
    const copy = bytes.slice();
    worker.postMessage({ fileName, bytes: copy, remembered }, [copy.buffer]);
  });
}

/** The rows alone (the Worker stops once they are read). */
export async function readSheetRowsOffThread(fileName: string, bytes: Uint8Array): Promise<SheetRows> {
  const sheet = await readRosterOffThread(fileName, bytes);
  sheet.close();
  return { rows: sheet.rows, sheetName: sheet.sheetName };
}
