/**
 * Worker: the search text (pinyin) of every row of a read roster under the mapping guessed for it
 * (rosterRows.ts precomputeSearchTexts), computed while the window validates the rows and the clerk
 * reads the preview; the commit uses them for the rows still reading the same (sheetOffThread.ts).
 */
import type { RememberedMapping } from '../../../shared/data/roster';
import { parseRosterRows, precomputeSearchTexts } from './rosterRows';

const scope = self as unknown as {
  onmessage:
    | ((ev: MessageEvent<{ fileName: string; rows: string[][]; remembered?: RememberedMapping }>) => void)
    | null;
  postMessage: (m: [number, { key: string; text: string }][] | null) => void;
};

scope.onmessage = (ev) => {
  const { fileName, rows, remembered } = ev.data;
  try {
    scope.postMessage([...precomputeSearchTexts(parseRosterRows(fileName, rows, remembered))]);
  } catch {
    // No header or no data: the window says so; there is nothing to compute ahead.
    scope.postMessage(null);
  }
};
