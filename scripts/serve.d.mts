// Types of serve.mjs (plain Node ESM) for the TypeScript that imports it: the tests and their setup.
import type { Server } from 'node:http';

/** The Content-Security-Policy the server sends: Electron's (electron/hardening.ts) but for connect-src. */
export declare const CSP: string;
/** Content types by extension, as electron/protocol.ts serves them. */
export declare const MIME: Record<string, string>;
/** Serves `dir` on 127.0.0.1:`port` (0: any free port). */
export declare function serveDir(dir: string, port: number): Promise<Server>;
