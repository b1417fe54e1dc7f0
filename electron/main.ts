/**
 * The main process: one hardened window serving the renderer from app://desk/, single instance,
 * Chinese menu, remembered window state, and the IPC contract.
 */
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import path from 'node:path';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFile, writeFile, stat, rm } from 'node:fs/promises';
import { APP_ORIGIN, APP_SCHEME, CHANNELS, flushDoneArg } from '../shared/contract';
import {
  contentSecurityPolicy,
  createHardenedWindow,
  hardenSession,
  hardenWebContents,
  isAppUrl,
} from './hardening';
import { SyncServer } from './syncServer';
import { registerIpc } from './ipc';
import { SCHEME_PRIVILEGES, serveAppRequest } from './protocol';
import { fitToDisplays, parseWindowState, type WindowState } from './window-state';
import { buildMenuTemplate } from './menu';
import { FlushCoordinator, mayClose, RELOAD_QUESTION } from './flush';
import { listAutoBackups, readAutoBackup, writeAutoBackup } from './backups';
import { DocumentFiles } from './files';
import { attachCrashRecovery } from './recovery';
import { createFontLister, fontDirs } from './fonts';

// Must happen before `ready`: the scheme is standard + secure so its origin can own IndexedDB.
protocol.registerSchemesAsPrivileged([SCHEME_PRIVILEGES]);

const isDev = !app.isPackaged && process.env.DESK_DEV === '1';
let mainWindow: BrowserWindow | null = null;
// On close the renderer writes pending edits and the on-quit automatic backup: allow it 20 s.
const flush = new FlushCoordinator(20_000);

function readTextOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function statePath(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function loadWindowState(): WindowState {
  let text: string | null = null;
  try {
    text = readFileSync(statePath(), 'utf8');
  } catch {
    text = null;
  }
  return fitToDisplays(
    parseWindowState(text),
    screen.getAllDisplays().map((d) => d.workArea),
  );
}

function saveWindowState(win: BrowserWindow): void {
  const b = win.getNormalBounds();
  const state: WindowState = { ...b, maximized: win.isMaximized() };
  try {
    mkdirSync(path.dirname(statePath()), { recursive: true });
    writeFileSync(statePath(), JSON.stringify(state));
  } catch {
    // Not fatal: the window opens at the default size next time.
  }
}

function backupsDir(): string {
  return path.join(app.getPath('userData'), 'backups');
}

function createWindow(): void {
  const state = loadWindowState();
  const win = createHardenedWindow(path.join(__dirname, 'preload.cjs'), {
    ...state,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '秘书处工作台',
    backgroundColor: '#f5f5f5',
  });
  mainWindow = win;
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let closing = false;
  attachCrashRecovery(win.webContents, {
    showMessageBox: (opts) => dialog.showMessageBox(win, opts),
    isClosing: () => closing,
  });
  win.on('close', (event) => {
    saveWindowState(win);
    if (closing) return;
    event.preventDefault();
    closing = true;
    // Pending edits are written; a form still holding unsaved edits makes the close ask the clerk first.
    void flush
      .request(win.webContents)
      .then((result) => mayClose(result, (q) => dialog.showMessageBox(win, q)))
      .catch(() => true)
      .then((close) => {
        if (close) win.destroy();
        else closing = false;
      });
  });
  // A reload (重新加载) the page held back for unsaved edits: the clerk decides (preventDefault lets it go).
  win.webContents.on('will-prevent-unload', (event) => {
    if (dialog.showMessageBoxSync(win, RELOAD_QUESTION) === 1) event.preventDefault();
  });
  win.on('hide', () => void flush.request(win.webContents));
  win.on('minimize', () => void flush.request(win.webContents));
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first one and quits.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);

  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));

  void app.whenReady().then(() => {
    const root = path.join(app.getAppPath(), 'dist', 'renderer');
    const syncFile = path.join(app.getPath('userData'), 'sync-password.json');
    const sync = new SyncServer({
      safeStorage,
      read: () => readFile(syncFile, 'utf8').catch(() => null),
      write: (text) => writeFile(syncFile, text, { mode: 0o600 }),
      remove: () => rm(syncFile, { force: true }),
    });
    sync.restoreFrom(readTextOrNull(syncFile));
    protocol.handle(APP_SCHEME, (request) =>
      serveAppRequest(root, request, contentSecurityPolicy(sync.allowedOrigin())),
    );
    hardenSession(session.defaultSession, () => sync.allowedOrigin());

    const files = new DocumentFiles({
      showSaveDialog: (opts) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, opts) : dialog.showSaveDialog(opts),
      documentsDir: () => app.getPath('documents'),
      writeFile: (p, bytes, flag) => writeFile(p, bytes, { flag }),
      readFile: async (p) => new Uint8Array(await readFile(p)),
      openPath: (p) => shell.openPath(p),
    });

    registerIpc(ipcMain, {
      saveFile: (req) => files.save(req),
      async openFile(req) {
        const opts: Electron.OpenDialogOptions = { properties: ['openFile'] };
        if (req.title) opts.title = req.title;
        if (req.filters) opts.filters = req.filters;
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, opts)
          : await dialog.showOpenDialog(opts);
        const file = result.filePaths[0];
        if (result.canceled || !file) return null;
        const max = req.maxBytes ?? 200 * 1024 * 1024;
        if ((await stat(file)).size > max) throw new Error('所选文件过大');
        return { name: path.basename(file), bytes: new Uint8Array(await readFile(file)) };
      },
      openPath: (p) => files.open(p),
      writeAutoBackup: (kind, bytes) => writeAutoBackup(backupsDir(), kind, bytes),
      listAutoBackups: () => listAutoBackups(backupsDir()),
      readAutoBackup: (name) => readAutoBackup(backupsDir(), name),
      listFonts: createFontLister(() => fontDirs(process.platform, process.env, app.getPath('home'))),
      storeSyncPassword: (password, origin) => sync.store(password, origin),
      loadSyncPassword: (origin) => sync.load(origin),
      appInfo() {
        return {
          version: app.getVersion(),
          runtime: 'electron',
          paths: {
            userData: app.getPath('userData'),
            documents: app.getPath('documents'),
            backups: backupsDir(),
          },
        };
      },
    });

    ipcMain.on(CHANNELS.flushDone, (event, raw: unknown) => {
      if (!isAppUrl(event.senderFrame?.url ?? '')) return;
      const parsed = flushDoneArg.safeParse(raw);
      if (parsed.success) flush.done(parsed.data.requestId, parsed.data.unsaved);
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(
          {
            quit: () => app.quit(),
            about: () =>
              void dialog.showMessageBox({
                type: 'info',
                title: '关于',
                message: `秘书处工作台 ${app.getVersion()}`,
                detail: '中国网络安全产业联盟秘书处 — 离线桌面应用。数据保存在本机。',
              }),
            openDataFolder: () => void shell.openPath(app.getPath('userData')),
          },
          isDev,
        ),
      ),
    );

    createWindow();
  });

  app.on('window-all-closed', () => app.quit());
}
