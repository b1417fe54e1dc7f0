/// <reference types="vite/client" />
import type { DeskApi } from '../../shared/contract';

declare global {
  const __APP_VERSION__: string;
  interface Window {
    /** Present in Electron (exposed by the preload); absent in a plain browser. */
    desk?: DeskApi;
  }
}
export {};
