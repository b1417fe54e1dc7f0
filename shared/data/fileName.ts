/**
 * The one sanitiser for every file name the app suggests or writes (issue #13): used by the
 * renderer's export path, the browser implementation (downloads) and the main process (save
 * dialog). Pure: no DOM, no node.
 *
 * Names come from member data (unit names, meeting titles), so they may hold anything: quotes,
 * slashes, tabs, bidi overrides that disguise an extension (`会议通知\u202Excod.exe` shows as
 * “会议通知exe.docx”), zero-width characters, Windows device names. The result is always a plain
 * name ending in exactly the extension asked for.
 */

/** The export kinds the main process accepts, each with its one final extension. */
export const EXPORT_KINDS = {
  docx: { extension: 'docx', filterName: 'Word 文档' },
  xlsx: { extension: 'xlsx', filterName: 'Excel 工作簿' },
  zip: { extension: 'zip', filterName: '压缩文件（备份或文件包）' },
  pdf: { extension: 'pdf', filterName: 'PDF 文件' },
} as const;
export type ExportKind = keyof typeof EXPORT_KINDS;

export function isExportKind(v: unknown): v is ExportKind {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(EXPORT_KINDS, v);
}

/** Bidirectional controls (embeddings, overrides, isolates, marks) and zero-width characters. */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF\u00AD\u180E]/g;
/** Characters Windows (or any of our platforms) refuses in a name, and control characters. */
const RESERVED = /[\\/:*?"<>|\u0000-\u001F\u007F-\u009F]/g;
/** Windows device names, reserved with any extension (`CON.docx` opens the console). */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
/** Names Windows Explorer interprets when they sit in a folder. */
const SPECIAL = /^(desktop\.ini|thumbs\.db|autorun\.inf|folder\.htt)$/i;

const MAX_NAME_LENGTH = 120;

/** Invisible and bidi characters removed, reserved and control characters `_`, line breaks and runs of spaces one space. */
function cleanName(name: string): string {
  return name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[\t\r\n\u2028\u2029]+/g, ' ')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The stem of a name without the given extension (case-insensitive), or the whole name. */
function stripExtension(name: string, extension: string): string {
  const suffix = `.${extension}`;
  return name.toLowerCase().endsWith(suffix) ? name.slice(0, -suffix.length) : name;
}

/**
 * A safe file name ending in `.${extension}`: invisible and bidi characters removed, reserved and
 * control characters replaced by `_` (tabs and line breaks by a space), runs of spaces collapsed,
 * leading and trailing dots and spaces trimmed, device names and special names prefixed, length
 * capped. Any other extension stays part of the stem (`a.docx.exe` → `a.docx.exe.docx`), so what the
 * name shows is what it is. An empty stem becomes `导出文件`.
 */
export function sanitizeFileName(name: string, extension: string): string {
  const ext = extension.replace(/^\.+/, '').toLowerCase();
  let stem = cleanName(name);
  stem = stripExtension(stem, ext);
  stem = stem.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const base = stem.split('.')[0] ?? '';
  if (DEVICE.test(base.trim()) || SPECIAL.test(stem) || SPECIAL.test(`${stem}.${ext}`)) stem = `_${stem}`;
  const chars = Array.from(stem);
  if (chars.length > MAX_NAME_LENGTH)
    stem = chars
      .slice(0, MAX_NAME_LENGTH)
      .join('')
      .replace(/[.\s]+$/, '');
  if (!stem) stem = '导出文件';
  return `${stem}.${ext}`;
}

/**
 * A part of a file name built from the clerk's data (a unit's or a meeting's name): invisible and bidi
 * characters removed, reserved and control characters replaced by `_`, spaces collapsed, trimmed, at most
 * `max` characters; `未命名` when nothing is left. The whole name is made safe again by `sanitizeFileName`.
 */
export function fileNamePart(s: string, max = 100): string {
  const part = cleanName(s);
  return Array.from(part).slice(0, max).join('').trim() || '未命名';
}

/** `sanitizeFileName` for an export kind. */
export function exportFileNameFor(name: string, kind: ExportKind): string {
  return sanitizeFileName(name, EXPORT_KINDS[kind].extension);
}

/** A file's size as the lists show it: `3 KB` (at least 1), `1.2 MB`. */
export function fileSizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
