import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/contract';
import { registerIpc } from '../../../electron/ipc';
import { fakeDeps } from './fakeDeps';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

function setup() {
  const handlers = new Map<string, (event: unknown, arg?: unknown) => Promise<unknown>>();
  const ipcMain = { handle: (ch: string, fn: never) => handlers.set(ch, fn) };
  const deps = fakeDeps();
  registerIpc(ipcMain as never, deps);
  const call = (ch: string, arg?: unknown, url = 'app://desk/index.html') =>
    handlers.get(ch)!({ senderFrame: { url } }, arg);
  return { deps, call, handlers };
}

describe('IPC handlers (issue 2): sender origin and argument validation', () => {
  it('registers exactly the contract channels', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(
      [
        CHANNELS.saveFile,
        CHANNELS.openFile,
        CHANNELS.openPath,
        CHANNELS.appInfo,
        CHANNELS.writeAutoBackup,
        CHANNELS.listAutoBackups,
        CHANNELS.readAutoBackup,
        CHANNELS.listFonts,
        CHANNELS.storeSyncPassword,
        CHANNELS.loadSyncPassword,
      ].sort(),
    );
  });

  it('rejects requests from any origin other than app://desk', async () => {
    const { call, deps } = setup();
    for (const url of ['https://evil.example/', 'app://other/index.html', 'file:///tmp/x.html', '']) {
      await expect(call(CHANNELS.appInfo, undefined, url)).rejects.toThrow('拒绝来自非本应用页面的请求');
    }
    expect(deps.appInfo).not.toHaveBeenCalled();
  });

  it('validates saveFile arguments before touching the disk', async () => {
    const { call, deps } = setup();
    await expect(
      call(CHANNELS.saveFile, { suggestedName: 'a.docx', bytes: 'not bytes', kind: 'docx' }),
    ).rejects.toThrow('参数无效');
    await expect(call(CHANNELS.saveFile, { suggestedName: 'a.docx', kind: 'docx' })).rejects.toThrow(
      '参数无效',
    );
    await expect(
      call(CHANNELS.saveFile, { suggestedName: 'a.docx', bytes: new Uint8Array(1) }),
    ).rejects.toThrow('参数无效');
    await expect(call(CHANNELS.saveFile, null)).rejects.toThrow('参数无效');
    expect(deps.saveFile).not.toHaveBeenCalled();
    const ok = await call(CHANNELS.saveFile, {
      suggestedName: '关于征集成员单位的通知.docx',
      bytes: new Uint8Array([80, 75]),
      kind: 'docx',
    });
    expect(ok).toEqual({ saved: true, path: '/home/clerk/文档/通知.docx' });
  });

  it('hands openPath to the document registry (electron/files.ts, tested in files.test.ts)', async () => {
    const { call, deps } = setup();
    expect(await call(CHANNELS.openPath, { path: '/home/clerk/文档/通知.docx' })).toEqual({ ok: true });
    expect(deps.openPath).toHaveBeenCalledWith('/home/clerk/文档/通知.docx');
    await expect(call(CHANNELS.openPath, { path: 42 })).rejects.toThrow('参数无效');
  });

  it('rejects extra arguments to appInfo and bad openFile limits', async () => {
    const { call } = setup();
    await expect(call(CHANNELS.appInfo, { sneaky: true })).rejects.toThrow('参数无效');
    await expect(call(CHANNELS.openFile, { maxBytes: -1 })).rejects.toThrow('参数无效');
    expect(await call(CHANNELS.openFile, {})).toBeNull();
  });

  it('addresses automatic backups by their own file names only (no paths); the main process names new ones', async () => {
    const { call, deps } = setup();
    for (const name of [
      '../../etc/passwd',
      'auto-2026-11-21-093005.zip/../../x',
      'notes.txt',
      '',
      'auto-9999-99-01-000000.zip',
    ]) {
      await expect(call(CHANNELS.readAutoBackup, { name })).rejects.toThrow('参数无效');
      await expect(call(CHANNELS.writeAutoBackup, { name, bytes: new Uint8Array(1) })).rejects.toThrow(
        '参数无效',
      );
    }
    expect(deps.readAutoBackup).not.toHaveBeenCalled();
    expect(deps.writeAutoBackup).not.toHaveBeenCalled();
    expect(await call(CHANNELS.writeAutoBackup, { kind: 'daily', bytes: new Uint8Array(3) })).toEqual({
      name: 'auto-2026-11-21-093005.zip',
      size: 3,
    });
    await expect(call(CHANNELS.listAutoBackups, undefined, 'https://evil.example/')).rejects.toThrow('拒绝');
  });
});
