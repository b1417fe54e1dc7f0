/** The Chinese application menu: 文件 / 编辑 / 视图 / 帮助. */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  quit(): void;
  about(): void;
  openDataFolder(): void;
}

export function buildMenuTemplate(actions: MenuActions, isDev: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (isDev) view.push({ role: 'toggleDevTools', label: '开发者工具' });
  return [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: '退出', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于秘书处工作台', click: () => actions.about() }] },
  ];
}
