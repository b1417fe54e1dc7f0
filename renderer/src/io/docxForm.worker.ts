/** Worker: reads a returned application form (.docx) — readSunshineForm, capped and linear. */
import { readSunshineForm } from '../../../shared/documents/sunshineRead';
import { serveWorker } from './workerCall';

serveWorker((q: { bytes: Uint8Array }) => readSunshineForm(q.bytes));
