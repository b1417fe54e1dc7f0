import { generateDemo, type DemoDataset } from '../../../shared/demo/generate';
import type { DeskDB } from './schema';
import { writeAudit } from './audit';

export class DemoRefused extends Error {}

/**
 * Loads the demo dataset in one transaction. Refuses when the database already holds members, so
 * fictional units never mix with the alliance's real records.
 */
export async function loadDemo(
  db: DeskDB,
  opts: { members?: number; asOf: string },
  onProgress?: (done: number, total: number) => void,
): Promise<DemoDataset> {
  if ((await db.members.count()) > 0) {
    throw new DemoRefused('数据库中已有会员数据：演示数据只能加载到空数据库，以免与真实数据混在一起。');
  }
  const ds = generateDemo({ members: opts.members ?? 300, asOf: opts.asOf });
  const steps = Object.entries(ds) as [keyof DemoDataset, unknown[]][];
  const total = steps.reduce((n, [, rows]) => n + rows.length, 0);
  let done = 0;
  await db.transaction('rw', [...steps.map(([t]) => db.table(t)), db.audit], async () => {
    if ((await db.members.count()) > 0) throw new DemoRefused('数据库中已有会员数据。');
    for (const [table, rows] of steps) {
      for (let i = 0; i < rows.length; i += 2000) {
        const chunk = rows.slice(i, i + 2000);
        await db.table(table).bulkAdd(chunk);
        done += chunk.length;
        onProgress?.(done, total);
      }
    }
    await writeAudit(db, {
      entity: 'members',
      action: 'import',
      summary: `加载演示数据：${ds.members.length} 家会员单位、${ds.meetings.length} 次会议、${ds.payments.length} 笔缴费`,
    });
  });
  return ds;
}
