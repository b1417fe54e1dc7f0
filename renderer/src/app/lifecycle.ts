import { flushPendingWrites } from '../platform';
import { unsavedLabels } from '../platform/unsaved';
import { errorText } from '../ui/errorText';

/**
 * Flushes pending edits (autosaves) whenever the page may be about to go away — hidden, frozen, navigated away,
 * reloaded (Electron's 重新加载 included) — in every runtime: Electron's own flush request only comes on
 * close. A reload or navigation away while a form holds unsaved edits (ui/unsaved.ts) asks first: the
 * browser's own 离开此网站？ prompt, or Electron's (electron/main.ts, will-prevent-unload); Electron's close
 * asks through its flush request instead. Also turns unhandled storage errors into Chinese in the console
 * (errorText). Returns a function removing the listeners.
 */
export function installLifecycleFlush(target: Window = window): () => void {
  const doc = target.document;
  const flush = () => void flushPendingWrites();
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    flush();
    if (unsavedLabels().length > 0) {
      e.preventDefault();
      e.returnValue = '';
    }
  };
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') flush();
  };
  const onRejection = (e: PromiseRejectionEvent) => {
    console.error(`未处理的错误：${errorText(e.reason)}`, e.reason);
  };
  // beforeunload first: the old page lives on while the next one loads, so its IndexedDB transactions
  // (several requests each) commit; one begun in pagehide is dropped by Chromium on a reload.
  target.addEventListener('beforeunload', onBeforeUnload);
  target.addEventListener('pagehide', flush);
  target.addEventListener('freeze', flush);
  doc.addEventListener('visibilitychange', onVisibility);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('beforeunload', onBeforeUnload);
    target.removeEventListener('pagehide', flush);
    target.removeEventListener('freeze', flush);
    doc.removeEventListener('visibilitychange', onVisibility);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
