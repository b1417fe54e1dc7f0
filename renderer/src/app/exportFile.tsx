import { App, Button } from 'antd';
import { desk, saveBytes } from '../platform';

/**
 * Saves an exported file through the contract (save dialog in Electron, download in a browser) and
 * then offers 打开文件 (Electron) to open it in Word/WPS. Returns whether it was saved.
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
        message.success(`已下载：${name}`);
      }
      return true;
    } catch (e) {
      message.error(`保存失败：${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  };
}
