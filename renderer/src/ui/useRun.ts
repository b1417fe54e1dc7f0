import { useState } from 'react';
import { App } from 'antd';
import { errorText } from './errorText';

/**
 * Runs a write and tells the clerk how it went: `run(fn, done)` shows `done` when it succeeded (nothing when
 * `done` is omitted) and the Chinese error text when it failed; `busy` is true meanwhile. Resolves to whether
 * it succeeded.
 */
export function useRun() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, done?: string): Promise<boolean> => {
    setBusy(true);
    try {
      await fn();
      if (done) message.success(done);
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
