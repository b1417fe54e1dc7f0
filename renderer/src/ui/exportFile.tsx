import { App, Button } from 'antd';
import { desk, deskErrorText, saveBytes } from '../platform';
import { exportFileNameFor } from '../../../shared/data/fileName';

/**
 * Saves an exported file through the contract (save dialog in Electron, download in a browser) and
 * then offers 打开文件 (Electron) to open it in Word/WPS. Returns whether it was saved. `kind` decides
 * the final extension (the main process forces it); the name is sanitised on the way (one
 * sanitiser, shared/data/fileName.ts).
 */
export function useExportFile() {
  const { message, notification } = App.useApp();
  return async (name: string, bytes: Uint8Array, kind: Parameters<typeof saveBytes>[2] = 'docx') => {
    try {
      const result = await saveBytes(name, bytes, kind);
      if (!result.saved) return false;
      const path = result.path;
      if (path) {
        notification.success({
          message: '已保存',
          description: path,
          actions: (
            <Button
              type="primary"
              size="small"
              onClick={async () => {
                const r = await desk.openPath({ path });
                if (!r.ok) message.error(r.error ?? '无法打开文件');
              }}
            >
              打开文件
            </Button>
          ),
        });
      } else {
        message.success(`已下载：${exportFileNameFor(name, kind)}`);
      }
      return true;
    } catch (e) {
      message.error(`保存失败：${deskErrorText(e)}`);
      return false;
    }
  };
}
