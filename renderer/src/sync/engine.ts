/**
 * The replication engine (issue 19). Dexie stays the app's store; a local PouchDB database is the
 * replicator; PouchDB's own protocol syncs it both ways with the office's CouchDB — continuous while
 * online, resumable (PouchDB's checkpoints), retried with backoff.
 *
 * - Dexie → Pouch: the outbox (db/outbox.ts, written in the same transaction as each change) is
 *   drained into Pouch: each key's row as it is now becomes the document `<table>:<key>` on its current
 *   revision; a row that is gone becomes a deletion.
 * - Pouch → Dexie: the local database's changes feed, applied in ONE Dexie transaction per batch, marked
 *   remote (not recorded in the outbox); the open screens update through their live queries. A document
 *   with a pending local change is left for the drain.
 * - A server change and an unsent local edit of the same record: the local edit was made on the revision
 *   Dexie showed (its base), not on the server's newer one, so the drain writes it as a branch of that
 *   base (`new_edits: false`) — both versions are kept and the record is a conflict, as when two
 *   workstations edit offline; the local edit never silently overwrites the server's change.
 * - Conflicts: the winner PouchDB picks (CouchDB's deterministic rule) is what Dexie shows; the record's
 *   id is kept in the conflict list (sync/conflicts.ts) until the clerk resolves it.
 * - Data format (shared/data/format.ts, sync/format.ts): after registering its number and before anything
 *   replicates, the workstation claims the database's format; where the office's data is of a newer format
 *   it replicates nothing (需升级工作台: its changes wait in the outbox and the replica, nothing lost), and
 *   it stops the same way when a newer workstation raises the format while it syncs. What the replica
 *   received after the raise (the newer build's records) is not applied to Dexie: it waits there until
 *   the upgrade, so this build never shows — and saves without their new fields — the newer records.
 * - First connection of this workstation to a database: the server's documents come first and win; only
 *   rows the server has never had (not even as a deletion) are uploaded — so connecting (or reconnecting
 *   after a restore) never brings old or deleted records back.
 */
// eslint-disable-next-line no-restricted-imports -- the npm package `events` (a dependency: the EventEmitter PouchDB's browser build itself imports, bundled by Vite), not Node's module
import { EventEmitter } from 'events';
import { liveQuery, type Table } from 'dexie';
import { db } from '../db';
import { readLocal, writeLocal } from '../db/local';
import { writeAudit } from '../db/audit';
import { mergeMemberRecords } from '../db/schema';
import { decodeDoc, encodeRow, sameRow } from '../../../shared/sync/codec';
import { REPLICATED_TABLES, docIdOf, isReplicatedRow, parseDocId } from '../../../shared/sync/scope';
import { SYNC_OFF, type SyncStatus } from '../../../shared/sync/status';
import {
  getConnection,
  loadConnection,
  readStoredConnection,
  setOnline,
  subscribeConnection,
  type SyncConnection,
} from './connection';
import {
  OUTBOX_TABLE,
  markRemote,
  setOutboxListener,
  setOutboxRecording,
  type OutboxEntry,
} from '../db/outbox';
import { localPouchName, openLocalPouch, openRemotePouch, type Pouch, type PouchDoc } from './pouch';
import { syncErrorText } from './errors';
import { registerWorkstation } from './workstation';
import { compareDataFormat } from '../../../shared/data/format';
import { NewerDataFormat, claimDataFormat, formatDocBy, formatOfDoc, workstationName } from './format';

const BATCH = 500;

/** The format a `format:data` document raises the database to, when newer than this build's (else null). */
function newerFormatOf(doc: { _id?: unknown; format?: unknown; _deleted?: unknown }): number | null {
  const f = formatOfDoc(doc);
  return f !== null && compareDataFormat(f) === 'newer' ? f : null;
}

// ------------------------------------------------------------------ status (always in view)

// The package PouchDB's browser build itself uses for its events (bundled by Vite).
const events = new EventEmitter();
events.setMaxListeners(100);

let status: SyncStatus = SYNC_OFF;
function setStatus(next: Partial<SyncStatus>): void {
  const merged = { ...status, ...next };
  if (JSON.stringify(merged) === JSON.stringify(status)) return;
  status = merged;
  events.emit('status');
}
export function syncStatus(): SyncStatus {
  return status;
}
export function subscribeSyncStatus(l: () => void): () => void {
  events.on('status', l);
  return () => events.off('status', l);
}

// ------------------------------------------------------------------ local bookkeeping (localStorage)

const appliedKey = (name: string) => `local.sync.applied:${name}`;
const seededKey = (name: string) => `local.sync.seeded:${name}`;
const conflictsKey = (name: string) => `local.sync.conflicts:${name}`;
/** Documents held out of Dexie: a unique value of theirs is another row's here (see `uniqueHolder`). */
const clashesKey = (name: string) => `local.sync.clashes:${name}`;
const unpushedKey = (name: string) => `local.sync.unpushed:${name}`;
/** Documents whose server change was held back for a pending local edit → the revision Dexie showed. */
const heldKey = (name: string) => `local.sync.held:${name}`;
/** Revisions the drain wrote that the apply has not seen yet (this workstation's own, not the server's). */
const drainedKey = (name: string) => `local.sync.drained:${name}`;

function readMap(key: string): Map<string, string> {
  const v = readLocal(key);
  const out = new Map<string, string>();
  if (v && typeof v === 'object' && !Array.isArray(v))
    for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out.set(k, x);
  return out;
}

const revGeneration = (rev: string) => Number(rev.slice(0, rev.indexOf('-')));

function randomRevHash(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function readSet(key: string): Set<string> {
  const v = readLocal(key);
  return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
}

/** A row's value at a dotted key path (Dexie's index paths). */
function valueAtKeyPath(row: Record<string, unknown>, path: string): unknown {
  let v: unknown = row;
  for (const part of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/**
 * The key of another row of `table` that holds one of `row`'s unique index values (a member's 统一社会信用代码,
 * a meeting's attendance of one unit, …), or undefined. Two workstations can each add such a row offline;
 * the second cannot be written into Dexie, and must not stop every later change from being applied.
 */
export async function uniqueHolder(
  table: Table,
  key: unknown,
  row: Record<string, unknown>,
  /** The row stored under `key` now: a value it holds already is its own (no query for it). */
  current?: Record<string, unknown>,
): Promise<unknown> {
  for (const index of table.schema.indexes) {
    if (!index.unique) continue;
    const paths = Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath ?? ''];
    const values = paths.map((path) => valueAtKeyPath(row, path));
    if (values.some((v) => v === undefined || v === null)) continue;
    if (current && paths.every((path, i) => valueAtKeyPath(current, path) === values[i])) continue;
    const keys = await table
      .where(index.name)
      .equals((Array.isArray(index.keyPath) ? values : values[0]) as never)
      .primaryKeys();
    const other = keys.find((k) => k !== key);
    if (other !== undefined) return other;
  }
  return undefined;
}

/** A clash's two rows (Replication.clashRows). */
export interface ClashRows {
  table: string;
  key: number | string;
  /** The held document's revision in the replica. */
  rev: string;
  /** The row held out of Dexie (the other workstation's). */
  incoming: Record<string, unknown>;
  /** This workstation's row holding the unique value, and its key. */
  hereKey: unknown;
  here: Record<string, unknown> | undefined;
}

function outbox(): Table<OutboxEntry, number> {
  return db.table(OUTBOX_TABLE) as Table<OutboxEntry, number>;
}

// The outbox records once a server has been configured on this workstation (also while 断开: those
// changes go up at the next 连接).
setOutboxRecording(() => readStoredConnection() !== null);

// ------------------------------------------------------------------ one running replication

class Replication {
  readonly local: Pouch;
  readonly remote: Pouch;
  readonly name: string;
  private sync: { cancel(): void } | null = null;
  private feed: ReturnType<Pouch['changes']> | null = null;
  private outboxSub: { unsubscribe(): void } | null = null;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  /** This workstation's number is registered on this server (checked once per connection). */
  private registered = false;
  /** The database's data format is this workstation's (sync/format.ts; claimed once per connection). */
  private formatClaimed = false;
  private again = { drain: false, apply: false };
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = 1000;
  readonly conflicts: Set<string>;
  /** Documents not applied to Dexie because another row holds a unique value of theirs (sync/conflicts.ts). */
  readonly clashes: Set<string>;
  private unpushed: Set<string>;
  /** The revision each document's row in Dexie is (applied from Pouch, or drained into it). */
  private readonly reflected = new Map<string, string>();
  private readonly held: Map<string, string>;
  private readonly drained: Map<string, string>;

  constructor(readonly connection: SyncConnection) {
    this.local = openLocalPouch(connection);
    this.remote = openRemotePouch(connection);
    this.name = localPouchName(connection);
    this.conflicts = readSet(conflictsKey(this.name));
    this.clashes = readSet(clashesKey(this.name));
    this.unpushed = readSet(unpushedKey(this.name));
    this.held = readMap(heldKey(this.name));
    this.drained = readMap(drainedKey(this.name));
  }

  private saveHeld(): void {
    writeLocal(heldKey(this.name), Object.fromEntries(this.held));
    writeLocal(drainedKey(this.name), Object.fromEntries(this.drained));
  }

  /** The revision before `rev` in its document's history (the base when nothing better is known). */
  private async parentRev(id: string, rev: string): Promise<string | undefined> {
    const doc = await this.local.get(id, { rev, revs: true });
    const r = doc._revisions;
    return r && r.ids.length > 1 ? `${r.start - 1}-${r.ids[1]!}` : undefined;
  }

  /**
   * Of the drain's documents, those whose current revision in Pouch is not the one Dexie's row was
   * edited on, with that base revision: a server change arrived under a pending local edit.
   */
  private async basesOf(ids: string[], winners: (string | undefined)[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const unknown: string[] = [];
    ids.forEach((id, i) => {
      const w = winners[i];
      if (!w) return;
      const held = this.held.get(id);
      if (held !== undefined) {
        if (held !== w) out.set(id, held);
        return;
      }
      if (this.drained.get(id) === w) return;
      const seen = this.reflected.get(id);
      if (seen === undefined) unknown.push(id);
      else if (seen !== w) out.set(id, seen);
    });
    if (unknown.length) {
      // Not seen in this session (after a restart): changed in Pouch since the last applied batch?
      const since = (readLocal(appliedKey(this.name)) as number | string | undefined) ?? 0;
      const res = await this.local.changes({ since, doc_ids: unknown });
      for (const c of res.results) {
        const w = winners[ids.indexOf(c.id)];
        if (!w || c.changes[0]?.rev !== w) continue;
        const base = await this.parentRev(c.id, w);
        if (base) out.set(c.id, base);
      }
    }
    return out;
  }

  /** Writes `doc` (the local edit) as a new branch of revision `base`: both versions are kept. */
  private async writeBranch(doc: PouchDoc, base: string): Promise<string> {
    const ancestry = (await this.local.get(doc._id, { rev: base, revs: true }))._revisions ?? {
      start: revGeneration(base),
      ids: [base.slice(base.indexOf('-') + 1)],
    };
    const hash = randomRevHash();
    const start = ancestry.start + 1;
    const branch: PouchDoc = {
      ...doc,
      _rev: `${start}-${hash}`,
      _revisions: { start, ids: [hash, ...ancestry.ids] },
    };
    const [res] = await this.local.bulkDocs([branch], { new_edits: false });
    if (res && res.error) throw new Error(`写入同步副本失败：${res.reason ?? String(res.error)}`);
    return branch._rev!;
  }

  /** Tasks run one at a time: drain, apply, seed never interleave. */
  private run(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      if (!this.stopped) await task();
    });
    this.queue = next.catch((e: unknown) => {
      setStatus({ error: syncErrorText(e) });
    });
    return this.queue;
  }

  private schedule(kind: 'drain' | 'apply'): void {
    if (this.again[kind]) return;
    this.again[kind] = true;
    void this.run(async () => {
      this.again[kind] = false;
      if (kind === 'drain') await this.drain();
      else await this.apply();
    });
  }

  async start(): Promise<void> {
    setStatus({ phase: 'connecting', conflicts: this.conflicts.size + this.clashes.size, error: undefined });
    await this.refreshPending();
    this.outboxSub = liveQuery(() => outbox().count()).subscribe({
      next: (n) => {
        void this.refreshPending(n);
        if (n > 0) this.schedule('drain');
      },
    });
    setOutboxListener(() => {
      if (this.stopped) return;
      void this.refreshPending();
      this.schedule('drain');
    });
    this.feed = this.local.changes({ since: 'now', live: true });
    this.feed.on('change', () => this.schedule('apply'));
    await this.run(() => this.drain());
    await this.run(() => this.apply());
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    this.startLive();
  }

  /** The browser knows the network is gone: say so at once (PouchDB finds out at its next request). */
  private readonly onOffline = () => {
    setOnline(false);
    setStatus({ phase: 'offline', error: '网络已断开，恢复后自动继续' });
  };

  /** The network is back: restart the replication now rather than after PouchDB's backoff. */
  private readonly onOnline = () => {
    if (this.stopped) return;
    this.sync?.cancel();
    this.sync = null;
    clearTimeout(this.retryTimer);
    this.retryDelay = 1000;
    setStatus({ phase: 'syncing' });
    this.startLive();
  };

  private startLive(): void {
    if (this.stopped) return;
    // Nothing of this workstation's reaches the server before its number is registered there (issue 19:
    // ids that cannot collide; a number another workstation holds moves this one's records first).
    if (!this.registered) {
      void this.register().then((ok) => (ok ? this.startLive() : this.retryLater()));
      return;
    }
    // Nor anything replicated, either way, while the office's data is of a newer format (sync/format.ts).
    if (!this.formatClaimed) {
      void this.claimFormat().then((ok) => (ok ? this.startLive() : this.retryLater()));
      return;
    }
    if (readLocal(seededKey(this.name)) !== true) {
      void this.run(() => this.seed()).then(() => {
        if (readLocal(seededKey(this.name)) === true) this.startLive();
        else this.retryLater();
      });
      return;
    }
    // Two one-way replications rather than PouchDB's sync(): sync() drops the error of a 'paused'
    // event, and the status must tell 离线 from 已同步.
    const opts = {
      live: true,
      retry: true,
      batch_size: 200,
      back_off_function: (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 30_000)),
    };
    const push = this.local.replicate.to(this.remote, opts);
    const pull = this.local.replicate.from(this.remote, opts);
    const run = { push, pull, cancel: () => (push.cancel(), pull.cancel()) };
    this.sync = run;
    const mine = () => this.sync === run && !this.stopped;
    const state: Record<'push' | 'pull', 'active' | 'paused' | 'offline'> = {
      push: 'active',
      pull: 'active',
    };
    const update = () => {
      if (!mine()) return;
      if (state.push === 'offline' || state.pull === 'offline' || !navigator.onLine) {
        setOnline(false);
        setStatus({ phase: 'offline' });
        return;
      }
      setOnline(true);
      if (state.push === 'paused' && state.pull === 'paused') {
        if (this.unpushed.size) {
          this.unpushed.clear();
          this.saveUnpushed();
        }
        void this.refreshPending().then(() => mine() && setStatus({ phase: 'synced', error: undefined }));
      } else setStatus({ phase: 'syncing', error: undefined });
    };
    for (const [dir, rep] of [
      ['push', push],
      ['pull', pull],
    ] as const) {
      rep.on('active', () => {
        state[dir] = 'active';
        update();
      });
      rep.on('paused', (err) => {
        state[dir] = err ? 'offline' : 'paused';
        if (err && mine()) setStatus({ error: syncErrorText(err) });
        update();
      });
      rep.on('denied', (err) => mine() && setStatus({ error: syncErrorText(err) }));
      rep.on('error', (err) => {
        if (!mine()) return;
        // Unrecoverable for this run (wrong password, database gone): say so, try again later.
        run.cancel();
        this.sync = null;
        setOnline(false);
        setStatus({ phase: 'denied', error: syncErrorText(err) });
        this.retryLater();
      });
    }
    // A newer workstation raised the database's format while this one syncs: stop before pushing more.
    pull.on('change', (info) => {
      if (!mine()) return;
      const docs = (info as { docs?: PouchDoc[] }).docs ?? [];
      for (const d of docs) {
        const f = newerFormatOf(d);
        if (f !== null) return this.stopOutdated(f, d as { by?: unknown });
      }
    });
    push.on('change', (info) => {
      const docs = (info as { docs?: PouchDoc[] }).docs ?? info.change?.docs ?? [];
      for (const d of docs) this.unpushed.delete(d._id);
      this.saveUnpushed();
      void this.refreshPending();
    });
  }

  /**
   * The database's format was raised past this workstation's (a `format:data` document in the replica):
   * the replication stops, the status says 需升级工作台, and it is tried again later (after an upgrade).
   */
  private stopOutdated(format: number, doc: { by?: unknown }): void {
    if (this.stopped) return;
    this.sync?.cancel();
    this.sync = null;
    this.formatClaimed = false;
    setStatus({ phase: 'outdated', error: new NewerDataFormat(format, formatDocBy(doc)).message });
    this.retryLater();
  }

  private retryLater(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.startLive(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, 60_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.retryTimer);
    this.sync?.cancel();
    this.feed?.cancel();
    this.outboxSub?.unsubscribe();
    setOutboxListener(() => undefined);
    await this.queue;
    setOnline(false);
  }

  private saveUnpushed(): void {
    writeLocal(unpushedKey(this.name), [...this.unpushed]);
  }

  private async refreshPending(outboxCount?: number): Promise<void> {
    const n = outboxCount ?? (await outbox().count());
    setStatus({ pending: n + this.unpushed.size });
  }

  /** Registers this workstation's number on the server; false (and 离线) when the server cannot say. */
  private async register(): Promise<boolean> {
    if (this.registered) return true;
    try {
      await registerWorkstation(db, this.connection);
      this.registered = true;
    } catch (e) {
      setOnline(false);
      setStatus({ phase: 'offline', error: syncErrorText(e) });
    }
    return this.registered;
  }

  /**
   * Claims the database's data format for this workstation's (sync/format.ts); false — 需升级工作台, or
   * 离线 when the server cannot say — when it may not replicate.
   */
  private async claimFormat(): Promise<boolean> {
    if (this.formatClaimed) return true;
    try {
      await claimDataFormat(this.connection, { by: workstationName() });
      this.formatClaimed = true;
    } catch (e) {
      if (e instanceof NewerDataFormat) setStatus({ phase: 'outdated', error: e.message });
      else {
        setOnline(false);
        setStatus({ phase: 'offline', error: syncErrorText(e) });
      }
    }
    return this.formatClaimed;
  }

  /** The first connection: the server's documents first (they win), then what it has never had. */
  private async seed(): Promise<void> {
    setStatus({ phase: 'syncing' });
    try {
      await this.local.replicate.from(this.remote, { batch_size: 500 });
    } catch (e) {
      setOnline(false);
      setStatus({ phase: 'offline', error: syncErrorText(e) });
      return;
    }
    setOnline(true);
    for (const name of REPLICATED_TABLES) {
      const table = db.table(name);
      const pk = table.schema.primKey.keyPath as string;
      let offset = 0;
      for (;;) {
        const rows = (await table.offset(offset).limit(BATCH).toArray()) as Record<string, unknown>[];
        if (rows.length === 0) break;
        offset += rows.length;
        const keyed = rows
          .map((row) => ({ key: row[pk] as number | string, row }))
          .filter((r) => isReplicatedRow(name, r.key));
        const ids = keyed.map((r) => docIdOf(name, r.key));
        const known = await this.local.allDocs({ keys: ids });
        const fresh = keyed.filter((_, i) => {
          const r = known.rows[i];
          return !r || r.error === 'not_found';
        });
        if (fresh.length)
          await this.local.bulkDocs(fresh.map((r) => encodeRow(name, r.key, r.row) as unknown as PouchDoc));
      }
    }
    // What was recorded before the first connection is in Pouch now (or the server's version won).
    await outbox().clear();
    writeLocal(appliedKey(this.name), 0);
    await this.applyAll();
    writeLocal(seededKey(this.name), true);
  }

  private async applyAll(): Promise<void> {
    for (;;) {
      const more = await this.applyBatch();
      if (!more) break;
    }
    await this.retryClashes();
  }

  /**
   * The documents held out of Dexie by a unique value (`clashes`), tried again: one whose value is free now
   * (the other row was merged away, or changed) is written; one deleted in the replica is forgotten.
   */
  private async retryClashes(): Promise<void> {
    if (this.clashes.size === 0) return;
    let changed = false;
    for (const id of [...this.clashes]) {
      const ref = parseDocId(id);
      let doc: PouchDoc | null = null;
      try {
        doc = await this.local.get(id, { attachments: true, binary: true });
      } catch {
        doc = null; // deleted (or never here): nothing to hold
      }
      const row = doc && !doc._deleted ? decodeDoc(doc as never) : null;
      if (!ref || !row) {
        this.clashes.delete(id);
        changed = true;
        continue;
      }
      const written = await db.transaction('rw', [ref.table, OUTBOX_TABLE], async (tx) => {
        markRemote(tx.idbtrans);
        const table = db.table(ref.table);
        if ((await uniqueHolder(table, ref.key, row)) !== undefined) return false;
        await table.put(row);
        return true;
      });
      if (written) {
        this.reflected.set(id, doc!._rev!);
        this.clashes.delete(id);
        changed = true;
      }
    }
    if (changed) this.saveConflicts();
  }

  private async apply(): Promise<void> {
    await this.applyAll();
  }

  /** Dexie → Pouch: the outbox's keys, as the rows are now. */
  private async drain(): Promise<void> {
    // Before the first connection's seed, the outbox is not drained: the seed decides (server first).
    if (readLocal(seededKey(this.name)) !== true) return;
    for (;;) {
      const entries = await outbox().orderBy('seq').limit(BATCH).toArray();
      if (entries.length === 0) return;
      const lastSeq = entries[entries.length - 1]!.seq!;
      const unique = new Map<string, OutboxEntry>();
      for (const e of entries) unique.set(docIdOf(e.table, e.key), e);
      const ids = [...unique.keys()];
      const existing = await this.local.allDocs({ keys: ids, include_docs: true });
      const winners = existing.rows.map((r) => (r && !r.error && !r.value.deleted ? r.value.rev : undefined));
      const bases = await this.basesOf(ids, winners);
      const docs: PouchDoc[] = [];
      const branches: { doc: PouchDoc; base: string }[] = [];
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const e = unique.get(id)!;
        const have = existing.rows[i];
        const rev = winners[i];
        const row = (await db.table(e.table).get(e.key)) as Record<string, unknown> | undefined;
        const base = bases.get(id);
        if (row === undefined) {
          // A deletion made on an older revision than the server's change: kept as a deleted branch (a
          // change the apply sees — the server's edit, the live leaf, comes back into Dexie).
          if (rev && base) branches.push({ doc: { _id: id, _deleted: true }, base });
          else if (rev) docs.push({ _id: id, _rev: rev, _deleted: true });
          continue;
        }
        const doc = encodeRow(e.table, e.key, row) as unknown as PouchDoc;
        if (rev && have?.doc && sameRow(decodeDoc(have.doc), decodeDoc(doc as never))) {
          // Dexie already shows this revision's content: nothing to write, nothing in conflict.
          this.reflected.set(id, rev);
          this.held.delete(id);
          continue;
        }
        if (rev && base) branches.push({ doc, base });
        else {
          if (rev) doc._rev = rev;
          docs.push(doc);
        }
      }
      if (docs.length) {
        const results = await this.local.bulkDocs(docs);
        const failed = results.filter((r) => r.error);
        if (failed.length)
          throw new Error(`写入同步副本失败：${failed[0]!.reason ?? String(failed[0]!.error)}`);
        for (const r of results) {
          if (!r.rev) continue;
          this.reflected.set(r.id, r.rev);
          this.drained.set(r.id, r.rev);
        }
        for (const d of docs) this.unpushed.add(d._id);
      }
      for (const { doc, base } of branches) {
        const rev = await this.writeBranch(doc, base);
        this.reflected.set(doc._id, rev);
        this.drained.set(doc._id, rev);
        this.held.delete(doc._id);
        this.unpushed.add(doc._id);
      }
      if (docs.length || branches.length) {
        this.saveUnpushed();
        this.saveHeld();
      }
      await outbox().where('seq').belowOrEqual(lastSeq).delete();
    }
  }

  /** Pouch → Dexie: one batch of the changes feed in one transaction. Returns whether more may follow. */
  private async applyBatch(): Promise<boolean> {
    const since = (readLocal(appliedKey(this.name)) as number | string | undefined) ?? 0;
    const res = await this.local.changes({
      since,
      limit: BATCH,
      include_docs: true,
      conflicts: true,
      attachments: true,
      binary: true,
    });
    if (res.results.length === 0) return false;
    // A raised format in the batch: what came after it is a newer build's data — left in the replica,
    // not applied (this build would save it without the fields it does not know), until an upgrade.
    const raisedTo = res.results.map((c) => (c.doc === undefined ? null : newerFormatOf(c.doc)));
    const cut = raisedTo.findIndex((f) => f !== null);
    const results = cut < 0 ? res.results : res.results.slice(0, cut);
    const rows = results
      .map((c) => ({ c, ref: parseDocId(c.id) }))
      .filter(
        (x): x is { c: (typeof res.results)[number]; ref: { table: string; key: number | string } } =>
          x.ref !== null,
      );
    const tables = [...new Set(rows.map((r) => r.ref.table))];
    let conflictsChanged = false;
    /** Server revisions held back for a pending local edit (their base is found after the transaction). */
    const skipped: { id: string; rev: string }[] = [];
    const applied: { id: string; rev: string }[] = [];
    if (tables.length) {
      await db.transaction('rw', [...tables, OUTBOX_TABLE], async (tx) => {
        markRemote(tx.idbtrans);
        const pending = new Set((await outbox().toArray()).map((e) => docIdOf(e.table, e.key)));
        for (const { c, ref } of rows) {
          const rev = c.doc?._rev ?? c.changes[0]?.rev;
          if (pending.has(c.id)) {
            if (rev && !c.deleted && !c.doc?._deleted) skipped.push({ id: c.id, rev });
            continue;
          }
          const reflect = () => rev && applied.push({ id: c.id, rev });
          const table = db.table(ref.table);
          if (c.deleted || c.doc?._deleted) {
            reflect();
            if ((await table.get(ref.key)) !== undefined) await table.delete(ref.key);
            if (this.conflicts.delete(c.id)) conflictsChanged = true;
            if (this.clashes.delete(c.id)) conflictsChanged = true;
            continue;
          }
          const row = c.doc ? decodeDoc(c.doc as never) : null;
          if (!row) {
            reflect();
            continue;
          }
          const current = (await table.get(ref.key)) as Record<string, unknown> | undefined;
          if (current === undefined || !sameRow(current, row)) {
            // Another row here holds a unique value of this one (the same unit added on two workstations
            // offline): held out of Dexie, listed for the clerk, tried again after every apply — never an
            // error that would stop every later change from being applied.
            if ((await uniqueHolder(table, ref.key, row, current)) !== undefined) {
              if (!this.clashes.has(c.id)) {
                this.clashes.add(c.id);
                conflictsChanged = true;
              }
              continue; // not what Dexie shows: not reflected
            }
            await table.put(row);
          }
          reflect();
          if (this.clashes.delete(c.id)) conflictsChanged = true;
          const conflicted = (c.doc?._conflicts?.length ?? 0) > 0;
          if (conflicted && !this.conflicts.has(c.id)) {
            this.conflicts.add(c.id);
            conflictsChanged = true;
          } else if (!conflicted && this.conflicts.delete(c.id)) conflictsChanged = true;
        }
      });
    }
    let heldChanged = false;
    for (const { id, rev } of applied) {
      this.reflected.set(id, rev);
      if (this.held.delete(id)) heldChanged = true;
      if (this.drained.get(id) === rev && this.drained.delete(id)) heldChanged = true;
    }
    for (const { id, rev } of skipped) {
      // This workstation's own revision (drained before the newer local edit): nothing held back.
      if (this.drained.get(id) === rev || this.reflected.get(id) === rev || this.held.has(id)) continue;
      const base = this.reflected.get(id) ?? (await this.parentRev(id, rev));
      if (base) {
        this.held.set(id, base);
        heldChanged = true;
      }
    }
    if (heldChanged) this.saveHeld();
    if (cut < 0) writeLocal(appliedKey(this.name), res.last_seq);
    else if (cut > 0) writeLocal(appliedKey(this.name), results[cut - 1]!.seq);
    if (conflictsChanged) this.saveConflicts();
    if (cut >= 0) {
      this.stopOutdated(raisedTo[cut]!, res.results[cut]!.doc as { by?: unknown });
      return false;
    }
    return res.results.length === BATCH;
  }

  /**
   * The two rows of a clash (`clashes`): this workstation's, which holds the unique value, and the one held
   * out of Dexie. Undefined when the document is no longer held.
   */
  async clashRows(docId: string): Promise<ClashRows | undefined> {
    const ref = parseDocId(docId);
    if (!ref || !this.clashes.has(docId)) return undefined;
    const doc = await this.local.get(docId, { attachments: true, binary: true }).catch(() => null);
    const incoming = doc && !doc._deleted ? decodeDoc(doc as never) : null;
    if (!doc || !incoming) return undefined;
    const table = db.table(ref.table);
    const hereKey = await uniqueHolder(table, ref.key, incoming);
    const here =
      hereKey === undefined ? undefined : ((await table.get(hereKey as never)) as Record<string, unknown>);
    return { table: ref.table, key: ref.key, rev: doc._rev!, incoming, hereKey, here };
  }

  /**
   * Resolves a clash by keeping one of the two rows. Two records of one unit (members) are merged into the
   * kept one (db/schema.ts `mergeMemberRecords`: every reference moves to it); of two rows of one slot (a
   * unit's attendance of one meeting …) the other is removed. The row not kept is removed — from the
   * replica when it is the other workstation's (the removal replicates), from Dexie when it is this one's
   * (drained as any delete) — and the audit entry keeps it whole. The other workstation, holding this one's
   * row out of its Dexie the same way, takes the kept row once the other is gone.
   */
  async resolveClash(
    docId: string,
    keep: 'here' | 'incoming',
    summary: (c: ClashRows) => string,
  ): Promise<void> {
    const c = await this.clashRows(docId);
    if (!c) throw new Error('该冲突已处理');
    // The value is free already (the other row changed or went): the held row is simply written.
    if (c.hereKey === undefined) return this.applyNow();
    const entityId = typeof c.key === 'number' ? c.key : undefined;
    const hereKey = typeof c.hereKey === 'number' ? c.hereKey : undefined;
    await db.transaction('rw', db.tables, async () => {
      let merged: unknown;
      if (c.table === 'members' && hereKey !== undefined && entityId !== undefined)
        merged =
          keep === 'here'
            ? await mergeMemberRecords((n) => db.table(n), entityId, hereKey)
            : await mergeMemberRecords((n) => db.table(n), hereKey, entityId);
      else if (keep === 'incoming' && c.hereKey !== undefined)
        await db.table(c.table).delete(c.hereKey as never);
      const kept = keep === 'here' ? c.here : c.incoming;
      const keptId = keep === 'here' ? hereKey : entityId;
      await writeAudit(db, {
        entity: c.table,
        ...(keptId !== undefined ? { entityId: keptId } : {}),
        ...(c.table === 'members' && keptId !== undefined
          ? { memberId: keptId }
          : typeof kept?.memberId === 'number'
            ? { memberId: kept.memberId }
            : {}),
        action: 'update',
        summary: summary(c),
        before: { 未保留的记录: keep === 'here' ? c.incoming : c.here, ...(merged ? { 合并: merged } : {}) },
        after: { 保留的记录: kept },
      });
    });
    if (keep === 'here') {
      await this.local.remove(docId, c.rev);
      this.clashes.delete(docId);
      this.saveConflicts();
    } else await this.applyNow(); // the held row is written now that its value is free
  }

  saveConflicts(): void {
    writeLocal(conflictsKey(this.name), [...this.conflicts]);
    writeLocal(clashesKey(this.name), [...this.clashes]);
    setStatus({ conflicts: this.conflicts.size + this.clashes.size });
    events.emit('conflicts');
  }

  /** Drains the outbox into the replica now, in the queue (tests). */
  drainNow(): Promise<void> {
    return this.run(() => this.drain());
  }

  /** Applies the replica's changes to Dexie now, in the queue (tests). */
  applyNow(): Promise<void> {
    return this.run(() => this.apply());
  }

  /** Waits until everything queued so far has run (tests, restore). */
  async settle(): Promise<void> {
    await this.queue;
  }

  /** Forgets this workstation's replica of the database (断开后恢复): rebuilt from the server next time. */
  async destroyReplica(): Promise<void> {
    await this.stop();
    await this.local.destroy();
    for (const k of [appliedKey, seededKey, conflictsKey, clashesKey, unpushedKey, heldKey, drainedKey])
      writeLocal(k(this.name), undefined);
  }
}

export function subscribeConflicts(l: () => void): () => void {
  events.on('conflicts', l);
  return () => events.off('conflicts', l);
}

let current: Replication | null = null;
let started = false;

async function follow(): Promise<void> {
  // Suspended for a restore: nothing starts until resumeSync (a note of the connection — any local
  // setting written, the stopped run's setOnline(false) — would start a replication on the very replica
  // resumeSync then destroys, and the workstation would stay 同步中).
  if (suspended) return;
  const connection = getConnection();
  const same = current && connection && JSON.stringify(current.connection) === JSON.stringify(connection);
  if (same) return;
  const old = current;
  current = null;
  if (old) await old.stop();
  if (!connection) {
    setStatus(SYNC_OFF);
    return;
  }
  const next = new Replication(connection);
  current = next;
  await next.start();
}

let following: Promise<void> = Promise.resolve();

/** Starts the engine once (the app shell): follows 连接 / 断开 from then on. */
export function startSyncEngine(): void {
  if (started) return;
  started = true;
  void loadConnection().then(() => {
    const go = () => {
      following = following.then(follow).catch((e: unknown) => setStatus({ error: syncErrorText(e) }));
    };
    subscribeConnection(go);
    go();
  });
}

/** The replication stopped by suspendSync (or true while none was running), until resumeSync. */
let suspended: Replication | true | null = null;

/**
 * Stops the running replication while a restore replaces the local data (用备份替换服务器数据): nothing
 * is applied from the server or drained to it meanwhile. The connection stays configured.
 */
export async function suspendSync(): Promise<void> {
  await following;
  const rep = current;
  current = null;
  suspended = rep ?? true;
  if (!rep) return;
  await rep.stop();
  setStatus({ phase: 'syncing', error: undefined });
}

/**
 * Starts the replication again after suspendSync. `forgetReplica`: this workstation's replica is
 * rebuilt from the server (whose documents then win, as at a first connection).
 */
export async function resumeSync(opts: { forgetReplica: boolean; restart?: boolean }): Promise<void> {
  const rep = suspended;
  suspended = null;
  if (rep && rep !== true && opts.forgetReplica) await rep.destroyReplica();
  if (opts.restart === false) return;
  following = following.then(follow).catch((e: unknown) => setStatus({ error: syncErrorText(e) }));
  await following;
}

/** The running replication (conflicts, restore guard), or null. */
export function currentReplication(): Replication | null {
  return current;
}

export { Replication };

/** The local replica's documents for the conflict dialog. */
export async function conflictIds(): Promise<string[]> {
  return current ? [...current.conflicts] : [];
}
