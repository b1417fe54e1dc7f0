// THIRD-PARTY-NOTICES.txt: the name, version, licence and licence text (and NOTICE file, which
// Apache-2.0 requires to be passed on — dexie, @e965/xlsx) of every runtime dependency: the
// `dependencies` of package.json and, transitively, theirs, as installed in node_modules. Written
// by scripts/build-electron.mjs into dist-electron/, shipped by electron-builder (inside the app and
// as a resource next to it). devDependencies are build and test tools and are not shipped.
// Electron itself is a devDependency (electron-builder refuses it in `dependencies`); its licence
// and Chromium's (LICENSE, LICENSES.chromium.html) are copied into the package by electron-builder.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The package.json of `name` as resolved from the folder `from` (node's lookup, upwards). */
function findPackage(name, from) {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate))
      return { dir: path.dirname(candidate), pkg: JSON.parse(readFileSync(candidate, 'utf8')) };
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function licenceOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  return '未声明（UNKNOWN）';
}

function textFiles(dir, re) {
  return readdirSync(dir)
    .filter((f) => re.test(f))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8').trim() }));
}

/** Every runtime dependency, sorted by name: { name, version, license, licenceTexts, notices, missing }. */
export function collectRuntimeDependencies(projectRoot = root) {
  const top = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const seen = new Map();
  const queue = Object.keys(top.dependencies ?? {}).map((name) => ({
    name,
    from: projectRoot,
    optional: false,
  }));
  while (queue.length) {
    const { name, from, optional } = queue.shift();
    const found = findPackage(name, from);
    if (!found) {
      if (!optional) throw new Error(`缺少运行时依赖 ${name}（请先 npm ci）`);
      continue;
    }
    const key = `${found.pkg.name}@${found.pkg.version}`;
    if (seen.has(key)) continue;
    const licenceTexts = textFiles(found.dir, /^(licen[cs]e|copying)(\.|-|$)/i);
    seen.set(key, {
      name: found.pkg.name,
      version: found.pkg.version,
      license: licenceOf(found.pkg),
      repository: typeof found.pkg.repository === 'string' ? found.pkg.repository : found.pkg.repository?.url,
      licenceTexts,
      notices: textFiles(found.dir, /^notice(\.|$)/i),
    });
    for (const dep of Object.keys(found.pkg.dependencies ?? {}))
      queue.push({ name: dep, from: found.dir, optional: false });
    for (const dep of Object.keys(found.pkg.optionalDependencies ?? {}))
      queue.push({ name: dep, from: found.dir, optional: true });
    for (const [dep, meta] of Object.entries(found.pkg.peerDependenciesMeta ?? {}))
      if (!meta?.optional && found.pkg.peerDependencies?.[dep])
        queue.push({ name: dep, from: found.dir, optional: true });
  }
  return [...seen.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1,
  );
}

export function renderNotices(deps) {
  const rule = '='.repeat(78);
  const out = [
    '秘书处工作台 — 第三方软件许可声明 / THIRD-PARTY SOFTWARE NOTICES',
    '',
    `本软件包含以下 ${deps.length} 个第三方软件包（运行时依赖），各自依其许可证授权。`,
    'This product includes the following third-party packages, each under its own licence.',
    'Electron and Chromium: see LICENSE and LICENSES.chromium.html next to the executable.',
    '',
    ...deps.map((d) => `- ${d.name} ${d.version} — ${d.license}`),
    '',
  ];
  for (const d of deps) {
    out.push(rule, `${d.name} ${d.version}`, `License: ${d.license}`);
    if (d.repository) out.push(`Source: ${d.repository}`);
    out.push(rule, '');
    if (!d.licenceTexts.length) out.push(`(该软件包未附带许可证文本；许可证标识：${d.license})`, '');
    for (const l of d.licenceTexts) out.push(`--- ${l.file} ---`, l.text, '');
    for (const n of d.notices) out.push(`--- ${n.file} ---`, n.text, '');
  }
  return `${out.join('\n')}\n`;
}

/** Writes the notices file; returns how many packages it names. */
export function writeThirdPartyNotices(outFile, projectRoot = root) {
  const deps = collectRuntimeDependencies(projectRoot);
  const target = path.resolve(projectRoot, outFile);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, renderNotices(deps));
  return { count: deps.length, file: target };
}
