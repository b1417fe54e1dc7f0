/**
 * 版头 / 版记 in the 发文 desk, and the stored 公文设置 (issue 15).
 */
import { describe, expect, it, vi } from 'vitest';

// LetterheadFields' hooks reach the platform (the fonts of this machine), which needs a window; these
// tests use only its pure functions.
vi.mock('../../../renderer/src/platform', () => ({ desk: {} }));
import { resolveDocumentSettings } from '../../../renderer/src/records/settings';
import { letterheadDraft } from '../../../renderer/src/features/documents/LetterheadFields';
import { paginate, previewBlocks } from '../../../renderer/src/features/documents/logic';

describe('公文设置 (the installed-fonts check: test/unit/settings/fonts.test.ts)', () => {
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
