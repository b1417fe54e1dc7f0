import { useState } from 'react';
import { App } from 'antd';
import { errorText } from './errorText';

/**
 * Runs a piece of work that may fail and tells the clerk how it went, for several buttons at once: `run(key,
 * fn, done, failed)` shows `done` when it succeeded (or, without `done`, the text `fn` resolves to, if any)
 * and the Chinese error text when it failed, after the prefix `failed` (e.g. 导出失败：…); `running` is the
 * key of the work under way (each button's loading state: `running === 'xlsx'`), null when none.
 * Resolves to whether it succeeded; a failed write leaves the form open with what the clerk typed.
 */
export function useRunKeyed<K extends string>() {
  const { message } = App.useApp();
  const [running, setRunning] = useState<K | null>(null);
  const run = async (
    key: K,
    fn: () => Promise<unknown>,
    done?: string,
    failed?: string,
  ): Promise<boolean> => {
    setRunning(key);
    try {
      const result = await fn();
      const text = done ?? (typeof result === 'string' ? result : undefined);
      if (text) message.success(text);
      return true;
    } catch (e) {
      message.error(failed ? `${failed}：${errorText(e)}` : errorText(e));
      return false;
    } finally {
      setRunning(null);
    }
  };
  return { running, run };
}

/** useRunKeyed for one piece of work: `run(fn, done, failed)`, `busy` while it runs (a dialog's 保存). */
export function useRun() {
  const { running, run } = useRunKeyed<'run'>();
  return {
    busy: running !== null,
    run: (fn: () => Promise<unknown>, done?: string, failed?: string) => run('run', fn, done, failed),
  };
}
