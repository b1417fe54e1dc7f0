/**
 * Member roster import: header detection, column → field mapping, row validation. Pure.
 * Validation calls the charter engine (R-M2 credit code); nothing here re-implements a rule.
 */
import { explainCreditCode } from '../charter';
import { FIELD_LABEL } from '../domain/audit';
import type { MemberFields } from '../domain/records';
import { TIER_LABEL, type Tier } from '../domain/types';
import { cleanCell, MAX_CELL_CHARS } from './sanitize';

/** Most rows one import reads; larger files are refused with a message (split the file). */
export const MAX_IMPORT_ROWS = 20_000;

export const IMPORT_FIELDS = [
  'name',
  'creditCode',
  'tier',
  'approvedOn',
  'region',
  'nature',
  'business',
  'postalAddress',
  'representative.name',
  'representative.position',
  'representative.mobile',
  'representative.email',
  'contact.name',
  'contact.position',
  'contact.mobile',
  'contact.email',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** A column mapped to '' is not imported. */
export type ColumnMapping = (ImportField | '')[];

/** Each field's Chinese name: the audit trail's (one name per field everywhere). */
export const IMPORT_FIELD_LABEL = Object.fromEntries(
  IMPORT_FIELDS.map((f) => [f, FIELD_LABEL[f] ?? f]),
) as Record<ImportField, string>;

/** Header texts (normalised: no spaces/punctuation) that map to each field. */
const ALIASES: Record<ImportField, string[]> = {
  name: [
    '单位名称',
    '会员单位名称',
    '会员名称',
    '单位',
    '名称',
    '企业名称',
    '公司名称',
    '会员单位',
    '机构名称',
  ],
  creditCode: [
    '统一社会信用代码',
    '信用代码',
    '社会信用代码',
    '统一代码',
    '统一社会信用代码证号',
    '组织机构代码',
  ],
  tier: ['会员级别', '级别', '会员类别', '会员类型', '类别'],
  approvedOn: ['入会日期', '入会时间', '批准日期', '入会年月'],
  region: ['注册地', '注册地址', '所在地', '地区', '所在地区', '省份'],
  nature: ['单位性质', '性质', '企业性质'],
  business: ['主营业务', '业务范围', '主要业务'],
  postalAddress: ['邮寄地址', '通讯地址', '联系地址', '地址'],
  'representative.name': ['会员代表', '代表', '代表姓名', '会员代表姓名', '法定代表人'],
  'representative.position': ['代表职务', '会员代表职务', '职务'],
  'representative.mobile': [
    '代表手机',
    '会员代表手机',
    '代表电话',
    '会员代表电话',
    '手机',
    '手机号',
    '手机号码',
    '电话',
  ],
  'representative.email': ['代表邮箱', '会员代表邮箱', '邮箱', '电子邮箱', 'email', '电子邮件'],
  'contact.name': ['联系人', '联系人姓名'],
  'contact.position': ['联系人职务'],
  'contact.mobile': ['联系人手机', '联系人电话', '联系电话', '联系人手机号'],
  'contact.email': ['联系人邮箱', '联系人电子邮箱'],
};

const GROUP_PREFIX: Record<string, 'representative' | 'contact'> = {
  会员代表: 'representative',
  代表: 'representative',
  联系人: 'contact',
};
const SUB_FIELD: Record<string, 'name' | 'position' | 'mobile' | 'email'> = {
  姓名: 'name',
  名字: 'name',
  职务: 'position',
  职位: 'position',
  手机: 'mobile',
  手机号: 'mobile',
  手机号码: 'mobile',
  电话: 'mobile',
  邮箱: 'email',
  电子邮箱: 'email',
  email: 'email',
};

export function normaliseHeader(h: string): string {
  return cleanCell(h)
    .toLowerCase()
    .replace(/[\s:：（）()\-_*·.、/]/g, '');
}

/** The field a header names (with the merged group title above it, e.g. 会员代表 / 手机), or ''. */
export function guessField(header: string, group = ''): ImportField | '' {
  const h = normaliseHeader(header);
  const g = normaliseHeader(group);
  if (g && GROUP_PREFIX[g]) {
    const sub = SUB_FIELD[h];
    if (sub) return `${GROUP_PREFIX[g]}.${sub}`;
  }
  if (!h) return '';
  for (const f of IMPORT_FIELDS) if (ALIASES[f].includes(h)) return f;
  return '';
}

/** Maps every column, each field at most once (the first column that names it wins). */
export function guessMapping(headers: readonly string[], groups: readonly string[] = []): ColumnMapping {
  const used = new Set<string>();
  return headers.map((h, i) => {
    const f = guessField(h, groups[i] ?? '');
    if (!f || used.has(f)) return '';
    used.add(f);
    return f;
  });
}

/**
 * The header row: among the first 15 rows, the one whose cells name the most fields (at least 2).
 * Returns -1 when none does. A title row (e.g. 「会员名录」 merged across the table) is skipped.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  let best = -1;
  let bestScore = 1;
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const row = rows[r]!;
    const above = r > 0 ? rows[r - 1]! : [];
    const score = new Set(row.map((h, i) => guessField(h, above[i] ?? '')).filter(Boolean)).size;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** A stored mapping (db.settings 'importMapping'): header text → field, reused for the next file. */
export type RememberedMapping = Record<string, ImportField | ''>;

export function applyRemembered(
  headers: readonly string[],
  guessed: ColumnMapping,
  remembered: RememberedMapping | undefined,
): ColumnMapping {
  if (!remembered) return guessed;
  const out = guessed.map((g, i) => {
    const key = normaliseHeader(headers[i] ?? '');
    const r = Object.prototype.hasOwnProperty.call(remembered, key) ? remembered[key] : undefined;
    return r !== undefined && (r === '' || (IMPORT_FIELDS as readonly string[]).includes(r)) ? r : g;
  });
  // Keep each field at most once.
  const used = new Set<string>();
  return out.map((f) => {
    if (!f || used.has(f)) return '';
    used.add(f);
    return f;
  });
}

export function rememberMapping(headers: readonly string[], mapping: ColumnMapping): RememberedMapping {
  const out: RememberedMapping = Object.create(null) as RememberedMapping;
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key) out[key] = mapping[i] ?? '';
  });
  return { ...out };
}

export type RowValues = Record<ImportField, string>;

export interface RowProblem {
  field: ImportField | 'row';
  message: string;
}

export interface RosterRow {
  /** Row number in the file as the clerk sees it in Excel (1-based). */
  line: number;
  values: RowValues;
  /** Problems found while reading the cells (over-long text); cleared for a field when the clerk edits it. */
  cellProblems: RowProblem[];
  /** Every problem, set by `validateRows`. */
  problems: RowProblem[];
}

function emptyValues(): RowValues {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, ''])) as RowValues;
}

/** Reads one data row through the mapping. Cells are cleaned; over-long cells are recorded as problems. */
export function mapRow(cells: readonly string[], mapping: ColumnMapping, line: number): RosterRow {
  const values = emptyValues();
  const cellProblems: RowProblem[] = [];
  mapping.forEach((field, i) => {
    if (!field) return;
    const raw = cells[i] ?? '';
    if (raw.length > MAX_CELL_CHARS) {
      cellProblems.push({
        field,
        message: `${IMPORT_FIELD_LABEL[field]}过长（${raw.length} 个字符，最多 ${MAX_CELL_CHARS} 个）`,
      });
      values[field] = cleanCell(raw.slice(0, 200)) + '…';
      return;
    }
    values[field] = cleanCell(raw);
  });
  return { line, values, cellProblems, problems: [...cellProblems] };
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => cleanCell(c) === '');
}

const TIER_WORDS: Record<string, Tier> = {
  会员单位: 'member',
  会员: 'member',
  普通会员: 'member',
  member: 'member',
  理事单位: 'director',
  理事: 'director',
  director: 'director',
  常务理事单位: 'standing',
  常务理事: 'standing',
  standing: 'standing',
  理事长单位: 'chair',
  理事长: 'chair',
  chair: 'chair',
};

/** The tier a cell names; empty → 会员单位; unknown → null. */
export function parseTier(text: string): Tier | null {
  const t = normaliseHeader(text);
  if (!t) return 'member';
  return Object.prototype.hasOwnProperty.call(TIER_WORDS, t) ? TIER_WORDS[t]! : null;
}

/** `YYYY-MM-DD` from 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日; '' for empty; null when unreadable. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  if (!t) return '';
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Normalises a mobile number: drops spaces/dashes and a +86 prefix. */
export function normaliseMobile(text: string): string {
  return text.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

const MOBILE_RE = /^1[3-9]\d{9}$/;
const LANDLINE_RE = /^0\d{2,3}\d{7,8}(转\d{1,6})?$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ExistingKeys {
  /** credit code → name of the member already in the database. */
  creditCodes: ReadonlyMap<string, string>;
  /** unit name → credit code of the member already in the database. */
  names: ReadonlyMap<string, string>;
}

/**
 * Checks every row: required name and credit code (R-M1, R-M2 via `explainCreditCode`), tier, dates,
 * phones and e-mails, duplicates within the file and against the database. Mutates nothing; returns
 * new rows with `problems` (the row's own cell-length problems kept first).
 */
export function validateRows(
  rows: readonly RosterRow[],
  existing: ExistingKeys,
  skip: ReadonlySet<number> = new Set(),
): RosterRow[] {
  const seenCode = new Map<string, number>();
  const seenName = new Map<string, number>();
  return rows.map((row) => {
    const problems: RowProblem[] = [...row.cellProblems];
    const v = row.values;
    if (!v.name) problems.push({ field: 'name', message: '缺少单位名称' });
    const codeProblem = explainCreditCode(v.creditCode);
    if (codeProblem) problems.push({ field: 'creditCode', message: codeProblem });
    if (v.tier && parseTier(v.tier) === null) {
      problems.push({
        field: 'tier',
        message: `无法识别的会员级别“${v.tier}”（应为 ${Object.values(TIER_LABEL).join('、')}）`,
      });
    }
    if (v.approvedOn && parseDate(v.approvedOn) === null) {
      problems.push({
        field: 'approvedOn',
        message: `入会日期“${v.approvedOn}”无法识别（应为 2024-05-01 这样的日期）`,
      });
    }
    for (const who of ['representative', 'contact'] as const) {
      const mobile = v[`${who}.mobile`];
      if (mobile) {
        const n = normaliseMobile(mobile);
        if (!MOBILE_RE.test(n) && !LANDLINE_RE.test(n)) {
          problems.push({
            field: `${who}.mobile`,
            message: `${IMPORT_FIELD_LABEL[`${who}.mobile`]}“${mobile}”不是有效的手机或电话号码`,
          });
        }
      }
      const email = v[`${who}.email`];
      if (email && !EMAIL_RE.test(email)) {
        problems.push({
          field: `${who}.email`,
          message: `${IMPORT_FIELD_LABEL[`${who}.email`]}“${email}”格式不正确`,
        });
      }
    }
    if (!skip.has(row.line)) {
      if (v.creditCode) {
        const inDb = existing.creditCodes.get(v.creditCode);
        if (inDb !== undefined)
          problems.push({ field: 'creditCode', message: `该信用代码已属于现有会员“${inDb}”` });
        const first = seenCode.get(v.creditCode);
        if (first !== undefined)
          problems.push({ field: 'creditCode', message: `与第 ${first} 行的信用代码重复` });
        else seenCode.set(v.creditCode, row.line);
      }
      if (v.name) {
        const inDb = existing.names.get(v.name);
        if (inDb !== undefined)
          problems.push({ field: 'name', message: `已有同名会员单位（信用代码 ${inDb}）` });
        const first = seenName.get(v.name);
        if (first !== undefined) problems.push({ field: 'name', message: `与第 ${first} 行的单位名称重复` });
        else seenName.set(v.name, row.line);
      }
    }
    return { ...row, problems };
  });
}

/** The member fields of a valid row (call only when `problems` is empty). */
export function rowToFields(v: RowValues): MemberFields & { approvedOn?: string } {
  const out: MemberFields & { approvedOn?: string } = {
    name: v.name,
    creditCode: v.creditCode,
    region: v.region,
    nature: v.nature,
    business: v.business,
    tier: parseTier(v.tier) ?? 'member',
    representative: {
      name: v['representative.name'],
      position: v['representative.position'],
      mobile: normaliseMobile(v['representative.mobile']),
      email: v['representative.email'],
    },
    contact: {
      name: v['contact.name'],
      position: v['contact.position'],
      mobile: normaliseMobile(v['contact.mobile']),
      email: v['contact.email'],
    },
    postalAddress: v.postalAddress,
  };
  const d = parseDate(v.approvedOn);
  if (d) out.approvedOn = d;
  return out;
}
