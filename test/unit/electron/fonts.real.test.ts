/**
 * The installed-fonts scan (electron/fonts.ts) on this machine's real font folders — no mocks: the walk,
 * the ranged reads of real TTC/OTF/TTF files and the name tables (shared/data/fontNames.ts) — and what
 * 设置 › 公文设置 makes of the result (renderer/src/features/settings/fonts.ts). Electron itself is not started:
 * the scan is plain Node, as the main process runs it. Skipped, and says so, without the Debian CJK fonts.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontDirs, scanInstalledFonts } from '../../../electron/fonts';
import {
  chineseFamilies,
  detectOfficialFonts,
  recommendedScheme,
} from '../../../renderer/src/features/settings/fonts';

const UMING = '/usr/share/fonts/truetype/arphic/uming.ttc';
const NOTO = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const have = existsSync(UMING) && existsSync(NOTO);
const SKIP = have ? '' : ' (skipped: fonts-arphic-uming or fonts-noto-cjk not installed)';

describe('the font scan on this machine (real files)', () => {
  it.skipIf(!have)(
    `reads the Linux font folders: AR PL UMing and Noto CJK by their families and face names${SKIP}`,
    async () => {
      const dirs = fontDirs('linux', {}, '/nonexistent-home');
      expect(dirs).toContain('/usr/share/fonts');
      const fonts = await scanInstalledFonts(dirs);
      expect(fonts.source).toBe('font-files');
      expect(fonts.truncated).toBe(false);
      expect(fonts.families).toEqual(
        expect.arrayContaining(['AR PL UMing CN', 'AR PL UKai CN', 'Noto Serif CJK SC', 'Noto Sans CJK SC']),
      );
      expect(fonts.faceNames).toEqual(expect.arrayContaining(['UMingCN', 'NotoSerifCJKsc-Regular']));
      // What 设置 › 公文设置 shows for it: none of the official faces, so the standard scheme and why.
      const detection = await detectOfficialFonts(async () => fonts);
      expect(detection.status).toBe('ok');
      if (detection.status !== 'ok') return;
      expect(Object.values(detection.installed).some(Boolean)).toBe(false);
      const r = recommendedScheme(detection);
      expect(r.scheme).toBe('gb2312');
      expect(r.reason).toContain('两种字体方案都不完整');
      expect(Array.isArray(chineseFamilies(fonts))).toBe(true);
    },
    60_000,
  );
});
