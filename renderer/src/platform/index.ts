import type { DeskApi } from '../../../shared/contract';
import { browserDesk } from './browser';

/** The contract implementation for this runtime: Electron's preload bridge, or the browser's. */
export const desk: DeskApi = window.desk ?? browserDesk;

/** Edits waiting to be written (e.g. debounced minutes). Flushed before the window closes or hides. */
const pending = new Set<() => Promise<void>>();

export function registerPendingWrite(flush: () => Promise<void>): () => void {
  pending.add(flush);
  return () => pending.delete(flush);
}

export async function flushPendingWrites(): Promise<void> {
  await Promise.allSettled([...pending].map((f) => f()));
}

desk.onFlushRequest(flushPendingWrites);

/** Saves bytes via the contract and offers to open the file afterwards (Electron only). */
export async function saveBytes(
  suggestedName: string,
  bytes: Uint8Array,
  kind: 'docx' | 'xlsx' | 'json' | 'csv' | 'zip',
) {
  const names: Record<typeof kind, string> = {
    docx: 'Word 文档',
    xlsx: 'Excel 工作簿',
    json: '备份文件',
    csv: 'CSV 文件',
    zip: '压缩文件',
  };
  return desk.saveFile({ suggestedName, bytes, filters: [{ name: names[kind], extensions: [kind] }] });
}
