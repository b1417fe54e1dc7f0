/**
 * The one typed contract between the renderer and the main process.
 *
 * - `DeskApi` is what the renderer may ask for. The preload exposes exactly an object that
 *   `satisfies DeskApi` as `window.desk` (one function per channel, never ipcRenderer itself);
 *   the browser build implements the same interface (downloads instead of save dialogs).
 * - `CHANNELS` names the IPC channels; `ARGS` holds the zod schema the main process applies to
 *   every argument before acting on it.
 */
import { z } from 'zod';
import { parseAutoBackupName } from './data/retention';

/** The custom scheme and host that serve the renderer in Electron. Its origin owns the IndexedDB
 * data: never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[A-Za-z0-9*]{1,10}$/))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof fileFilter>;

/** A file name without any directory part, reserved characters or control characters. */
const safeFileName = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[\\/:*?"<>|\u0000-\u001f]/.test(s) && s !== '.' && s !== '..', {
    message: '文件名包含不允许的字符',
  });

/** Automatic backups are addressed by file name only, in the app's backup folder (shared/data/retention.ts). */
const autoBackupFileName = z
  .string()
  .refine((n) => parseAutoBackupName(n) !== null, { message: '不是自动备份文件名' });

export const ARGS = {
  saveFile: z.object({
    suggestedName: safeFileName,
    bytes: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: '应为字节数组' })
      .refine((b) => b.byteLength <= MAX_FILE_BYTES, '文件过大'),
    filters: z.array(fileFilter).max(10).optional(),
  }),
  openFile: z.object({
    title: z.string().max(100).optional(),
    filters: z.array(fileFilter).max(10).optional(),
    maxBytes: z.number().int().positive().max(MAX_FILE_BYTES).optional(),
  }),
  openPath: z.object({ path: z.string().min(1).max(4096) }),
  writeAutoBackup: z.object({
    name: autoBackupFileName,
    bytes: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: '应为字节数组' })
      .refine((b) => b.byteLength <= MAX_FILE_BYTES, '文件过大'),
  }),
  readAutoBackup: z.object({ name: autoBackupFileName }),
} as const;

export type SaveFileRequest = z.infer<typeof ARGS.saveFile>;
export type OpenFileRequest = z.infer<typeof ARGS.openFile>;
export type OpenPathRequest = z.infer<typeof ARGS.openPath>;

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

export interface DeskApi {
  /** Save bytes through the native save dialog (documents, backups); the browser downloads. */
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /** Let the clerk pick a file to read (imports); null when cancelled. */
  openFile(req: OpenFileRequest): Promise<OpenedFile | null>;
  /** Open a saved file with the system's default application (Word/WPS). */
  openPath(req: OpenPathRequest): Promise<OpenPathResult>;
  /** App version and data paths. */
  appInfo(): Promise<AppInfo>;
  /**
   * Register the flush handler: before the window closes or hides, the main process asks the
   * renderer to write pending edits; the returned promise must settle before it closes.
   * Returns an unsubscribe function.
   */
  onFlushRequest(handler: () => Promise<void>): () => void;
  /** Writes an automatic backup into the app's backup folder and applies the retention (30 daily,
   * 12 monthly). Desktop only: the browser implementation rejects with a Chinese message. */
  writeAutoBackup(req: z.infer<typeof ARGS.writeAutoBackup>): Promise<AutoBackupInfo>;
  /** The automatic backups kept, newest first (empty in the browser). */
  listAutoBackups(): Promise<AutoBackupInfo[]>;
  /** Reads one automatic backup for restoring. */
  readAutoBackup(req: z.infer<typeof ARGS.readAutoBackup>): Promise<Uint8Array>;
}

export const CHANNELS = {
  saveFile: 'desk:save-file',
  openFile: 'desk:open-file',
  openPath: 'desk:open-path',
  appInfo: 'desk:app-info',
  writeAutoBackup: 'desk:write-auto-backup',
  listAutoBackups: 'desk:list-auto-backups',
  readAutoBackup: 'desk:read-auto-backup',
  /** main → renderer: please flush. */
  flushRequest: 'desk:flush-request',
  /** renderer → main: flush finished (carries the request id). */
  flushDone: 'desk:flush-done',
} as const;

export const flushDoneArg = z.object({ requestId: z.number().int().nonnegative() });
