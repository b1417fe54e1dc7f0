/**
 * Issue #13 point 2: a compromised renderer wrote executables through saveFile and launched them
 * through openPath. Each attack from the issue goes through the contract here (registerIpc with the
 * real DocumentFiles on a temporary folder; only the native dialog and shell.openPath are fakes).
 */
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHANNELS } from '../../../shared/contract';
import { registerIpc } from '../../../electron/ipc';
import { fakeDeps } from './fakeDeps';
import { DocumentFiles, type SaveDialogRequest } from '../../../electron/files';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

function setup(choose: (req: SaveDialogRequest) => string | null = (r) => r.defaultPath) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-files-'));
  const dialogs: SaveDialogRequest[] = [];
  const opened: string[] = [];
  const files = new DocumentFiles({
    showSaveDialog: async (req) => {
      dialogs.push(req);
      const p = choose(req);
      return p ? { canceled: false, filePath: p } : { canceled: true };
    },
    documentsDir: () => dir,
    writeFile: (p, bytes, flag) => writeFile(p, bytes, { flag }),
    readFile: async (p) => new Uint8Array(await readFile(p)),
    openPath: async (p) => {
      opened.push(p);
      return '';
    },
  });
  const handlers = new Map<string, (event: unknown, arg?: unknown) => Promise<unknown>>();
  const deps = fakeDeps({ saveFile: (req) => files.save(req), openPath: (p) => files.open(p) });
  registerIpc({ handle: (ch: string, fn: never) => handlers.set(ch, fn) } as never, deps);
  const call = (ch: string, arg?: unknown) =>
    handlers.get(ch)!({ senderFrame: { url: 'app://desk/index.html' } }, arg);
  return { dir, dialogs, opened, call };
}

const MZ = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]); // an executable's first bytes

describe('saveFile: the main process owns filters and final extensions', () => {
  it('refuses renderer-chosen dialog filters and unknown kinds', async () => {
    const { call, dialogs } = setup();
    await expect(
      call(CHANNELS.saveFile, {
        suggestedName: '会议通知.exe',
        bytes: MZ,
        kind: 'docx',
        filters: [{ name: 'Word 文档', extensions: ['exe'] }],
      }),
    ).rejects.toThrow('参数无效');
    for (const kind of ['exe', 'bat', 'json', undefined]) {
      await expect(call(CHANNELS.saveFile, { suggestedName: 'a', bytes: MZ, kind })).rejects.toThrow(
        '参数无效',
      );
    }
    expect(dialogs).toHaveLength(0);
  });

  it('writes every attack name from the issue as a plain document of its kind', async () => {
    const { call, dir, dialogs } = setup();
    const attacks = [
      '会议通知.bat',
      '会议通知.docx.exe',
      '通知.hta',
      '通知.lnk',
      '通知.js',
      'desktop.ini',
      '会议通知\u202Excod.exe',
    ];
    const written: string[] = [];
    for (const suggestedName of attacks) {
      const r = (await call(CHANNELS.saveFile, { suggestedName, bytes: MZ, kind: 'docx' })) as {
        path: string;
      };
      written.push(path.basename(r.path));
    }
    expect(dialogs.every((d) => d.filters.length === 1 && d.filters[0]!.extensions.join() === 'docx')).toBe(
      true,
    );
    for (const name of readdirSync(dir)) {
      expect(name).toMatch(/\.docx$/);
      expect(name).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
      expect(name.toLowerCase()).not.toBe('desktop.ini');
    }
    expect(written).toContain('会议通知xcod.exe.docx');
  });

  it('forces the extension on the path the clerk (or a tampered dialog) returns', async () => {
    const { call, dir } = setup((req) => path.join(path.dirname(req.defaultPath), '会议通知.docx.exe'));
    const r = (await call(CHANNELS.saveFile, { suggestedName: '会议通知', bytes: MZ, kind: 'docx' })) as {
      path: string;
    };
    expect(r.path).toBe(path.join(dir, '会议通知.docx.exe.docx'));
    expect(readdirSync(dir)).toEqual(['会议通知.docx.exe.docx']);
  });

  it('keeps a path that only differs in the extension’s case', async () => {
    const { call, dir } = setup((req) => path.join(path.dirname(req.defaultPath), '通知.DOCX'));
    writeFileSync(path.join(dir, '通知.DOCX'), 'old');
    const r = (await call(CHANNELS.saveFile, { suggestedName: '通知', bytes: MZ, kind: 'docx' })) as {
      path: string;
    };
    expect(r.path).toBe(path.join(dir, '通知.DOCX'));
  });

  it('never silently replaces a file the dialog did not ask about', async () => {
    const { call, dir } = setup((req) => path.join(path.dirname(req.defaultPath), '纪要.exe'));
    writeFileSync(path.join(dir, '纪要.exe.docx'), 'the clerk’s own file');
    await expect(call(CHANNELS.saveFile, { suggestedName: '纪要', bytes: MZ, kind: 'docx' })).rejects.toThrow(
      '已有同名文件',
    );
    expect(readFileSync(path.join(dir, '纪要.exe.docx'), 'utf8')).toBe('the clerk’s own file');
  });

  it('exports names from member data (quotes, slashes, tabs) instead of failing', async () => {
    const { call, dir } = setup();
    for (const [suggestedName, kind] of [
      ['入会申请书-北京"星辰"信息/技术\t有限公司.docx', 'docx'],
      ['会员证书-CCIA/2026/001-“某某”公司.docx', 'docx'],
      ['第一次理事会: 纪要\t(草稿).docx', 'docx'],
      ['会员名册|2026.xlsx', 'xlsx'],
    ] as const) {
      const r = (await call(CHANNELS.saveFile, { suggestedName, bytes: MZ, kind })) as {
        saved: boolean;
        path: string;
      };
      expect(r.saved).toBe(true);
      expect(path.dirname(r.path)).toBe(dir);
    }
    expect(readdirSync(dir).sort()).toEqual(
      [
        '入会申请书-北京_星辰_信息_技术 有限公司.docx',
        '会员证书-CCIA_2026_001-“某某”公司.docx',
        '第一次理事会_ 纪要 (草稿).docx',
        '会员名册_2026.xlsx',
      ].sort(),
    );
  });
});

/** Saves a 通知.docx of two bytes through saveFile; gives where it went. */
function savedNotice(call: ReturnType<typeof setup>['call']): Promise<{ path: string }> {
  return call(CHANNELS.saveFile, {
    suggestedName: '通知',
    bytes: new Uint8Array([80, 75]),
    kind: 'docx',
  }) as Promise<{ path: string }>;
}

describe('openPath: only documents saved this session, unchanged since', () => {
  it('opens a document it saved', async () => {
    const { call, opened } = setup();
    const r = await savedNotice(call);
    expect(await call(CHANNELS.openPath, { path: r.path })).toEqual({ ok: true });
    expect(opened).toEqual([r.path]);
  });

  it('refuses any other path, however it is spelled', async () => {
    const { call, opened, dir } = setup();
    writeFileSync(path.join(dir, 'run.bat'), 'calc');
    for (const p of ['/etc/passwd', path.join(dir, 'run.bat'), 'C:\\Windows\\System32\\cmd.exe']) {
      expect(await call(CHANNELS.openPath, { path: p })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/只能打开/),
      });
    }
    expect(opened).toEqual([]);
  });

  it('refuses a saved document replaced or changed since (hash)', async () => {
    const { call, opened } = setup();
    const r = await savedNotice(call);
    writeFileSync(r.path, MZ);
    const res = (await call(CHANNELS.openPath, { path: r.path })) as { ok: boolean; error: string };
    expect(res.ok).toBe(false);
    expect(res.error).toMatch(/已被修改或替换/);
    expect(opened).toEqual([]);
  });
});
