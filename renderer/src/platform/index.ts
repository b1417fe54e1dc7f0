import type { DeskApi, FlushReport } from '../../../shared/channels';
import { unsavedLabels } from './unsaved';
export { deskErrorText } from '../../../shared/channels';
import { exportFileNameFor, type ExportKind } from '../../../shared/data/fileName';
import { browserDesk } from './browser';

/** The contract implementation for this runtime: Electron's preload bridge, or the browser's. */
export const desk: DeskApi = window.desk ?? browserDesk;

/** Edits waiting to be written (e.g. debounced minutes). Flushed before the window closes or hides. */
const pending = new Set<() => Promise<void>>();

export function registerPendingWrite(flush: () => Promise<void>): () => void {
  pending.add(flush);
  return () => pending.delete(flush);
}

/** Writes every pending edit; returns the forms still holding unsaved edits (platform/unsaved.ts). */
export async function flushPendingWrites(): Promise<FlushReport> {
  await Promise.allSettled([...pending].map((f) => f()));
  return { unsaved: unsavedLabels() };
}

desk.onFlushRequest(flushPendingWrites);

/**
 * Saves bytes via the contract. The name is sanitised here with the same function the main process
 * applies again (shared/data/fileName.ts), so names from member data (quotes, slashes, tabs) export
 * in both runtimes; the main process owns the dialog filter and the final extension of each kind.
 */
export async function saveBytes(suggestedName: string, bytes: Uint8Array, kind: ExportKind) {
  return desk.saveFile({ suggestedName: exportFileNameFor(suggestedName, kind), bytes, kind });
}
