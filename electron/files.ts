/**
 * Saving exports and opening them again (issue #13, point 2). The renderer says only what it
 * exports (`kind`), a suggested name and the bytes; this module owns everything that decides what
 * lands on disk and what gets launched:
 *
 * - the dialog's filter and the one allowed final extension of each kind (shared/data/fileName.ts:
 *   .docx, .xlsx, .zip, .pdf — never .exe, .bat, .hta, .lnk, .js);
 * - the suggested name, sanitised (bidi and zero-width characters dropped, reserved characters
 *   replaced, device names defused, the kind's extension forced), and the path the clerk chose,
 *   forced to the kind's extension again after the dialog;
 * - `open` launches only a document this module saved in this session, of an allowed type, whose
 *   bytes still hash to what was written (a file swapped or edited since is refused).
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { OpenPathResult, SaveFileRequest, SaveFileResult } from '../shared/contract';
import { EXPORT_KINDS, exportFileNameFor, sanitizeFileName, type ExportKind } from '../shared/data/fileName';

export interface SaveDialogRequest {
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

export interface DocumentFilesDeps {
  /** The native save dialog (parented to the main window); `filePath` absent when cancelled. */
  showSaveDialog(opts: SaveDialogRequest): Promise<{ canceled: boolean; filePath?: string }>;
  /** The folder the dialog starts in. */
  documentsDir(): string;
  /** Writes a new file (flag 'w' when the clerk confirmed replacing that very path, 'wx' otherwise). */
  writeFile(p: string, bytes: Uint8Array, flag: 'w' | 'wx'): Promise<void>;
  readFile(p: string): Promise<Uint8Array>;
  /** shell.openPath: '' on success, else the system's error text. */
  openPath(p: string): Promise<string>;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The dialog options for a kind: main's own filter, never the renderer's. */
export function saveDialogRequest(
  documentsDir: string,
  suggestedName: string,
  kind: ExportKind,
): SaveDialogRequest {
  const k = EXPORT_KINDS[kind];
  return {
    defaultPath: path.join(documentsDir, exportFileNameFor(suggestedName, kind)),
    filters: [{ name: k.filterName, extensions: [k.extension] }],
  };
}

/** The chosen path with its file name sanitised and ending in the kind's extension. */
export function forceKindPath(chosen: string, kind: ExportKind): string {
  const base = path.basename(chosen);
  const safe = sanitizeFileName(base, EXPORT_KINDS[kind].extension);
  // `通知.DOCX` as typed stays: the same file on Windows, and the dialog asked before replacing it.
  if (safe.toLowerCase() === base.toLowerCase()) return chosen;
  return path.join(path.dirname(chosen), safe);
}

function allowedExtension(p: string): ExportKind | null {
  const ext = path.extname(p).slice(1).toLowerCase();
  return (Object.keys(EXPORT_KINDS) as ExportKind[]).find((k) => EXPORT_KINDS[k].extension === ext) ?? null;
}

export class DocumentFiles {
  /** Files saved in this session: path → what was written. */
  private readonly saved = new Map<string, { kind: ExportKind; sha256: string }>();

  constructor(private readonly deps: DocumentFilesDeps) {}

  async save(req: SaveFileRequest): Promise<SaveFileResult> {
    const result = await this.deps.showSaveDialog(
      saveDialogRequest(this.deps.documentsDir(), req.suggestedName, req.kind),
    );
    if (result.canceled || !result.filePath) return { saved: false };
    const target = forceKindPath(result.filePath, req.kind);
    // The dialog asked before replacing the path it returned; a name changed here was not asked about.
    const flag = path.resolve(target) === path.resolve(result.filePath) ? 'w' : 'wx';
    try {
      await this.deps.writeFile(target, req.bytes, flag);
    } catch (e) {
      if ((e as NodeJS.ErrnoException | null)?.code === 'EEXIST') {
        throw new Error(`已有同名文件“${path.basename(target)}”：请换一个文件名再保存`);
      }
      throw new Error(`无法写入文件：${e instanceof Error ? e.message : String(e)}`);
    }
    this.saved.set(path.resolve(target), { kind: req.kind, sha256: sha256(req.bytes) });
    return { saved: true, path: target };
  }

  async open(p: string): Promise<OpenPathResult> {
    const key = path.resolve(p);
    const entry = this.saved.get(key);
    if (!entry) return { ok: false, error: '只能打开本次由工作台保存的文件' };
    if (allowedExtension(key) !== entry.kind) {
      return { ok: false, error: '只能打开工作台导出的 Word、Excel、PDF 或压缩文件' };
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.deps.readFile(key);
    } catch {
      this.saved.delete(key);
      return { ok: false, error: '文件已被移动或删除，无法打开' };
    }
    if (sha256(bytes) !== entry.sha256) {
      this.saved.delete(key);
      return {
        ok: false,
        error: '文件在保存后已被修改或替换：为安全起见工作台不再直接打开它，请在文件夹中自行查看。',
      };
    }
    const error = await this.deps.openPath(key);
    return error ? { ok: false, error: `无法打开文件：${error}` } : { ok: true };
  }
}
