/**
 * The builders' options of every Word export, as the clerk's 公文设置 give them (the font scheme, issue 15).
 * Every word.ts mapping takes an `ExportOptions`, and only `documentOptionsFromSettings`
 * (documentSettings.ts) makes one from the settings, so no export can be written without reading the
 * setting: the type says where the options came from (test/unit/settings/exportOptions.test.ts checks
 * that nothing else in the renderer calls `exportOptions`).
 *
 * Pure and type-light on purpose: word.ts files import only the type, so they load in Node tests.
 */
import type { DocOptions } from '../../../../shared/documents';

declare const fromSettings: unique symbol;

/** DocOptions read from 公文设置 (documentOptionsFromSettings). */
export type ExportOptions = Readonly<DocOptions> & { readonly [fromSettings]: true };

/** Marks options as read from the settings: documentOptionsFromSettings only (and tests). */
export function exportOptions(o: DocOptions): ExportOptions {
  return o as ExportOptions;
}
