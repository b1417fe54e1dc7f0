/**
 * Worker: reads a roster file's rows (readSheetRows: bomb-checked, capped, SheetJS or CSV). It imports
 * nothing else, so it starts fast; the rows' search texts are computed ahead by another Worker
 * (searchText.worker.ts, see sheetOffThread.ts), which loads the pinyin dictionary meanwhile.
 */
import { readSheetRows } from './spreadsheet';
import type { SheetWorkerMessage } from './sheetOffThread';

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<{ fileName: string; bytes: Uint8Array }>) => void) | null;
  postMessage: (m: SheetWorkerMessage) => void;
};

scope.onmessage = (ev) => {
  const { fileName, bytes } = ev.data;
  try {
    scope.postMessage({ type: 'rows', value: readSheetRows(fileName, bytes) });
  } catch (e) {
    scope.postMessage({
      type: 'error',
      message: e instanceof Error ? e.message : String(e),
      dataError: e instanceof Error && e.name === 'DataError',
    });
  }
};
