/** What the desks hand the clerk: downloads, and the text of the Word files among them. */
import type { Locator, Page } from 'playwright-core';
import JSZip from 'jszip';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Downloaded {
  /** The file name the app suggested. */
  name: string;
  bytes: Buffer;
  /** Where it was saved. */
  file: string;
}

/**
 * Clicks `trigger` (a button, or any action) and waits for the download it starts. The file is kept for
 * inspection under test-results/<saveAs> when given (a path relative to test-results, or absolute).
 */
export async function download(
  page: Page,
  trigger: Locator | (() => Promise<unknown>),
  opts: { saveAs?: string; timeout?: number } = {},
): Promise<Downloaded> {
  const [d] = await Promise.all([
    page.waitForEvent('download', opts.timeout ? { timeout: opts.timeout } : undefined),
    typeof trigger === 'function' ? trigger() : trigger.click(),
  ]);
  const name = d.suggestedFilename();
  let file = (await d.path())!;
  if (opts.saveAs) {
    file = path.resolve('test-results', opts.saveAs);
    mkdirSync(path.dirname(file), { recursive: true });
    await d.saveAs(file);
  }
  return { name, bytes: readFileSync(file), file };
}

/** word/document.xml of a .docx. */
export async function documentXml(bytes: Buffer | Uint8Array): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
}

/** The text of a .docx (tabs kept as tabs, markup dropped). */
export async function docxText(bytes: Buffer | Uint8Array): Promise<string> {
  return (await documentXml(bytes)).replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');
}

/** Clicks `trigger` and answers the file chooser it opens with `file`. */
export async function chooseFile(page: Page, trigger: Locator, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger.click()]);
  await chooser.setFiles(file);
}
