/**
 * Which of the official-document faces this machine has, through Chromium's Local Font Access API
 * (`window.queryLocalFonts()`). 仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体 ship with neither Windows 10/11 nor
 * stock WPS; a document set in faces the machine lacks is printed in substitutes with other line breaks.
 *
 * The API may be missing (other browsers), refused (a permission prompt declined, or, in Electron, the
 * permission handler denying 'local-fonts'), or fail: each gives a status with a Chinese message, never an
 * exception.
 */
import type { FontScheme } from '../../../../shared/documents';
import { errorText } from '../../ui/errorText';

/** Each face with the names it is known by (local name and the family name fonts report in English). */
export const OFFICIAL_FACES: readonly { face: string; aliases: readonly string[]; scheme: FontScheme }[] = [
  { face: '仿宋_GB2312', aliases: ['仿宋_GB2312', 'FangSong_GB2312'], scheme: 'gb2312' },
  { face: '楷体_GB2312', aliases: ['楷体_GB2312', 'KaiTi_GB2312'], scheme: 'gb2312' },
  {
    face: '方正小标宋简体',
    aliases: [
      '方正小标宋简体',
      '方正小标宋_GBK',
      'FZXiaoBiaoSong-B05S',
      'FZXiaoBiaoSong-B05',
      'FZXBSJW--GB1-0',
    ],
    scheme: 'gb2312',
  },
  { face: '仿宋', aliases: ['仿宋', 'FangSong'], scheme: 'windows' },
  { face: '楷体', aliases: ['楷体', 'KaiTi'], scheme: 'windows' },
  { face: '宋体', aliases: ['宋体', 'SimSun'], scheme: 'windows' },
  { face: '黑体', aliases: ['黑体', 'SimHei'], scheme: 'windows' },
];

export type FontDetection =
  | { status: 'ok'; installed: Record<string, boolean> }
  | { status: 'unavailable' | 'denied' | 'error'; message: string };

interface LocalFont {
  family: string;
  fullName: string;
  postscriptName: string;
}

/** Matches the fonts the API listed against OFFICIAL_FACES (case-insensitive, any of the three names). */
export function installedFaces(fonts: readonly LocalFont[]): Record<string, boolean> {
  const names = new Set<string>();
  for (const f of fonts)
    for (const n of [f.family, f.fullName, f.postscriptName]) if (n) names.add(n.toLowerCase());
  const out: Record<string, boolean> = {};
  for (const f of OFFICIAL_FACES) out[f.face] = f.aliases.some((a) => names.has(a.toLowerCase()));
  return out;
}

/** Lists the installed official faces; never throws. */
export async function detectOfficialFonts(
  w: { queryLocalFonts?: () => Promise<readonly LocalFont[]> } = globalThis as never,
  timeoutMs = 4000,
): Promise<FontDetection> {
  if (typeof w?.queryLocalFonts !== 'function') {
    return {
      status: 'unavailable',
      message:
        '当前环境不支持查询本机字体（需要 Chromium 内核的本机字体访问接口），无法确认公文字体是否已安装。',
    };
  }
  try {
    // A permission prompt nobody answers (or a headless browser) would leave the promise pending.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const fonts = await Promise.race([w.queryLocalFonts(), timeout]).finally(() => clearTimeout(timer));
    if (fonts === 'timeout') {
      return {
        status: 'unavailable',
        message: '查询本机字体没有响应（可能在等待权限确认），无法确认公文字体是否已安装。',
      };
    }
    return { status: 'ok', installed: installedFaces(fonts) };
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      return {
        status: 'denied',
        message: '查询本机字体的权限被拒绝（桌面应用需允许“本机字体”权限），无法确认公文字体是否已安装。',
      };
    }
    return { status: 'error', message: `查询本机字体失败：${errorText(e)}` };
  }
}

/**
 * The scheme to use when the clerk has not chosen one: GB2312 when its three faces are all there; the
 * Windows faces when those are there and a GB2312 face is missing; GB2312 (the standard's) when nothing can
 * be told. With the reason, in Chinese.
 */
export function recommendedScheme(d: FontDetection): { scheme: FontScheme; reason: string } {
  if (d.status !== 'ok') return { scheme: 'gb2312', reason: `${d.message}默认使用 GB/T 9704 字体方案。` };
  const missing = OFFICIAL_FACES.filter((f) => f.scheme === 'gb2312' && !d.installed[f.face]).map(
    (f) => f.face,
  );
  if (missing.length === 0)
    return {
      scheme: 'gb2312',
      reason: '本机已安装仿宋_GB2312、楷体_GB2312 和方正小标宋简体，使用 GB/T 9704 字体方案。',
    };
  const windowsMissing = OFFICIAL_FACES.filter((f) => f.scheme === 'windows' && !d.installed[f.face]).map(
    (f) => f.face,
  );
  if (windowsMissing.length === 0) {
    return {
      scheme: 'windows',
      reason: `本机未安装${missing.join('、')}，已默认使用 Windows 自带字体方案（仿宋、楷体、宋体加粗代替小标宋），以免 Word 用其他字体替换而改变分行。`,
    };
  }
  return {
    scheme: 'gb2312',
    reason: `本机未安装${[...missing, ...windowsMissing].join('、')}，两种字体方案都不完整，默认使用 GB/T 9704 字体方案；打印前请安装公文字体。`,
  };
}
