#!/usr/bin/env node
/**
 * Renders .docx files to PDF with LibreOffice (headless) and each PDF page to PNG with pdftoppm, to look
 * at what the document builders produce.
 *
 *   node scripts/render-docx.mjs <in.docx> [more.docx ...] <outdir> [--dpi 60] [--no-png]
 *
 * All inputs are converted in ONE soffice run (LibreOffice is slow to start). A private profile directory
 * (-env:UserInstallation) lets runs go in parallel. Fonts: FONTCONFIG_FILE points at
 * ../shared/tools/gongwen-fonts.conf (from the repo root), which maps 仿宋_GB2312, 方正小标宋简体, 黑体,
 * 楷体_GB2312 … to free CJK faces; without that file the system's font substitution is used.
 * Prints one JSON line: { pdfs: [...], pngs: { pdf: [png, ...] } }.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Path of the fontconfig file mapping the official-document font names, or undefined when absent. */
export function fontsConf(root = repoRoot) {
  const conf = path.resolve(root, '../shared/tools/gongwen-fonts.conf');
  return existsSync(conf) ? conf : undefined;
}

/** True when a command is on PATH. */
export function onPath(cmd) {
  const r = spawnSync(process.platform === 'win32' ? 'where' : 'which', [cmd], { encoding: 'utf8' });
  return r.status === 0;
}

/**
 * Converts the .docx files to PDF in outDir (one soffice run), then to PNG pages unless png is false.
 * @returns {{ pdfs: string[], pngs: Record<string, string[]> }}
 */
export function renderDocx(inputs, outDir, { dpi = 60, png = true, timeoutMs = 180_000 } = {}) {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  const env = { ...process.env };
  const conf = fontsConf();
  if (conf) env.FONTCONFIG_FILE = conf;
  try {
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...inputs.map((i) => path.resolve(i)),
      ],
      { env, encoding: 'utf8', timeout: timeoutMs },
    );
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr || r.stdout}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdfs = inputs.map((i) => path.join(outDir, `${path.basename(i).replace(/\.docx$/i, '')}.pdf`));
  const pngs = {};
  for (const pdf of pdfs) {
    if (!existsSync(pdf)) throw new Error(`no PDF for ${pdf}`);
    if (!png) continue;
    const stem = pdf.replace(/\.pdf$/, '');
    const r = spawnSync('pdftoppm', ['-r', String(dpi), '-png', pdf, stem], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    const base = path.basename(stem);
    pngs[pdf] = readdirSync(outDir)
      .filter((f) => f.startsWith(`${base}-`) && /^-\d+\.png$/.test(f.slice(base.length)))
      .sort()
      .map((f) => path.join(outDir, f));
  }
  return { pdfs, pngs };
}

function main(argv) {
  const args = [...argv];
  let dpi = 60;
  let png = true;
  const i = args.indexOf('--dpi');
  if (i >= 0) {
    dpi = Number(args[i + 1]) || 60;
    args.splice(i, 2);
  }
  const j = args.indexOf('--no-png');
  if (j >= 0) {
    png = false;
    args.splice(j, 1);
  }
  if (args.length < 2) {
    console.error(
      'usage: node scripts/render-docx.mjs <in.docx> [more.docx ...] <outdir> [--dpi 60] [--no-png]',
    );
    process.exit(2);
  }
  const outDir = args.pop();
  const result = renderDocx(args, outDir, { dpi, png });
  console.log(JSON.stringify(result));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
