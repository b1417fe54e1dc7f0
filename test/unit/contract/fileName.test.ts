import { describe, expect, it } from 'vitest';
import {
  EXPORT_KINDS,
  exportFileNameFor,
  fileSizeText,
  sanitizeFileName,
} from '../../../shared/data/fileName';
import { deskErrorText } from '../../../shared/channels';

describe('one file-name sanitiser (issue #13)', () => {
  it('keeps ordinary Chinese names as they are', () => {
    expect(exportFileNameFor('入会申请书-北京某某科技有限公司.docx', 'docx')).toBe(
      '入会申请书-北京某某科技有限公司.docx',
    );
    expect(exportFileNameFor('会员名册-2026-11-21', 'xlsx')).toBe('会员名册-2026-11-21.xlsx');
    expect(exportFileNameFor('备份.ZIP', 'zip')).toBe('备份.zip');
  });

  it('turns names from member data (quotes, slashes, tabs, line breaks) into valid names', () => {
    expect(exportFileNameFor('入会申请书-北京"星辰"信息/技术\t有限公司.docx', 'docx')).toBe(
      '入会申请书-北京_星辰_信息_技术 有限公司.docx',
    );
    expect(exportFileNameFor('会员证书-CCIA-2026-001-A:B*C?<D>|E\\F.docx', 'docx')).toBe(
      '会员证书-CCIA-2026-001-A_B_C__D__E_F.docx',
    );
    expect(exportFileNameFor('纪要\r\n第一次会议\u0007.docx', 'docx')).toBe('纪要 第一次会议_.docx');
  });

  it('forces the kind’s extension: an executable never comes out', () => {
    const attacks = [
      '会议通知.bat',
      '会议通知.docx.exe',
      'x.hta',
      'x.lnk',
      'x.js',
      'x.exe.',
      'x.exe  ',
      'x.cmd',
    ];
    for (const name of attacks) {
      const out = exportFileNameFor(name, 'docx');
      expect(out.endsWith('.docx')).toBe(true);
      expect(out.slice(0, -5)).not.toMatch(/[.\s]$/);
    }
    expect(exportFileNameFor('会议通知.docx.exe', 'docx')).toBe('会议通知.docx.exe.docx');
    expect(exportFileNameFor('desktop.ini', 'docx')).toBe('_desktop.ini.docx');
    expect(sanitizeFileName('desktop.ini', 'ini')).toBe('_desktop.ini');
  });

  it('drops bidi overrides and zero-width characters (no disguised extension)', () => {
    // Shown as “会议通知exe.docx” by a bidi-aware file manager before the fix.
    expect(exportFileNameFor('会议通知\u202Excod.exe', 'docx')).toBe('会议通知xcod.exe.docx');
    const invisible =
      '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u200B\u200C\u200D\u2060\uFEFF';
    const out = exportFileNameFor(`通${invisible}知.docx`, 'docx');
    expect(out).toBe('通知.docx');
  });

  it('defuses Windows device names, dots-only and empty names, and caps the length', () => {
    expect(exportFileNameFor('CON', 'docx')).toBe('_CON.docx');
    expect(exportFileNameFor('nul.txt', 'docx')).toBe('_nul.txt.docx');
    expect(exportFileNameFor('com1', 'xlsx')).toBe('_com1.xlsx');
    expect(exportFileNameFor('..', 'docx')).toBe('导出文件.docx');
    expect(exportFileNameFor('', 'pdf')).toBe('导出文件.pdf');
    expect(exportFileNameFor('../../etc/passwd', 'docx')).toBe('_.._etc_passwd.docx');
    const long = exportFileNameFor('会'.repeat(500), 'docx');
    expect(Array.from(long).length).toBeLessThanOrEqual(125);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('has exactly the four export kinds', () => {
    expect(Object.values(EXPORT_KINDS).map((k) => k.extension)).toEqual(['docx', 'xlsx', 'zip', 'pdf']);
  });
});

describe('errors from the main process reach the clerk in Chinese (issue #13)', () => {
  it('drops Electron’s English prefix', () => {
    expect(
      deskErrorText(new Error("Error invoking remote method 'desk:save-file': Error: 已有同名文件“a.docx”")),
    ).toBe('已有同名文件“a.docx”');
    expect(deskErrorText(new Error("Error invoking remote method 'desk:open-file': 所选文件过大"))).toBe(
      '所选文件过大',
    );
    expect(deskErrorText('无法读取所选文件')).toBe('无法读取所选文件');
  });
});

describe('fileSizeText', () => {
  it('reads a size as the file lists show it: at least 1 KB, MB with one decimal', () => {
    expect(fileSizeText(0)).toBe('1 KB');
    expect(fileSizeText(6)).toBe('1 KB');
    expect(fileSizeText(2700)).toBe('3 KB');
    expect(fileSizeText(1024 * 1024 - 1)).toBe('1024 KB');
    expect(fileSizeText(1024 * 1024)).toBe('1.0 MB');
    expect(fileSizeText(35 * 1024 * 1024 + 300 * 1024)).toBe('35.3 MB');
  });
});
