/**
 * The zod-free half of the contract between the renderer and the main process: the channel names,
 * the request and result types and `DeskApi`. The preload imports only this module, so its bundle
 * stays small and contains no schema library (zod's JIT probe trips the CSP's eval check); the
 * zod schemas that the main process applies to every argument are in `shared/contract.ts`.
 */
import type { ExportKind } from './data/fileName';

export type { ExportKind };

/** The custom scheme and host that serve the renderer in Electron. Its origin owns the IndexedDB
 * data: never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  /** Suggested name; the main process sanitises it (shared/data/fileName.ts) and forces the kind's extension. */
  suggestedName: string;
  bytes: Uint8Array;
  /** What is exported: the main process owns the dialog filter and the allowed final extension of each kind. */
  kind: ExportKind;
}

export interface OpenFileRequest {
  title?: string;
  filters?: FileFilter[];
  maxBytes?: number;
}

export interface OpenPathRequest {
  path: string;
}

export interface WriteAutoBackupRequest {
  /** 'daily' (start-up, quit) or 'pre-restore' (the copy taken before a restore). The main process names the file from its own clock. */
  kind: 'daily' | 'pre-restore';
  bytes: Uint8Array;
}

export interface ReadAutoBackupRequest {
  name: string;
}

export interface SaveFileResult {
  /** false when the clerk cancelled the dialog. */
  saved: boolean;
  /** Where the file went (Electron) — pass it to `openPath`. Absent in the browser (a download). */
  path?: string;
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface AppInfo {
  version: string;
  runtime: 'electron' | 'browser';
  /** Data folders (Electron only). */
  paths?: { userData: string; documents: string; backups: string };
}

export interface OpenPathResult {
  ok: boolean;
  /** Chinese message when the file could not be opened. */
  error?: string;
}

export interface AutoBackupInfo {
  name: string;
  size: number;
}

/** The fonts installed on this machine, as far as they can be told (issue 15: 设置 › 公文设置). */
export interface InstalledFonts {
  /** Family names in every language the fonts give (仿宋_GB2312 and FangSong_GB2312), each once, sorted. */
  families: string[];
  /** Full and PostScript names (FZXBSJW--GB1-0), each once, sorted: faces are matched on these too. */
  faceNames: string[];
  /** 'font-files': the main process read the font folders' files; 'local-font-access': Chromium's queryLocalFonts(). */
  source: 'font-files' | 'local-font-access';
  /** Font files that could not be read (damaged, not a font): skipped. */
  skipped: number;
  /** The caps (files, folders, names, time) cut the list short. */
  truncated: boolean;
}

/**
 * 多人协作 (issue 19): the password of the office's CouchDB. In Electron the main process keeps it
 * encrypted with safeStorage in the data folder; `origin` is the server's origin, which the main process
 * then allows in the CSP's connect-src and its request filter (null: 断开 — forgotten and disallowed).
 */
export interface StoreSyncPasswordRequest {
  password: string | null;
  origin: string | null;
}

export interface StoreSyncPasswordResult {
  /** 'safeStorage': encrypted on disk (Electron); 'memory': this page's memory only (the browser); 'none': forgotten. */
  kept: 'safeStorage' | 'memory' | 'none';
}

export interface LoadSyncPasswordRequest {
  /** The configured server's origin: allowed again for this session when a password is kept for it. */
  origin: string;
}

/** Names kept in an InstalledFonts list, families and face names each (the main process's cap). */
export const MAX_FONT_NAMES = 10_000;

/** What a flush leaves: the labels of the forms whose edits are not saved (only the clerk can save them). */
export interface FlushReport {
  unsaved: string[];
}

export interface DeskApi {
  /** Save bytes through the native save dialog (documents, backups); the browser downloads. */
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /** Let the clerk pick a file to read (imports); null when cancelled. */
  openFile(req: OpenFileRequest): Promise<OpenedFile | null>;
  /** Open a document the app saved this session (unchanged since) with the system's default application (Word/WPS). */
  openPath(req: OpenPathRequest): Promise<OpenPathResult>;
  /** App version and data paths. */
  appInfo(): Promise<AppInfo>;
  /**
   * Register the flush handler: before the window closes or hides, the main process asks the
   * renderer to write pending edits; the returned promise must settle before it closes, with the
   * forms still holding unsaved edits (a close then asks the clerk first). Returns an unsubscribe function.
   */
  onFlushRequest(handler: () => Promise<FlushReport>): () => void;
  /** Writes an automatic backup into the app's backup folder (named by the main process, never
   * overwriting) and applies the retention (30 daily, 12 monthly). Desktop only: the browser
   * implementation rejects with a Chinese message. */
  writeAutoBackup(req: WriteAutoBackupRequest): Promise<AutoBackupInfo>;
  /** The automatic backups kept, newest first (empty in the browser). */
  listAutoBackups(): Promise<AutoBackupInfo[]>;
  /** Reads one automatic backup for restoring. */
  readAutoBackup(req: ReadAutoBackupRequest): Promise<Uint8Array>;
  /** The fonts installed on this machine (cached for the session); rejects with a Chinese message when
   * they cannot be told (the browser without Local Font Access, a refused permission). */
  listFonts(): Promise<InstalledFonts>;
  /** Keeps (or with null forgets) the 多人协作 password and allows (disallows) the server's origin. */
  storeSyncPassword(req: StoreSyncPasswordRequest): Promise<StoreSyncPasswordResult>;
  /** The kept password for the server at `origin` (null when none is kept or it cannot be decrypted). */
  loadSyncPassword(req: LoadSyncPasswordRequest): Promise<string | null>;
}

export const CHANNELS = {
  saveFile: 'desk:save-file',
  openFile: 'desk:open-file',
  openPath: 'desk:open-path',
  appInfo: 'desk:app-info',
  writeAutoBackup: 'desk:write-auto-backup',
  listAutoBackups: 'desk:list-auto-backups',
  readAutoBackup: 'desk:read-auto-backup',
  listFonts: 'desk:list-fonts',
  storeSyncPassword: 'desk:store-sync-password',
  loadSyncPassword: 'desk:load-sync-password',
  /** main → renderer: please flush. */
  flushRequest: 'desk:flush-request',
  /** renderer → main: flush finished (carries the request id and the unsaved forms' labels). */
  flushDone: 'desk:flush-done',
} as const;

/**
 * The Chinese message of an error from a contract call: Electron prefixes errors thrown in the
 * main process with "Error invoking remote method '…': Error: ", which the clerk must not see.
 */
export function deskErrorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/^Error invoking remote method '[^']*':\s*(?:[A-Za-z]*Error:\s*)?/, '');
}
