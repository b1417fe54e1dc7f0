/**
 * The one typed contract between the renderer and the main process.
 *
 * - `DeskApi` (in `shared/channels.ts`, zod-free, re-exported here) is what the renderer may ask
 *   for. The preload exposes exactly an object that `satisfies DeskApi` as `window.desk` (one
 *   function per channel, never ipcRenderer itself); the browser build implements the same
 *   interface (downloads instead of save dialogs).
 * - `CHANNELS` names the IPC channels; `ARGS` holds the zod schema the main process applies to
 *   every argument before acting on it. Only the main process imports `ARGS` (the preload must not
 *   bundle zod: test/unit/electron/preload-bundle.test.ts).
 */
import { z } from 'zod';
import { parseAutoBackupName } from './data/retention';
import { EXPORT_KINDS, type ExportKind } from './data/fileName';
import { checkServerUrl } from './sync/server';
import {
  MAX_FILE_BYTES,
  MAX_FONT_NAMES,
  type InstalledFonts,
  type LoadSyncPasswordRequest,
  type StoreSyncPasswordRequest,
  type OpenFileRequest,
  type OpenPathRequest,
  type ReadAutoBackupRequest,
  type SaveFileRequest,
  type WriteAutoBackupRequest,
} from './channels';

export * from './channels';

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[A-Za-z0-9*]{1,10}$/))
    .min(1)
    .max(20),
});

/** Automatic backups are addressed by file name only, in the app's backup folder (shared/data/retention.ts). */
const autoBackupFileName = z
  .string()
  .max(100)
  .refine((n) => parseAutoBackupName(n) !== null, { message: '不是自动备份文件名' });

const bytes = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: '应为字节数组' })
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, '文件过大');

const exportKind = z.enum(Object.keys(EXPORT_KINDS) as [ExportKind, ...ExportKind[]], {
  message: '不支持的导出类型',
});

/** Each schema checks its request type exactly (a drift between channels.ts and here fails typecheck). */
type Exact<S extends z.ZodType, T> = z.infer<S> extends T ? (T extends z.infer<S> ? S : never) : never;
function exact<T>() {
  return <S extends z.ZodType>(s: Exact<S, T>) => s;
}

export const ARGS = {
  saveFile: exact<SaveFileRequest>()(
    z.strictObject({
      // Any text: the main process sanitises it (shared/data/fileName.ts) — names from member data
      // (quotes, slashes, tabs) must still export.
      suggestedName: z.string().max(1000),
      bytes,
      kind: exportKind,
    }),
  ),
  openFile: exact<OpenFileRequest>()(
    z.object({
      title: z.string().max(100).optional(),
      filters: z.array(fileFilter).max(10).optional(),
      maxBytes: z.number().int().positive().max(MAX_FILE_BYTES).optional(),
    }),
  ),
  openPath: exact<OpenPathRequest>()(z.object({ path: z.string().min(1).max(4096) })),
  writeAutoBackup: exact<WriteAutoBackupRequest>()(
    z.strictObject({ kind: z.enum(['daily', 'pre-restore']), bytes }),
  ),
  readAutoBackup: exact<ReadAutoBackupRequest>()(z.object({ name: autoBackupFileName })),
} as const;

/** A sync server's origin, exactly as checkServerUrl gives it (http only to loopback/LAN). */
const serverOrigin = z
  .string()
  .max(300)
  .refine((o) => {
    try {
      return checkServerUrl(o).origin === o;
    } catch {
      return false;
    }
  }, '服务器地址无效');

export const SYNC_ARGS = {
  storeSyncPassword: exact<StoreSyncPasswordRequest>()(
    z.strictObject({ password: z.string().min(1).max(1000).nullable(), origin: serverOrigin.nullable() }),
  ),
  loadSyncPassword: exact<LoadSyncPasswordRequest>()(z.strictObject({ origin: serverOrigin })),
} as const;

const fontName = z.string().min(1).max(128);

/** What the main process answers listFonts with, checked before it leaves (the names come from font files). */
export const installedFontsResult = exact<InstalledFonts>()(
  z.strictObject({
    families: z.array(fontName).max(MAX_FONT_NAMES),
    faceNames: z.array(fontName).max(MAX_FONT_NAMES),
    source: z.enum(['font-files', 'local-font-access']),
    skipped: z.number().int().nonnegative(),
    truncated: z.boolean(),
  }),
);

/** The renderer's answer to a flush request: the forms holding unsaved edits, by label (the close asks). */
export const flushDoneArg = z.object({
  requestId: z.number().int().nonnegative(),
  unsaved: z.array(z.string().max(100)).max(50).default([]),
});
