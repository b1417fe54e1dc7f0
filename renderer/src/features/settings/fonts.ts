/**
 * Which of the faces the font schemes use this machine has. 仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体 ship
 * with neither Windows 10/11 nor stock WPS; a document set in faces the machine lacks is printed in
 * substitutes with other line breaks.
 *
 * The list of installed fonts comes through the contract (`desk.listFonts`): in Electron the main process
 * reads the font files of the system's font folders (electron/fonts.ts — Chromium's queryLocalFonts()
 * cannot work there, every permission being denied); in the browser, queryLocalFonts() (platform/browser.ts).
 * When it cannot be told (no API, refused, unanswered) the detection says why in Chinese, never throws.
 */
import { FONT_SCHEMES, type FontScheme } from '../../../../shared/documents';
import { deskErrorText, type InstalledFonts } from '../../../../shared/channels';

/** The names a face is known by (local name and the names fonts report in English). */
const ALIASES: Record<string, readonly string[]> = {
  仿宋_GB2312: ['仿宋_GB2312', 'FangSong_GB2312'],
  楷体_GB2312: ['楷体_GB2312', 'KaiTi_GB2312'],
  方正小标宋简体: [
    '方正小标宋简体',
    '方正小标宋_GBK',
    'FZXiaoBiaoSong-B05S',
    'FZXiaoBiaoSong-B05',
    'FZXBSJW--GB1-0',
  ],
  仿宋: ['仿宋', 'FangSong'],
  楷体: ['楷体', 'KaiTi'],
  宋体: ['宋体', 'SimSun'],
  黑体: ['黑体', 'SimHei'],
};

/** The Chinese faces a scheme sets text in (body, title, headings, page numbers), from FONT_SCHEMES. */
export function facesOfScheme(scheme: FontScheme): string[] {
  const f = FONT_SCHEMES[scheme];
  return [...new Set([f.body, f.title, f.heading1, f.heading2, f.pageNumber])];
}

/** Every face either scheme uses, the GB/T 9704 faces first, each with the schemes that need it. */
export const OFFICIAL_FACES: readonly { face: string; aliases: readonly string[]; schemes: FontScheme[] }[] =
  [...new Set([...facesOfScheme('gb2312'), ...facesOfScheme('windows')])].map((face) => ({
    face,
    aliases: ALIASES[face] ?? [face],
    schemes: (['gb2312', 'windows'] as const).filter((s) => facesOfScheme(s).includes(face)),
  }));

export type FontDetection =
  | { status: 'ok'; installed: Record<string, boolean>; fonts: InstalledFonts }
  | { status: 'unavailable'; message: string };

/** Matches the installed fonts' names against OFFICIAL_FACES (case-insensitive, family or face name). */
export function installedFaces(
  fonts: Pick<InstalledFonts, 'families' | 'faceNames'>,
): Record<string, boolean> {
  const names = new Set([...fonts.families, ...fonts.faceNames].map((n) => n.toLowerCase()));
  const out: Record<string, boolean> = {};
  for (const f of OFFICIAL_FACES) out[f.face] = f.aliases.some((a) => names.has(a.toLowerCase()));
  return out;
}

/** Lists the installed official faces through the contract's `listFonts`; never throws. */
export async function detectOfficialFonts(listFonts: () => Promise<InstalledFonts>): Promise<FontDetection> {
  try {
    const fonts = await listFonts();
    return { status: 'ok', installed: installedFaces(fonts), fonts };
  } catch (e) {
    return { status: 'unavailable', message: deskErrorText(e) };
  }
}

/** The Chinese family names among the installed fonts (for 设置 to show what the machine has). */
export function chineseFamilies(fonts: InstalledFonts): string[] {
  return fonts.families.filter((f) => /[\u3400-\u9fff]/.test(f));
}

function missingFaces(d: Extract<FontDetection, { status: 'ok' }>, scheme: FontScheme): string[] {
  return facesOfScheme(scheme).filter((f) => !d.installed[f]);
}

/**
 * The scheme to use when the clerk has not chosen one: GB/T 9704's when the machine has all its faces;
 * the Windows faces when it has those and lacks a GB2312 face; GB/T 9704's (the standard's) when nothing
 * can be told or neither is complete. With the reason, in Chinese.
 */
export function recommendedScheme(d: FontDetection): { scheme: FontScheme; reason: string } {
  if (d.status !== 'ok') return { scheme: 'gb2312', reason: `${d.message}默认使用 GB/T 9704 字体方案。` };
  const missing = missingFaces(d, 'gb2312');
  if (missing.length === 0)
    return {
      scheme: 'gb2312',
      reason: `本机已安装${facesOfScheme('gb2312').join('、')}，使用 GB/T 9704 字体方案。`,
    };
  const windowsMissing = missingFaces(d, 'windows');
  if (windowsMissing.length === 0) {
    return {
      scheme: 'windows',
      reason: `本机未安装${missing.join('、')}，已默认使用 Windows 自带字体方案（仿宋、楷体、宋体加粗代替小标宋），以免 Word 用其他字体替换而改变分行。`,
    };
  }
  return {
    scheme: 'gb2312',
    reason: `本机未安装${[...new Set([...missing, ...windowsMissing])].join('、')}，两种字体方案都不完整，默认使用 GB/T 9704 字体方案；打印前请安装公文字体。`,
  };
}
