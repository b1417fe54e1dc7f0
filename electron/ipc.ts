/**
 * The main-process side of the contract (shared/contract.ts). Every handler first checks that the
 * request comes from the app's own page (`app://desk`) and then validates its arguments with zod.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import {
  ARGS,
  CHANNELS,
  SYNC_ARGS,
  installedFontsResult,
  type AppInfo,
  type AutoBackupInfo,
  type InstalledFonts,
  type OpenedFile,
  type OpenPathResult,
  type SaveFileResult,
  type StoreSyncPasswordResult,
} from '../shared/contract';
import { isAppUrl } from './hardening';

/** What the handlers need from the outside world; injected so tests can replace it. */
export interface IpcDeps {
  saveFile(req: z.infer<typeof ARGS.saveFile>): Promise<SaveFileResult>;
  openFile(req: z.infer<typeof ARGS.openFile>): Promise<OpenedFile | null>;
  /** Opens only what saveFile wrote this session, unchanged since (electron/files.ts). */
  openPath(path: string): Promise<OpenPathResult>;
  appInfo(): AppInfo;
  /** Names the backup from the main process's clock (electron/backups.ts). */
  writeAutoBackup(kind: 'daily' | 'pre-restore', bytes: Uint8Array): Promise<AutoBackupInfo>;
  listAutoBackups(): Promise<AutoBackupInfo[]>;
  readAutoBackup(name: string): Promise<Uint8Array>;
  /** The installed fonts, from the font folders' files (electron/fonts.ts), cached for the session. */
  listFonts(): Promise<InstalledFonts>;
  /** 多人协作 (electron/syncServer.ts): keeps the password with safeStorage, allows the server's origin. */
  storeSyncPassword(password: string | null, origin: string | null): Promise<StoreSyncPasswordResult>;
  loadSyncPassword(origin: string): Promise<string | null>;
}

export class IpcRejected extends Error {}

/** The sender must be a frame showing our own origin (checklist #17). */
export function assertTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): void {
  const url = event.senderFrame?.url ?? '';
  if (!isAppUrl(url)) throw new IpcRejected(`拒绝来自非本应用页面的请求：${url || '未知来源'}`);
}

export function parseArg<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new IpcRejected(`参数无效：${first ? `${first.path.join('.') || '(参数)'} ${first.message}` : ''}`);
  }
  return result.data;
}

/** Registers one handler per contract channel. */
export function registerIpc(ipcMain: IpcMain, deps: IpcDeps): void {
  ipcMain.handle(CHANNELS.saveFile, async (event, raw: unknown) => {
    assertTrustedSender(event);
    return deps.saveFile(parseArg(ARGS.saveFile, raw));
  });

  ipcMain.handle(CHANNELS.openFile, async (event, raw: unknown) => {
    assertTrustedSender(event);
    const req = parseArg(ARGS.openFile, raw ?? {});
    return deps.openFile(req);
  });

  ipcMain.handle(CHANNELS.openPath, async (event, raw: unknown) => {
    assertTrustedSender(event);
    const { path } = parseArg(ARGS.openPath, raw);
    return deps.openPath(path);
  });

  ipcMain.handle(CHANNELS.appInfo, async (event, raw: unknown) => {
    assertTrustedSender(event);
    parseArg(z.undefined(), raw);
    return deps.appInfo();
  });

  ipcMain.handle(CHANNELS.writeAutoBackup, async (event, raw: unknown) => {
    assertTrustedSender(event);
    const { kind, bytes } = parseArg(ARGS.writeAutoBackup, raw);
    return deps.writeAutoBackup(kind, bytes);
  });

  ipcMain.handle(CHANNELS.listAutoBackups, async (event, raw: unknown) => {
    assertTrustedSender(event);
    parseArg(z.undefined(), raw);
    return deps.listAutoBackups();
  });

  ipcMain.handle(CHANNELS.readAutoBackup, async (event, raw: unknown) => {
    assertTrustedSender(event);
    const { name } = parseArg(ARGS.readAutoBackup, raw);
    return deps.readAutoBackup(name);
  });

  ipcMain.handle(CHANNELS.listFonts, async (event, raw: unknown) => {
    assertTrustedSender(event);
    parseArg(z.undefined(), raw);
    // The names come from font files on disk: checked against the contract before they reach the page.
    return installedFontsResult.parse(await deps.listFonts());
  });

  ipcMain.handle(CHANNELS.storeSyncPassword, async (event, raw: unknown) => {
    assertTrustedSender(event);
    const { password, origin } = parseArg(SYNC_ARGS.storeSyncPassword, raw);
    if ((password === null) !== (origin === null))
      throw new IpcRejected('参数无效：密码与服务器地址应同时给出');
    return deps.storeSyncPassword(password, origin);
  });

  ipcMain.handle(CHANNELS.loadSyncPassword, async (event, raw: unknown) => {
    assertTrustedSender(event);
    const { origin } = parseArg(SYNC_ARGS.loadSyncPassword, raw);
    return deps.loadSyncPassword(origin);
  });
}
