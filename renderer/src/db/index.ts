import { openDeskDb, type DeskDB } from './schema';

/** The app's single database handle. */
export const db: DeskDB = openDeskDb();

/** Ask the browser to keep our data even under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (navigator.storage && typeof navigator.storage.persist === 'function') {
      return await navigator.storage.persist();
    }
  } catch {
    // Not fatal: the data is still stored, only not marked persistent.
  }
  return false;
}

export type { DeskDB };
