/**
 * Worker: reads a roster file's rows (readSheetRows: bomb-checked, capped, SheetJS or CSV) and replies
 * with them at once; then, under the mapping guessed for the file, computes every row's search text
 * (pinyin, the costly part of a commit) and sends those too, while the window validates the rows and
 * the clerk reads the preview (sheetOffThread.ts).
 */
import type { RememberedMapping } from '../../../shared/data/roster';
import { readSheetRows } from './spreadsheet';
import { parseRosterRows, precomputeSearchTexts } from './rosterRows';
import type { SheetWorkerMessage } from './sheetOffThread';

const scope = self as unknown as {
  onmessage:
    | ((ev: MessageEvent<{ fileName: string; bytes: Uint8Array; remembered?: RememberedMapping }>) => void)
    | null;
  postMessage: (m: SheetWorkerMessage) => void;
};

scope.onmessage = (ev) => {
  const { fileName, bytes, remembered } = ev.data;
  let sheet;
  try {
    sheet = readSheetRows(fileName, bytes);
  } catch (e) {
    scope.postMessage({
      type: 'error',
      message: e instanceof Error ? e.message : String(e),
      dataError: e instanceof Error && e.name === 'DataError',
    });
    return;
  }
  scope.postMessage({ type: 'rows', value: sheet });
  let texts: [number, { key: string; text: string }][] | null = null;
  try {
    texts = [...precomputeSearchTexts(parseRosterRows(fileName, sheet.rows, remembered))];
  } catch {
    // No header or no data: the window says so; there is nothing to compute ahead.
  }
  scope.postMessage({ type: 'texts', value: texts });
};
