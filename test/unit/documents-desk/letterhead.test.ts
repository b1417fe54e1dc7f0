/**
 * 版头 / 版记 in the 发文 desk, and the installed-fonts check behind 公文设置 (issue 15).
 */
import { describe, expect, it } from 'vitest';
import {
  detectOfficialFonts,
  installedFaces,
  recommendedScheme,
} from '../../../renderer/src/features/settings/fonts';
import { resolveDocumentSettings } from '../../../renderer/src/features/settings/documentSettings';
import { letterheadDraft } from '../../../renderer/src/features/documents/LetterheadFields';
import { paginate, previewBlocks } from '../../../renderer/src/features/documents/logic';

const font = (family: string) => ({ family, fullName: family, postscriptName: family.replace(/\s/g, '') });

describe('installed official faces (queryLocalFonts)', () => {
  it('says plainly when the API is missing or refused, never throwing', async () => {
    const none = await detectOfficialFonts({});
    expect(none.status).toBe('unavailable');
    const denied = await detectOfficialFonts({
      queryLocalFonts: () => Promise.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' })),
    });
    expect(denied.status).toBe('denied');
    expect(denied.status !== 'ok' && denied.message).toContain('权限被拒绝');
    expect(recommendedScheme(denied).scheme).toBe('gb2312');
  });

  it('finds faces by their Chinese or English names and defaults the scheme to what the machine has', async () => {
    const windows = await detectOfficialFonts({
      queryLocalFonts: () =>
        Promise.resolve([font('FangSong'), font('KaiTi'), font('SimSun'), font('SimHei')]),
    });
    expect(windows.status).toBe('ok');
    const rec = recommendedScheme(windows);
    expect(rec.scheme).toBe('windows');
    expect(rec.reason).toContain('本机未安装仿宋_GB2312、楷体_GB2312、方正小标宋简体');
    const all = installedFaces([
      font('仿宋_GB2312'),
      font('KaiTi_GB2312'),
      font('FZXiaoBiaoSong-B05S'),
      font('SimHei'),
    ]);
    expect(all['方正小标宋简体']).toBe(true);
    expect(recommendedScheme({ status: 'ok', installed: all }).scheme).toBe('gb2312');
  });

  it('reads a damaged setting as the defaults (版头 off, scheme automatic)', () => {
    expect(resolveDocumentSettings({ fontScheme: 'x', letterheadDefault: 'yes' })).toEqual({
      fontScheme: 'auto',
      letterheadDefault: false,
      letterheadMark: '中国网络安全产业联盟秘书处',
    });
  });
});

describe('版头 / 版记 of a 发文', () => {
  it('stores them only when switched on', () => {
    expect(letterheadDraft({ letterhead: { on: false, mark: '甲' }, colophon: { on: false } })).toEqual({});
    expect(
      letterheadDraft({
        letterhead: { on: true, mark: ' 中国网络安全产业联盟文件 ' },
        colophon: { on: true, cc: '甲局' },
      }),
    ).toEqual({ letterhead: { mark: '中国网络安全产业联盟文件' }, colophon: { cc: '甲局' } });
  });

  it('previews the 标志 and the number over the red line, not the number under the title', () => {
    const notice = {
      title: '关于召开理事会的通知',
      docNumber: 'CCIA 秘[2026]001 号',
      addressee: '各理事单位',
      body: '正文。',
      attachments: [],
      issuer: '中国网络安全产业联盟秘书处',
      date: '2026-03-02',
    };
    const plain = previewBlocks(notice).map((b) => b.kind);
    expect(plain).toContain('docNo');
    const withHead = previewBlocks({ ...notice, letterhead: { mark: '中国网络安全产业联盟秘书处' } });
    const kinds = withHead.map((b) => b.kind);
    expect(kinds).not.toContain('docNo');
    expect(kinds.indexOf('mark')).toBeLessThan(kinds.indexOf('letterheadDocNo'));
    expect(kinds.indexOf('letterheadDocNo')).toBeLessThan(kinds.indexOf('title'));
    // Ten lines of the 22 above the title.
    const before = withHead.slice(0, kinds.indexOf('title')).reduce((n, b) => n + b.lines, 0);
    expect(before).toBe(10);
    expect(paginate(withHead)).toHaveLength(1);
  });
});

describe('a font query nobody answers', () => {
  it('gives up after the timeout with a message', async () => {
    const d = await detectOfficialFonts({ queryLocalFonts: () => new Promise(() => undefined) }, 10);
    expect(d.status).toBe('unavailable');
    expect(d.status !== 'ok' && d.message).toContain('没有响应');
  });
});
