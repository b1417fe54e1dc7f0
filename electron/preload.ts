/**
 * The preload exposes exactly the contract (shared/channels.ts), one function per channel; the
 * main process validates every argument.
 * ipcRenderer itself never reaches the page. Runs sandboxed: only `electron` may be required.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// The zod-free half of the contract only: the preload must not bundle zod (test/unit/electron/preload-bundle.test.ts).
import { CHANNELS, type DeskApi } from '../shared/channels';

const desk = {
  saveFile: (req) => ipcRenderer.invoke(CHANNELS.saveFile, req),
  openFile: (req) => ipcRenderer.invoke(CHANNELS.openFile, req),
  openPath: (req) => ipcRenderer.invoke(CHANNELS.openPath, req),
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo),
  writeAutoBackup: (req) => ipcRenderer.invoke(CHANNELS.writeAutoBackup, req),
  listAutoBackups: () => ipcRenderer.invoke(CHANNELS.listAutoBackups),
  readAutoBackup: (req) => ipcRenderer.invoke(CHANNELS.readAutoBackup, req),
  listFonts: () => ipcRenderer.invoke(CHANNELS.listFonts),
  storeSyncPassword: (req) => ipcRenderer.invoke(CHANNELS.storeSyncPassword, req),
  loadSyncPassword: (req) => ipcRenderer.invoke(CHANNELS.loadSyncPassword, req),
  onFlushRequest: (handler) => {
    const listener = (_event: IpcRendererEvent, msg: { requestId: number }) => {
      void handler()
        .catch(() => ({ unsaved: [] }))
        .then((report) =>
          ipcRenderer.send(CHANNELS.flushDone, { requestId: msg.requestId, unsaved: report.unsaved }),
        );
    };
    ipcRenderer.on(CHANNELS.flushRequest, listener);
    return () => {
      ipcRenderer.removeListener(CHANNELS.flushRequest, listener);
    };
  },
} satisfies DeskApi;

contextBridge.exposeInMainWorld('desk', desk);
