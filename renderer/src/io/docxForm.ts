/** The window's entry to reading a returned application form: in a Worker (docxForm.worker.ts). */
import { readSunshineForm } from '../../../shared/documents/sunshineRead';
import type { SunshineFormKey } from '../../../shared/documents/sunshineFields';
import { callWorker } from './workerCall';

export function readSunshineFormOffThread(
  bytes: Uint8Array,
): Promise<Partial<Record<SunshineFormKey, string>>> {
  return callWorker(
    () => new Worker(new URL('./docxForm.worker.ts', import.meta.url), { type: 'module' }),
    { bytes },
    (q) => readSunshineForm(q.bytes),
    { copy: true },
  );
}
