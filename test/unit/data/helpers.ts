import './env';
import { freshDb } from '../db/harness';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { loadDemo } from '../../../renderer/src/db/demo';
import { KEPT_TABLES } from '../../../renderer/src/db/revisions';

/**
 * Every table's rows (Blobs read as text), for before/after comparisons — but the kept derived values and
 * their stamps (issue 17, db/revisions.ts): local-only, never in a backup, renewed by every write by design.
 */
export async function snapshot(db: DeskDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) {
    if (KEPT_TABLES.includes(t.name)) continue;
    const rows = await t.toArray();
    out[t.name] = await Promise.all(
      rows.map(async (r: Record<string, unknown>) => {
        const copy: Record<string, unknown> = { ...r };
        for (const [k, v] of Object.entries(copy))
          if (v instanceof Blob) copy[k] = `blob:${v.type}:${await v.text()}`;
        return copy;
      }),
    );
  }
  return out;
}

export async function demoDb(members = 60): Promise<DeskDB> {
  const db = freshDb();
  await loadDemo(db, { asOf: '2026-11-21', members });
  await db.files.add({
    ownerType: 'document',
    ownerId: 1,
    kind: 'scan',
    name: '回执.pdf',
    mime: 'application/pdf',
    size: 5,
    sha256: 'x',
    data: new Blob(['%PDF-'], { type: 'application/pdf' }),
    receivedOn: '2026-11-01',
    createdAt: '2026-11-01T00:00:00.000Z',
  });
  await db.settings.put({ key: 'importMapping', value: { 单位名称: 'name' } });
  return db;
}
