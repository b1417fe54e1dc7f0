/**
 * The part of PouchDB's API this app uses, typed here: the DefinitelyTyped packages (@types/pouchdb-core)
 * declare a global `Buffer` that clashes with Node's types in the rest of the project.
 */
declare module 'pouchdb-browser' {
  namespace PouchDB {
    interface Attachment {
      content_type: string;
      data?: Blob;
      stub?: boolean;
      digest?: string;
      length?: number;
    }
    interface Doc {
      _id: string;
      _rev?: string;
      _deleted?: boolean;
      _conflicts?: string[];
      _attachments?: Record<string, Attachment>;
      /** With `revs: true` (read) or `new_edits: false` (write): the revision's ancestry, newest first. */
      _revisions?: { start: number; ids: string[] };
      [field: string]: unknown;
    }
    interface Response {
      ok?: boolean;
      id: string;
      rev?: string;
      error?: string | boolean;
      reason?: string;
      status?: number;
    }
    interface ChangeRow {
      id: string;
      seq: number | string;
      deleted?: boolean;
      changes: { rev: string }[];
      doc?: Doc;
    }
    interface ChangesResult {
      results: ChangeRow[];
      last_seq: number | string;
    }
    interface ChangesOptions {
      since: number | string;
      limit?: number;
      include_docs?: boolean;
      conflicts?: boolean;
      attachments?: boolean;
      binary?: boolean;
      style?: 'all_docs' | 'main_only';
      doc_ids?: string[];
    }
    interface AllDocsRow {
      id: string;
      key: string;
      value: { rev: string; deleted?: boolean };
      doc?: Doc | null;
      error?: string;
    }
    interface AllDocsResult {
      total_rows: number;
      offset: number;
      rows: AllDocsRow[];
    }
    interface AllDocsOptions {
      keys?: string[];
      include_docs?: boolean;
      conflicts?: boolean;
      attachments?: boolean;
      binary?: boolean;
      startkey?: string;
      endkey?: string;
      limit?: number;
    }
    interface Info {
      db_name: string;
      doc_count: number;
      update_seq: number | string;
    }
    interface ReplicationInfo {
      direction?: 'push' | 'pull';
      change?: { docs: Doc[]; docs_written: number; pending?: number };
    }
    interface Emitter extends PromiseLike<unknown> {
      on(event: 'change', listener: (info: ReplicationInfo) => void): this;
      on(event: 'paused', listener: (err?: unknown) => void): this;
      on(event: 'active' | 'complete', listener: () => void): this;
      on(event: 'denied' | 'error', listener: (err: unknown) => void): this;
      cancel(): void;
    }
    interface LiveChanges {
      on(event: 'change', listener: (row: ChangeRow) => void): this;
      on(event: 'error', listener: (err: unknown) => void): this;
      cancel(): void;
    }
    interface SyncOptions {
      live?: boolean;
      retry?: boolean;
      batch_size?: number;
      back_off_function?: (delay: number) => number;
    }
    interface Database {
      info(): Promise<Info>;
      get(
        id: string,
        opts?: { rev?: string; revs?: boolean; conflicts?: boolean; attachments?: boolean; binary?: boolean },
      ): Promise<Doc>;
      put(doc: Doc): Promise<Response>;
      remove(id: string, rev: string): Promise<Response>;
      /** `new_edits: false`: the documents' `_rev`s are stored as given (a branch of the revision tree). */
      bulkDocs(docs: Doc[], opts?: { new_edits?: boolean }): Promise<Response[]>;
      allDocs(opts?: AllDocsOptions): Promise<AllDocsResult>;
      changes(opts: ChangesOptions): Promise<ChangesResult>;
      changes(opts: { since: 'now' | number | string; live: true }): LiveChanges;
      sync(remote: Database, opts?: SyncOptions): Emitter;
      replicate: {
        from(remote: Database, opts?: SyncOptions): Emitter;
        to(remote: Database, opts?: SyncOptions): Emitter;
      };
      destroy(): Promise<unknown>;
      close(): Promise<void>;
    }
  }
  interface PouchDBOptions {
    auto_compaction?: boolean;
    skip_setup?: boolean;
    auth?: { username: string; password: string };
    fetch?: (url: string | Request, opts?: RequestInit) => Promise<Response>;
  }
  const PouchDB: new (name: string, opts?: PouchDBOptions) => PouchDB.Database;
  export default PouchDB;
}
