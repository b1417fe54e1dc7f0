import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { requestPersistentStorage } from './db';
import './platform';
import { registerClerkHolidaySchedules } from './app/charterConfig';

void requestPersistentStorage();

// The clerk's holiday schedules for later years are registered with the engine before the first render.
void registerClerkHolidaySchedules()
  .catch((e: unknown) => console.error('无法读取节假日安排', e))
  .finally(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
