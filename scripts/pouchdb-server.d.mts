// Types of pouchdb-server.mjs (plain Node ESM) for the TypeScript that imports it: the sync tests.

/** A TCP port free on 127.0.0.1 at the time of asking. */
export declare function freePort(): Promise<number>;

export interface PouchServer {
  url: string;
  port: number;
  /** Ends the server (SIGTERM; `kill`: SIGKILL, a crash) and resolves once it has exited. */
  stop(opts?: { kill?: boolean }): Promise<void>;
}

/** Starts pouchdb-server on 127.0.0.1 with its data in `dir`; resolves once it answers. */
export declare function startPouchServer(opts: {
  dir: string;
  port?: number;
  inMemory?: boolean;
}): Promise<PouchServer>;

/** Makes `user` the server's admin and returns its Basic Authorization header. */
export declare function addAdmin(url: string, user: string, password: string): Promise<string>;

/** Creates the empty database `name` with the admin's header. */
export declare function createDatabase(url: string, name: string, auth: string): Promise<void>;
