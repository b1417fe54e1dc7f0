/**
 * Document benchmarks (Node): one notice against the zip floor, and 500 certificates against
 * docxtemplater. Bundled by scripts/bench.mjs with esbuild and run in its own Node process; prints one
 * JSON line of BenchResult[] on stdout.
 */
import JSZip from 'jszip';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { performance } from 'node:perf_hooks';
import {
  buildCertificate,
  buildCertificatesBatch,
  buildSunshineCallNotice,
  formatCnDate,
  type CertificateInput,
} from '../../shared/documents';
import { generateDemo } from '../../shared/demo/generate';
import { interleaved, median, result, round, type BenchResult } from '../stats';

const now = () => performance.now();
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

/** The parts of a .docx, in its order, as the builder wrote them. */
async function partsOf(docx: Uint8Array): Promise<[string, Uint8Array][]> {
  const zip = await JSZip.loadAsync(docx);
  const out: [string, Uint8Array][] = [];
  for (const f of Object.values(zip.files)) if (!f.dir) out.push([f.name, await f.async('uint8array')]);
  return out;
}

/** The floor: JSZip compressing the given parts (DEFLATE, its default level 6). */
async function zipFloor(parts: [string, Uint8Array][]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of parts) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

async function noticeBench(): Promise<BenchResult> {
  // The real call notice of the seed: the notice, 附件1 the application form, 附件2 the declaration.
  const parts = await partsOf(await buildSunshineCallNotice());
  const t = await interleaved(
    { builder: () => buildSunshineCallNotice(), floor: () => zipFloor(parts) },
    { warmup: 5, runs: RUNS * 3, now },
  );
  const b = median(t.builder);
  const f = median(t.floor);
  return result({
    id: 'notice',
    what: '生成一份通知（阳光行动征集通知及附件1、附件2）',
    value: b / f,
    unit: '×',
    limit: 1.5,
    details: {
      builderMs: round(b, 2),
      jszipFloorMs: round(f, 2),
      parts: parts.length,
      xmlBytes: parts.reduce((n, [, d]) => n + d.byteLength, 0),
      runs: t.builder.length,
    },
  });
}

const PLACEHOLDER_UNIT = '甲乙丙丁单位名称占位';
const PLACEHOLDER_NO = 'ZSBH-PLACEHOLDER';

/**
 * An equivalent one-page docxtemplater template: our own certificate with its three variable texts
 * replaced by {unitName}, {certificateNo} and {date} tags (same parts, same layout).
 */
async function certificateTemplate(issuedOn: string): Promise<Uint8Array> {
  const docx = await buildCertificate({
    kind: 'member',
    unitName: PLACEHOLDER_UNIT,
    certificateNo: PLACEHOLDER_NO,
    issuedOn,
    issuer: '中国网络安全产业联盟',
  });
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const date = formatCnDate(issuedOn);
  const tagged = xml
    .replace(PLACEHOLDER_UNIT, '{unitName}')
    .replace(PLACEHOLDER_NO, '{certificateNo}')
    .replace(date, '{date}');
  if (
    !/\{unitName\}[\s\S]*/.test(tagged) ||
    !tagged.includes('{certificateNo}') ||
    !tagged.includes('{date}')
  )
    throw new Error('证书模板制作失败：找不到占位文字');
  zip.file('word/document.xml', tagged);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function docxtemplaterFill(template: Uint8Array, c: CertificateInput): Uint8Array {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render({ unitName: c.unitName, certificateNo: c.certificateNo, date: formatCnDate(c.issuedOn) });
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}

async function certificatesBench(): Promise<BenchResult[]> {
  const asOf = '2026-11-21';
  const members = generateDemo({ members: 500, asOf }).members;
  const list: CertificateInput[] = members.map((m, i) => ({
    kind: 'member',
    unitName: m.name,
    certificateNo: `CCIA-HY-2026-${String(i + 1).padStart(4, '0')}`,
    issuedOn: asOf,
    issuer: '中国网络安全产业联盟',
  }));
  const template = await certificateTemplate(asOf);
  // The template really fills: its output names the unit.
  const sample = await JSZip.loadAsync(docxtemplaterFill(template, list[0]!));
  if (!(await sample.file('word/document.xml')!.async('string')).includes(list[0]!.unitName))
    throw new Error('docxtemplater 输出中没有单位名称');

  const runs = Math.max(3, Math.round(RUNS / 2));
  const t = await interleaved(
    {
      docxtemplater: () => {
        for (const c of list) docxtemplaterFill(template, c);
      },
      files500: async () => {
        for (const c of list) await buildCertificate(c);
      },
      batch: () => buildCertificatesBatch(list),
    },
    { warmup: 1, runs, now },
  );
  const d = median(t.docxtemplater);
  const files = median(t.files500);
  const batch = median(t.batch);
  const common = { docxtemplaterMs: round(d), runs: t.batch.length, certificates: list.length };
  return [
    result({
      id: 'certificates-batch',
      what: '500 张证书合为一个 .docx',
      value: batch / d,
      unit: '×',
      limit: 1,
      details: { ...common, oursMs: round(batch) },
    }),
    result({
      id: 'certificates-files',
      what: '500 张证书，各为一个 .docx 文件',
      value: files / d,
      unit: '×',
      limit: 1,
      details: { ...common, oursMs: round(files) },
    }),
  ];
}

const only = process.argv[2];
const out: BenchResult[] = [];
if (!only || only === 'notice') out.push(await noticeBench());
if (!only || only === 'certificates') out.push(...(await certificatesBench()));
process.stdout.write(JSON.stringify(out) + '\n');
