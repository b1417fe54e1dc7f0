/** Worker: reads the application form from a received .docx (readFormFromDocx, capped and linear). */
import { readFormFromDocx } from '../features/programmes/logic';
import { serveWorker } from './workerCall';

serveWorker((q: { bytes: Uint8Array }) => readFormFromDocx(q.bytes));
