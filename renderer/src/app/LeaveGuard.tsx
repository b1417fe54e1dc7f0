import { useEffect } from 'react';
import { App } from 'antd';
import { useBlocker } from 'react-router';
import { unsavedLabels } from '../platform/unsaved';

/**
 * Leaving a page while one of its forms holds unsaved edits (ui/unsaved.ts) asks first: 放弃修改并离开, or
 * 继续编辑 (the default), which stays with everything as typed. A change within the page (its query) is not
 * leaving it.
 */
export function LeaveGuard() {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && unsavedLabels().length > 0,
  );
  const { modal } = App.useApp();
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const labels = unsavedLabels();
    // Saved (or closed) since the navigation began: nothing to ask.
    if (labels.length === 0) {
      blocker.proceed();
      return;
    }
    const dialog = modal.confirm({
      title: '有未保存的修改',
      content: `${labels.join('、')}有未保存的修改。离开本页，这些修改将丢失。`,
      okText: '放弃修改并离开',
      cancelText: '继续编辑',
      okButtonProps: { danger: true },
      autoFocusButton: 'cancel',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
    return () => dialog.destroy();
  }, [blocker, modal]);
  return null;
}
