/**
 * The installed-fonts check behind 设置 › 公文设置 (issue 15): the faces each font scheme uses, matched on
 * what `desk.listFonts` gives (Electron: the main process's font files; browser: queryLocalFonts()), the
 * browser implementation's Chinese messages, and the scheme recommended with its reason.
 */
import { describe, expect, it } from 'vitest';
import {
  OFFICIAL_FACES,
  chineseFamilies,
  detectOfficialFonts,
  facesOfScheme,
  installedFaces,
  recommendedScheme,
} from '../../../renderer/src/features/settings/fonts';
import { queryInstalledFonts } from '../../../renderer/src/platform/browser';
import type { InstalledFonts } from '../../../shared/channels';

const fonts = (...families: string[]): InstalledFonts => ({
  families,
  faceNames: [],
  source: 'font-files',
  skipped: 0,
  truncated: false,
});

const local = (family: string) => ({ family, fullName: family, postscriptName: family.replace(/\s/g, '') });

describe('the faces the font schemes use', () => {
  it('GB/T 9704: 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312 and 宋体 (page numbers); Windows: 仿宋, 宋体, 黑体, 楷体', () => {
    expect(facesOfScheme('gb2312')).toEqual(['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', '宋体']);
    expect(facesOfScheme('windows')).toEqual(['仿宋', '宋体', '黑体', '楷体']);
    expect(OFFICIAL_FACES.map((f) => f.face)).toEqual([
      '仿宋_GB2312',
      '方正小标宋简体',
      '黑体',
      '楷体_GB2312',
      '宋体',
      '仿宋',
      '楷体',
    ]);
    expect(OFFICIAL_FACES.find((f) => f.face === '黑体')!.schemes).toEqual(['gb2312', 'windows']);
  });
});

describe('detection through the contract', () => {
  it('finds faces by their Chinese or English family names, or their face names', async () => {
    const d = await detectOfficialFonts(async () => ({
      ...fonts('FangSong_GB2312', '楷体_GB2312', 'SimHei', 'simsun'),
      faceNames: ['FZXBSJW--GB1-0'],
    }));
    expect(d.status).toBe('ok');
    expect(d.status === 'ok' && d.installed).toEqual({
      仿宋_GB2312: true,
      方正小标宋简体: true,
      黑体: true,
      楷体_GB2312: true,
      宋体: true,
      仿宋: false,
      楷体: false,
    });
  });

  it("a refusal becomes a Chinese message (Electron's invoke prefix removed), never an exception", async () => {
    const d = await detectOfficialFonts(() =>
      Promise.reject(
        new Error(
          "Error invoking remote method 'desk:list-fonts': Error: 找不到本机的字体文件夹，无法确认公文字体是否已安装。",
        ),
      ),
    );
    expect(d).toEqual({
      status: 'unavailable',
      message: '找不到本机的字体文件夹，无法确认公文字体是否已安装。',
    });
  });

  it('lists the Chinese family names', () => {
    expect(chineseFamilies(fonts('AR PL UMing CN', '仿宋_GB2312', '黑体', 'DejaVu Sans'))).toEqual([
      '仿宋_GB2312',
      '黑体',
    ]);
  });
});

describe('the browser implementation (queryLocalFonts)', () => {
  it('missing API, refused permission, a failure and an unanswered prompt: Chinese messages', async () => {
    await expect(queryInstalledFonts({})).rejects.toThrow('当前浏览器不支持查询本机字体');
    await expect(
      queryInstalledFonts({
        queryLocalFonts: () =>
          Promise.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' })),
      }),
    ).rejects.toThrow('权限被拒绝');
    await expect(
      queryInstalledFonts({ queryLocalFonts: () => Promise.reject(new Error('boom')) }),
    ).rejects.toThrow('查询本机字体失败：boom');
    await expect(
      queryInstalledFonts({ queryLocalFonts: () => new Promise(() => undefined) }, 10),
    ).rejects.toThrow('没有响应');
  });

  it('gives the families and face names of what the API lists', async () => {
    const r = await queryInstalledFonts({
      queryLocalFonts: async () => [local('FangSong'), local('FangSong'), local('Noto Serif CJK SC')],
    });
    expect(r).toEqual({
      families: ['FangSong', 'Noto Serif CJK SC'],
      faceNames: ['FangSong', 'Noto Serif CJK SC', 'NotoSerifCJKSC'],
      source: 'local-font-access',
      skipped: 0,
      truncated: false,
    });
  });
});

describe('the scheme recommended, with its reason in Chinese', () => {
  const detect = (...f: string[]) => detectOfficialFonts(async () => fonts(...f));

  it('all GB/T 9704 faces: the standard scheme', async () => {
    const r = recommendedScheme(
      await detect('仿宋_GB2312', 'KaiTi_GB2312', 'FZXiaoBiaoSong-B05S', 'SimHei', 'SimSun'),
    );
    expect(r.scheme).toBe('gb2312');
    expect(r.reason).toContain('本机已安装仿宋_GB2312');
  });

  it('a stock Windows: the Windows faces, saying which GB2312 faces are missing', async () => {
    const r = recommendedScheme(await detect('FangSong', 'KaiTi', 'SimSun', 'SimHei'));
    expect(r.scheme).toBe('windows');
    expect(r.reason).toContain('本机未安装仿宋_GB2312、方正小标宋简体、楷体_GB2312');
    expect(r.reason).toContain('Windows 自带字体方案');
  });

  it('GB2312 faces without 宋体 for the page numbers and no Windows set: the standard, asking to install', async () => {
    const r = recommendedScheme(await detect('仿宋_GB2312', '楷体_GB2312', '方正小标宋简体', '黑体'));
    expect(r.scheme).toBe('gb2312');
    expect(r.reason).toContain('两种字体方案都不完整');
    expect(r.reason).toContain('宋体');
  });

  it('nothing can be told: the standard scheme, with the reason', async () => {
    const r = recommendedScheme(await detectOfficialFonts(() => queryInstalledFonts({})));
    expect(r.scheme).toBe('gb2312');
    expect(r.reason).toMatch(/^当前浏览器不支持查询本机字体.*默认使用 GB\/T 9704 字体方案。$/);
  });

  it('the match ignores case', () => {
    expect(installedFaces(fonts('fangsong_gb2312'))['仿宋_GB2312']).toBe(true);
  });
});
