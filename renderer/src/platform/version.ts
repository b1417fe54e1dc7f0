/** This build's version (package.json, put in by Vite: vite.config.ts `define`); 'dev' where it is not (unit tests). */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
