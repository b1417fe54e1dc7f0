import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installLifecycleFlush } from './app/lifecycle';
// Editors' unsaved typing is replayed at start-up, before any (lazily loaded) desk: register how.
import './features/meetings/replay';
import './features/documents/replay';
import { installChineseNames } from './app/a11yNames';

// Pending autosaves are written when the page hides, reloads or closes (browser and Electron).
installLifecycleFlush();
// Screen readers hear Chinese: antd's English icon names and labels are renamed as they appear (issue 16).
installChineseNames();
// The shell and 首页's frame paint at once; the database, the clerk's holiday schedules and the automatic
// backups load after (app/startup.ts, started by SingleTabGuard), and no desk shows before they are done.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
