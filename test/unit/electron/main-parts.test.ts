import { describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { fitToDisplays, parseWindowState, DEFAULT_WINDOW_STATE } from '../../../electron/window-state';
import { resolveAppPath, serveAppRequest } from '../../../electron/protocol';
import { FlushCoordinator, mayClose, type CloseQuestion } from '../../../electron/flush';
import { buildMenuTemplate } from '../../../electron/menu';
import { CHANNELS, flushDoneArg } from '../../../shared/contract';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

describe('window state', () => {
  it('falls back to the default on missing or corrupt state', () => {
    expect(parseWindowState(null)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{not json')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width":10,"height":10}')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"x":5,"y":6,"width":1200,"height":800,"maximized":true}')).toEqual({
      x: 5,
      y: 6,
      width: 1200,
      height: 800,
      maximized: true,
    });
  });
  it('drops a position that is on no display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(fitToDisplays({ x: 100, y: 100, width: 1200, height: 800, maximized: false }, displays).x).toBe(
      100,
    );
    expect(
      fitToDisplays({ x: 4000, y: 100, width: 1200, height: 800, maximized: false }, displays).x,
    ).toBeUndefined();
  });
});

describe('app:// protocol', () => {
  const root = path.resolve('/opt/desk/dist/renderer');
  it('serves files under the renderer root and nothing else', () => {
    expect(resolveAppPath(root, 'app://desk/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://desk/assets/a.js')).toBe(path.join(root, 'assets/a.js'));
    expect(resolveAppPath(root, 'app://desk/members')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://desk/../../etc/passwd')).not.toMatch(/etc/);
    // URL parsing resolves dot segments (also percent-encoded) inside the root: never above it.
    expect(resolveAppPath(root, 'app://desk/%2e%2e/%2e%2e/etc/passwd.txt')).toBe(
      path.join(root, 'etc/passwd.txt'),
    );
    expect(resolveAppPath(root, 'app://desk/a%2f..%2f..%2f..%2fetc%2fpasswd.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://desk/index.html')).toBeNull();
  });
  it('answers a malformed % escape with 404 instead of throwing (issue #13)', async () => {
    for (const url of [
      'app://desk/%E0%A4%A',
      'app://desk/assets/%',
      'app://desk/%zz.js',
      'app://desk/a%00.js',
    ]) {
      expect(() => resolveAppPath(root, url)).not.toThrow();
      expect(resolveAppPath(root, url)).toBeNull();
      const res = await serveAppRequest(root, new Request(url));
      expect(res.status).toBe(404);
    }
  });
});

describe('flush before close', () => {
  it('sends a flush request and resolves when the renderer answers', async () => {
    const f = new FlushCoordinator(1000);
    const sent: unknown[][] = [];
    const p = f.request({ send: (...a) => sent.push(a) });
    expect(sent[0]![0]).toBe(CHANNELS.flushRequest);
    f.done((sent[0]![1] as { requestId: number }).requestId, ['会员单位信息']);
    await expect(p).resolves.toEqual({ outcome: 'done', unsaved: ['会员单位信息'] });
  });
  it('gives up after the time limit so quitting is never blocked', async () => {
    vi.useFakeTimers();
    const f = new FlushCoordinator(3000);
    const p = f.request({ send: () => undefined });
    vi.advanceTimersByTime(3001);
    await expect(p).resolves.toEqual({ outcome: 'timeout' });
    vi.useRealTimers();
  });
  it('the renderer’s answer is checked: the unsaved labels bounded, none given is none unsaved', () => {
    expect(flushDoneArg.parse({ requestId: 3 })).toEqual({ requestId: 3, unsaved: [] });
    expect(flushDoneArg.safeParse({ requestId: 3, unsaved: ['x'.repeat(101)] }).success).toBe(false);
    expect(flushDoneArg.safeParse({ requestId: 3, unsaved: Array(51).fill('表单') }).success).toBe(false);
    expect(flushDoneArg.safeParse({ requestId: -1 }).success).toBe(false);
  });
  it('closes at once when nothing is unsaved or the page did not answer; else only on 放弃修改并关闭', async () => {
    const asked: CloseQuestion[] = [];
    const answer = (response: number) => async (q: CloseQuestion) => {
      asked.push(q);
      return { response };
    };
    expect(await mayClose({ outcome: 'done', unsaved: [] }, answer(0))).toBe(true);
    expect(await mayClose({ outcome: 'timeout' }, answer(0))).toBe(true);
    expect(asked).toEqual([]);
    const result = { outcome: 'done', unsaved: ['新增会员', '申请表内容'] } as const;
    expect(await mayClose({ ...result, unsaved: [...result.unsaved] }, answer(0))).toBe(false);
    expect(await mayClose({ ...result, unsaved: [...result.unsaved] }, answer(1))).toBe(true);
    expect(asked[0]).toMatchObject({
      title: '有未保存的修改',
      detail: expect.stringContaining('新增会员、申请表内容'),
      buttons: ['返回工作台', '放弃修改并关闭'],
      defaultId: 0,
      cancelId: 0,
    });
  });
});

describe('menu', () => {
  it('has the Chinese menus 文件/编辑/视图/帮助', () => {
    const t = buildMenuTemplate({ quit() {}, about() {}, openDataFolder() {} }, false);
    expect(t.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });
});
