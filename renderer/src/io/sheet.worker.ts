/** Worker: reads a roster file's rows (readSheetRows: bomb-checked, capped, SheetJS or CSV). */
import { readSheetRows } from './spreadsheet';
import { serveWorker } from './workerCall';

serveWorker((q: { fileName: string; bytes: Uint8Array }) => readSheetRows(q.fileName, q.bytes));
