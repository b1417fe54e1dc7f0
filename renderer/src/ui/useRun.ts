import { useState } from 'react';
import { App } from 'antd';
import { errorText } from './errorText';

/**
 * Runs a write and tells the clerk how it went: `run(fn, done, failed)` shows `done` when it succeeded (or,
 * without `done`, the text `fn` resolves to, if any) and the Chinese error text when it failed, after the
 * prefix `failed` (e.g. 保存失败：…); `busy` is true meanwhile (for a button's or dialog's loading state).
 * Resolves to whether it succeeded; a failed write leaves the form open with what the clerk typed.
 */
export function useRun() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, done?: string, failed?: string): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await fn();
      const text = done ?? (typeof result === 'string' ? result : undefined);
      if (text) message.success(text);
      return true;
    } catch (e) {
      message.error(failed ? `${failed}：${errorText(e)}` : errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
