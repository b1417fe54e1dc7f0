/** The app's own notion of today, the demo dataset it loads, and its database read back directly. */
import type { Page } from 'playwright-core';
import { today } from '../../../renderer/src/ui/today';
import { addDays } from '../../../shared/charter';
import { generateDemo } from '../../../shared/demo/generate';

export { today };

/** Today plus `n` calendar days, `YYYY-MM-DD`. */
export const daysFromToday = (n: number): string => addDays(today(), n);

/** The dataset 设置 → 加载演示数据 loads today (the generator is deterministic for a date). */
export function demo(asOf = today()): ReturnType<typeof generateDemo> {
  return generateDemo({ asOf });
}

/** Runs `op` on one object store of the app's IndexedDB in the page. */
function store<T>(page: Page, table: string, op: 'count' | 'getAll'): Promise<T> {
  return page.evaluate(
    ([t, o]) =>
      new Promise<T>((resolve, reject) => {
        const req = indexedDB.open('secretariat-desk');
        req.onsuccess = () => {
          const r = req.result.transaction(t, 'readonly').objectStore(t)[o]();
          r.onsuccess = () => {
            resolve(r.result as T);
            req.result.close();
          };
          r.onerror = () => reject(r.error);
        };
        req.onerror = () => reject(req.error);
      }),
    [table, op] as const,
  );
}

/** How many rows a table of the database holds. */
export const countRows = (page: Page, table: string): Promise<number> => store(page, table, 'count');

/** Every row of a table of the database. */
export const readRows = <T>(page: Page, table: string): Promise<T[]> => store(page, table, 'getAll');
