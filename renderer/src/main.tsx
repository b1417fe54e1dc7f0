import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { requestPersistentStorage } from './db';
import { registerPendingWrite } from './platform';
import { db } from './db';
import { startAutoBackups } from './io/autoBackup';
import { registerClerkHolidaySchedules } from './records/settings';
import { installLifecycleFlush } from './app/lifecycle';
// Editors' unsaved typing is replayed at start-up, before any (lazily loaded) desk: register how.
import './features/meetings/replay';
import { installChineseNames } from './app/a11yNames';

void requestPersistentStorage();
// Pending autosaves are written when the page hides, reloads or closes (browser and Electron).
installLifecycleFlush();
// Screen readers hear Chinese: antd's English icon names and labels are renamed as they appear (issue 16).
installChineseNames();

// The clerk's holiday schedules for later years are registered with the engine before the first render.
void registerClerkHolidaySchedules()
  .catch((e: unknown) => console.error('无法读取节假日安排', e))
  .finally(() => {
    // Desktop only: today's automatic backup, and one on quit (issue 8).
    startAutoBackups(db, registerPendingWrite);
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
