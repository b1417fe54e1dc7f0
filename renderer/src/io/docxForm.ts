/** The window's entry to reading a received Word form: in a Worker (docxForm.worker.ts). */
import { readFormFromDocx, type FormKey } from '../features/programmes/logic';
import { callWorker } from './workerCall';

export function readFormFromDocxOffThread(bytes: Uint8Array): Promise<Partial<Record<FormKey, string>>> {
  return callWorker(
    () => new Worker(new URL('./docxForm.worker.ts', import.meta.url), { type: 'module' }),
    { bytes },
    (q) => readFormFromDocx(q.bytes),
    { copy: true },
  );
}
