import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { autosaveLabel, errorText, isQuotaError, QUOTA_TEXT } from '../../../renderer/src/ui/errorText';

describe('errorText: storage errors in Chinese (issue 13)', () => {
  it('QuotaExceededError as DOMException, as Dexie error, and wrapped in Dexie’s AbortError', () => {
    const dom = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const dexie = new Dexie.QuotaExceededError('QuotaExceededError');
    const abort = new Dexie.AbortError('Transaction aborted', dom);
    for (const e of [dom, dexie, abort]) {
      expect(isQuotaError(e)).toBe(true);
      expect(errorText(e)).toBe(QUOTA_TEXT);
    }
    expect(QUOTA_TEXT).toContain('磁盘空间不足');
    expect(QUOTA_TEXT).toContain('备份');
    expect(errorText(abort)).not.toMatch(/QuotaExceeded|quota/i);
  });

  it('other Dexie and DOM errors, and plain messages', () => {
    expect(errorText(new Dexie.DatabaseClosedError())).toContain('本地数据库已关闭');
    expect(errorText(new Dexie.AbortError('x'))).toBe('本地数据库写入被中止，数据没有写入。');
    expect(errorText(new DOMException('x', 'InvalidStateError'))).toContain('暂时不可用');
    expect(errorText(new Error('会员单位不存在'))).toBe('会员单位不存在');
    expect(errorText('字符串')).toBe('字符串');
    expect(isQuotaError(new Error('会员单位不存在'))).toBe(false);
  });

  it('the autosave label says what failed, that the text is kept, and when the retry comes', () => {
    const e = new Dexie.AbortError('x', new DOMException('q', 'QuotaExceededError'));
    expect(autosaveLabel({ kind: 'failed', error: e, attempt: 2, retryAt: 10_000 }, 7_200)).toBe(
      `保存失败：${QUOTA_TEXT.replace(/。$/, '')}。输入的内容仍在屏幕上，3 秒后重试（第 2 次）`,
    );
    expect(autosaveLabel({ kind: 'failed', error: e, attempt: 2, retryAt: 10_000 }, 10_000)).toMatch(
      /正在重试（第 2 次）…$/,
    );
    expect(autosaveLabel({ kind: 'saved' }, 0)).toBe('已保存');
    expect(autosaveLabel({ kind: 'saving' }, 0)).toBe('保存中…');
  });
});
