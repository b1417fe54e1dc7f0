/**
 * The browser side of `npm run bench`: served beside the app's own build (same origin, so it can seed
 * the app's IndexedDB), it exposes `window.deskBench` for scripts/bench.mjs to call through
 * playwright-core. Everything runs on the app's real modules and Chromium's real IndexedDB.
 */
import { db } from '../../renderer/src/db';
import { loadDemo } from '../../renderer/src/db/demo';
import { io } from './io';
import { interaction } from './interaction';
import { desks } from './desks';

const ASOF = '2026-11-21';

const api = {
  /** Loads the demo dataset (N members, three years of meetings, dues, activities) into the app's database. */
  async seed(members: number): Promise<Record<string, number>> {
    await loadDemo(db, { members, asOf: ASOF });
    const out: Record<string, number> = {};
    for (const t of db.tables) out[t.name] = await t.count();
    return out;
  },

  ...io,
  ...interaction,
  ...desks,
};

declare global {
  interface Window {
    deskBench: typeof api;
  }
}
window.deskBench = api;
document.getElementById('state')!.textContent = '基准测试页已就绪。';
