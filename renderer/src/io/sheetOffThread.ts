/** The window's entry to reading a roster file: in a Worker (sheet.worker.ts), so a hostile file never freezes it. */
import { readSheetRows, type SheetRows } from './spreadsheet';
import { callWorker } from './workerCall';

export function readSheetRowsOffThread(fileName: string, bytes: Uint8Array): Promise<SheetRows> {
  return callWorker(
    () => new Worker(new URL('./sheet.worker.ts', import.meta.url), { type: 'module' }),
    { fileName, bytes },
    (q) => readSheetRows(q.fileName, q.bytes),
    { copy: true },
  );
}
