/**
 * The annual report as sections: a heading, a generated summary (the figures in words, for the clerk to edit
 * in Word afterwards) and its tables. One model for the three outputs: the view, the Word document
 * (shared/documents/annualReport.ts) and the Excel workbook (one sheet per table). Pure.
 */
import { citeArticles, formatChineseDate } from '../charter';
import {
  BODY_LABEL,
  MEETING_FORM_LABEL,
  MEMBER_STATUS_LABEL,
  OFFICE_LABEL,
  TIER_LABEL,
} from '../domain/types';
import { TIERS_HIGHEST_FIRST } from '../domain/types';
import {
  BODY_RULE,
  EXIT_KINDS,
  EXIT_LABEL,
  EXIT_RULE,
  REPORT_STATUSES,
  type AnnualReport,
  type TierCounts,
} from './figures';
import { TIERS } from '../charter';

export type ReportCell = string | number;

export interface ReportColumn {
  label: string;
  /** Relative width, in characters (Excel column width; Word scales them to the type area). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface ReportTable {
  /** Stable id (tests, anchors). */
  id: string;
  /** Excel sheet name (≤ 31 characters, unique). */
  sheet: string;
  /** Caption: 表 n\u3000title. */
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Printed instead of an empty table. */
  empty: string;
}

export interface ReportSection {
  id: 'membership' | 'dues' | 'meetings' | 'programmes' | 'documents' | 'activities';
  heading: string;
  summary: string[];
  tables: ReportTable[];
}

/** 30,000 (integer yuan with thousands separators). */
export function yuanText(n: number): string {
  const s = String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${s}` : s;
}

export function reportTitle(year: number): string {
  return `中国网络安全产业联盟秘书处${year}年度工作报告（统计部分）`;
}

/** 截至 2026 年 12 月 1 日 — or 2026 年全年 when the year is over. */
export function periodText(r: Pick<AnnualReport, 'year' | 'end'>): string {
  return r.end === `${r.year}-12-31`
    ? `${r.year} 年全年`
    : `${r.year} 年 1 月 1 日至${formatChineseDate(r.end)}`;
}

const num = (c: { width?: number } = {}): ReportColumn => ({
  label: '',
  width: c.width ?? 10,
  align: 'right',
});
const col = (label: string, width: number, align: ReportColumn['align'] = 'left'): ReportColumn => ({
  label,
  width,
  align,
});
const n = (label: string, width = 10): ReportColumn => ({ ...num({ width }), label });

function tierWords(c: TierCounts): string {
  return TIERS.slice()
    .reverse()
    .filter((t) => c[t] > 0)
    .map((t) => `${TIER_LABEL[t]} ${c[t]} 家`)
    .join('、');
}

function delta(a: number, b: number, unit: string): string {
  return b > a ? `增加 ${b - a} ${unit}` : b < a ? `减少 ${a - b} ${unit}` : '持平';
}

function membershipSection(r: AnnualReport, caption: (t: string) => string): ReportSection {
  const m = r.membership;
  const endDate = formatChineseDate(r.end);
  const summary = [
    `截至${endDate}，联盟共有会员单位 ${m.end.total} 家，较年初（${m.start.total} 家）${delta(m.start.total, m.end.total, '家')}${m.end.total > 0 ? `；其中${tierWords(m.end)}` : ''}。`,
    `本年度经常务理事会批准新入会 ${m.joined.length} 家；离开联盟 ${m.left.length} 家，其中${EXIT_KINDS.map((k) => `${EXIT_LABEL[k]} ${m.leftByKind[k]} 家`).join('、')}；会员级别变更 ${m.tierChanges.length} 家次。`,
    `截至${endDate}，近 12 个月内参加过联盟活动或会议的会员单位 ${m.activity.active} 家，连续 12 个月未参加联盟活动的 ${m.activity.inactive.length} 家（章程第十二条，视为自动退会的候选，须经秘书处核实确认）。`,
  ];
  const tierRows: ReportCell[][] = TIERS_HIGHEST_FIRST.map((t) => [
    TIER_LABEL[t],
    m.start[t],
    m.end[t],
    m.end[t] - m.start[t],
  ]);
  tierRows.push(['合计', m.start.total, m.end.total, m.end.total - m.start.total]);
  const statusRows: ReportCell[][] = REPORT_STATUSES.map((s) => [
    MEMBER_STATUS_LABEL[s],
    m.startStatus[s],
    m.endStatus[s],
  ]);
  statusRows.push(['合计', m.startStatus.total, m.endStatus.total]);
  return {
    id: 'membership',
    heading: '会员情况',
    summary,
    tables: [
      {
        id: 'members-by-tier',
        sheet: '会员按级别',
        title: caption('会员单位数量（按级别）'),
        columns: [col('会员级别', 16), n('年初（家）'), n('期末（家）'), n('增减（家）')],
        rows: tierRows,
        empty: '',
      },
      {
        id: 'members-by-status',
        sheet: '会员按状态',
        title: caption('会员记录（按状态）'),
        columns: [col('状态', 16), n('年初（家）'), n('期末（家）')],
        rows: statusRows,
        empty: '',
      },
      {
        id: 'members-monthly',
        sheet: '会员逐月',
        title: caption('各月末会员单位数量'),
        columns: [
          col('月份', 10, 'center'),
          ...TIERS_HIGHEST_FIRST.map((t) => n(TIER_LABEL[t], 12)),
          n('合计'),
        ],
        rows: m.monthly.map((x) => [
          `${x.month}月`,
          ...TIERS_HIGHEST_FIRST.map((t) => x.counts[t]),
          x.counts.total,
        ]),
        empty: '',
      },
      {
        id: 'members-joined',
        sheet: '新入会',
        title: caption('本年度新入会会员单位'),
        columns: [
          col('序号', 6, 'center'),
          col('单位名称', 36),
          col('会员级别', 14),
          col('批准日期', 12, 'center'),
        ],
        rows: m.joined.map((j, i) => [i + 1, j.name, TIER_LABEL[j.tier], j.approvedOn]),
        empty: '本年度无新入会会员单位。',
      },
      {
        id: 'members-left',
        sheet: '离开联盟',
        title: caption('本年度离开联盟的会员单位'),
        columns: [
          col('序号', 6, 'center'),
          col('单位名称', 30),
          col('方式', 10, 'center'),
          col('日期', 12, 'center'),
          col('原因', 20),
        ],
        rows: m.left.map((l, i) => [
          i + 1,
          l.name,
          `${EXIT_LABEL[l.how]}（${EXIT_RULE[l.how]}）`,
          l.on,
          l.reason,
        ]),
        empty: '本年度无会员单位离开联盟。',
      },
      {
        id: 'members-tier-changes',
        sheet: '级别变更',
        title: caption('本年度会员级别变更'),
        columns: [
          col('序号', 6, 'center'),
          col('单位名称', 30),
          col('原级别', 12),
          col('新级别', 12),
          col('生效日期', 12, 'center'),
          col('原因', 14),
        ],
        rows: m.tierChanges.map((c, i) => [
          i + 1,
          c.name,
          c.from ? TIER_LABEL[c.from] : '—',
          TIER_LABEL[c.to],
          c.on,
          c.reason,
        ]),
        empty: '本年度无会员级别变更。',
      },
      {
        id: 'members-activity',
        sheet: '活跃度',
        title: caption('各月参加联盟活动或会议的会员单位（R-M7）'),
        columns: [col('月份', 10, 'center'), n('参加单位（家）', 16)],
        rows: m.activity.byMonth.map((x) => [`${x.month}月`, x.units]),
        empty: '',
      },
      {
        id: 'members-inactive',
        sheet: '连续12个月未参加',
        title: caption('连续 12 个月未参加联盟活动的会员单位（R-M7）'),
        columns: [
          col('序号', 6, 'center'),
          col('单位名称', 34),
          col('最近参加日期', 14, 'center'),
          col('起算日期', 14, 'center'),
        ],
        rows: m.activity.inactive.map((x, i) => [
          i + 1,
          x.name,
          x.lastParticipationOn ?? '从未参加',
          x.since,
        ]),
        empty: '没有连续 12 个月未参加联盟活动的会员单位。',
      },
    ],
  };
}

function duesSection(r: AnnualReport, caption: (t: string) => string): ReportSection {
  const d = r.dues;
  const endDate = formatChineseDate(r.end);
  const rate = d.due > 0 ? Math.floor((d.collected * 1000) / d.due) / 10 : 0;
  const earlier = d.receivedInYear.filter((x) => x.forYear < r.year);
  const summary = [
    `${r.year} 年度应收会费 ${d.units} 家、人民币 ${yuanText(d.due)} 元，截至${endDate}已收 ${yuanText(d.collected)} 元（收缴率 ${rate}%），未收 ${yuanText(d.outstanding)} 元，其中已逾期欠缴 ${yuanText(d.arrears)} 元（${d.arrearsList.length} 家，章程第三十二条）。`,
    `本年度实际收到会费 ${yuanText(d.receivedTotal)} 元，其中补缴以前年度会费 ${yuanText(d.receivedForEarlierYears)} 元${earlier.length ? `（${earlier.map((x) => `${x.forYear} 年度 ${yuanText(x.amount)} 元`).join('、')}）` : ''}；经秘书处调整应缴金额的 ${d.overrides.length} 家，调整理由见下表。`,
  ];
  if (r.year < d.trackedFrom)
    summary.push(
      `注：${r.year} 年早于会费台账起始年度（${d.trackedFrom} 年），此前的缴费未录入，欠缴数字仅供参考。`,
    );
  const tierRows: ReportCell[][] = TIERS_HIGHEST_FIRST.map((t) => {
    const x = d.byTier.find((b) => b.tier === t)!;
    return [TIER_LABEL[t], x.units, x.due, x.collected, x.outstanding, x.arrears];
  });
  tierRows.push(['合计', d.units, d.due, d.collected, d.outstanding, d.arrears]);
  return {
    id: 'dues',
    heading: '会费收缴情况',
    summary,
    tables: [
      {
        id: 'dues-by-tier',
        sheet: '会费按级别',
        title: caption(`${r.year} 年度会费收缴（按级别，元）`),
        columns: [
          col('会员级别', 14),
          n('单位（家）', 9),
          n('应缴', 11),
          n('已缴', 11),
          n('未缴', 11),
          n('逾期欠缴', 11),
        ],
        rows: tierRows,
        empty: '',
      },
      {
        id: 'dues-by-month',
        sheet: '会费按月',
        title: caption(`${r.year} 年度会费按月应缴与收缴（元）`),
        columns: [
          col('月份', 8, 'center'),
          n('当月到期', 11),
          n('当月收缴', 11),
          n('累计应缴', 11),
          n('累计已缴', 11),
          n('累计未缴', 11),
        ],
        rows: d.byMonth.map((x) => [
          `${x.month}月`,
          x.due,
          x.collected,
          x.cumulativeDue,
          x.cumulativeCollected,
          Math.max(0, x.cumulativeDue - x.cumulativeCollected),
        ]),
        empty: '',
      },
      {
        id: 'dues-received',
        sheet: '本年收款',
        title: caption('本年度收到的会费（按所属年度，元）'),
        columns: [col('所属年度', 12, 'center'), n('笔数', 8), n('金额', 12)],
        rows: [
          ...d.receivedInYear.map((x) => [`${x.forYear} 年度`, x.payments, x.amount] as ReportCell[]),
          ['合计', d.receivedInYear.reduce((s, x) => s + x.payments, 0), d.receivedTotal],
        ],
        empty: '',
      },
      {
        id: 'dues-overrides',
        sheet: '会费调整',
        title: caption('调整应缴金额的会员单位（R-D5）'),
        columns: [
          col('序号', 6, 'center'),
          col('单位名称', 30),
          n('标准金额', 10),
          n('调整后', 10),
          col('理由', 22),
        ],
        rows: d.overrides.map((o, i) => [i + 1, o.name, o.standard, o.amount, o.reason]),
        empty: '本年度无调整。',
      },
      {
        id: 'dues-arrears',
        sheet: '欠缴名单',
        title: caption(`${r.year} 年度会费欠缴名单（已逾期）（R-D7）`),
        columns: [
          col('序号', 6, 'center'),
          col('单位名称', 28),
          col('级别', 12),
          n('应缴', 9),
          n('已缴', 9),
          n('欠缴', 9),
          col('截止日期', 14, 'center'),
        ],
        rows: d.arrearsList.map((a, i) => [
          i + 1,
          a.name,
          TIER_LABEL[a.tier],
          a.due,
          a.paid,
          a.outstanding,
          a.dueOn,
        ]),
        empty: '没有逾期欠缴的会员单位。',
      },
    ],
  };
}

function meetingsSection(r: AnnualReport, caption: (t: string) => string): ReportSection {
  const g = r.meetings;
  const bodyWords = g.byBody
    .map(
      (b) =>
        `${BODY_LABEL[b.body]} ${b.held} 次（章程要求${b.body === 'standing' ? '每半年至少 1 次' : '每年至少 1 次'}）`,
    )
    .join('、');
  const missed = g.byBody.flatMap((b) =>
    b.periods.filter((p) => p.status === 'missed').map((p) => p.message),
  );
  const summary = [
    `本年度召开${bodyWords}${missed.length ? `；${missed.join('；')}` : '，均符合章程规定的召开频次'}。`,
    `各次会议共审议议案 ${g.motions.length} 项，通过 ${g.adopted} 项，未通过 ${g.notAdopted} 项，待指导单位批准 ${g.awaitingGuidingUnit} 项${g.undecided ? `，尚未表决 ${g.undecided} 项` : ''}。`,
    `本年度新任职务 ${g.elections.length} 人次；${r.year + 1} 年任期届满的职务 ${g.endingNextYear.length} 个，需提前筹备换届。`,
  ];
  return {
    id: 'meetings',
    heading: '会议情况',
    summary,
    tables: [
      {
        id: 'meetings-by-body',
        sheet: '会议频次',
        title: caption('各机构召开会议次数与章程要求'),
        columns: [
          col('机构', 12),
          n('召开次数', 9),
          n('未达法定人数', 12),
          col('章程要求', 14),
          col('执行情况', 24),
        ],
        rows: g.byBody.map((b) => [
          BODY_LABEL[b.body],
          b.held,
          b.notQuorate,
          `${b.body === 'standing' ? '每半年至少 1 次' : '每年至少 1 次'}（${BODY_RULE[b.body]}）`,
          b.periods.map((p) => p.message).join('；'),
        ]),
        empty: '',
      },
      {
        id: 'meetings-list',
        sheet: '会议出席',
        title: caption('各次会议出席情况'),
        columns: [
          col('日期', 14, 'center'),
          col('会议名称', 27),
          col('形式', 6, 'center'),
          n('应到', 6),
          n('实到', 6),
          n('出席率', 8),
          n('议案', 6),
          n('通过', 6),
        ],
        rows: g.meetings.map((x) => [
          x.date,
          x.name,
          MEETING_FORM_LABEL[x.form],
          x.entitled,
          x.present,
          `${x.rate}%`,
          x.motions,
          x.adopted,
        ]),
        empty: '本年度未召开会议。',
      },
      {
        id: 'meetings-motions',
        sheet: '议案',
        title: caption('议案表决结果'),
        columns: [col('日期', 13, 'center'), col('机构', 11), col('议案', 28), col('结果', 18)],
        rows: g.motions.map((x) => [x.date, BODY_LABEL[x.body], x.title, x.label]),
        empty: '本年度无议案。',
      },
      {
        id: 'meetings-elections',
        sheet: '任职',
        title: caption('本年度新任职务'),
        columns: [col('职务', 14), col('姓名', 14), col('任期起', 12, 'center'), col('任期止', 12, 'center')],
        rows: g.elections.map((x) => [OFFICE_LABEL[x.role], x.holderName, x.startOn, x.endOn]),
        empty: '本年度无新任职务。',
      },
      {
        id: 'meetings-ending',
        sheet: '次年届满',
        title: caption(`${r.year + 1} 年任期届满的职务`),
        columns: [
          col('序号', 6, 'center'),
          col('职务', 14),
          col('姓名', 14),
          col('任期届满日', 14, 'center'),
        ],
        rows: g.endingNextYear.map((x, i) => [i + 1, OFFICE_LABEL[x.role], x.holderName, x.endsOn]),
        empty: `${r.year + 1} 年无任期届满的职务。`,
      },
    ],
  };
}

function programmesSection(r: AnnualReport, caption: (t: string) => string): ReportSection {
  const p = r.programmes;
  const sum = (f: (x: (typeof p)[number]) => number) => p.reduce((s, x) => s + f(x), 0);
  return {
    id: 'programmes',
    heading: '专项行动',
    summary: [
      p.length === 0
        ? '本年度未开展专项行动。'
        : `本年度开展专项行动 ${p.length} 项，邀请会员单位 ${sum((x) => x.invited)} 家次，提交申请 ${sum((x) => x.applied)} 家次，审核通过 ${sum((x) => x.approved)} 家次，颁发成员单位证书 ${sum((x) => x.issued)} 份，收回证书 ${sum((x) => x.returned)} 份。`,
    ],
    tables: [
      {
        id: 'programmes',
        sheet: '专项行动',
        title: caption('专项行动参与情况'),
        columns: [
          col('专项行动', 26),
          n('年度', 6),
          n('邀请', 7),
          n('申请', 7),
          n('通过', 7),
          n('发证', 7),
          n('收回', 7),
        ],
        rows: p.map((x) => [x.name, x.callYear, x.invited, x.applied, x.approved, x.issued, x.returned]),
        empty: '无。',
      },
    ],
  };
}

function documentsSection(r: AnnualReport, caption: (t: string) => string): ReportSection {
  const d = r.documents;
  return {
    id: 'documents',
    heading: '发文情况',
    summary: [
      `本年度秘书处共发文 ${d.issued} 件，其中${d.byType.map((x) => `${x.type} ${x.issued} 件`).join('、')}；作废文号 ${d.voided.length} 个（文号不重复使用）（R-W1）；颁发证书批次 ${d.batches.length} 批、证书 ${d.batches.reduce((s, b) => s + b.certificates, 0)} 份。`,
    ],
    tables: [
      {
        id: 'documents-by-type',
        sheet: '发文按类型',
        title: caption('发文数量（按类型）'),
        columns: [col('类型', 16), n('件数', 10)],
        rows: [...d.byType.map((x) => [x.type, x.issued] as ReportCell[]), ['合计', d.issued]],
        empty: '',
      },
      {
        id: 'documents-voided',
        sheet: '作废文号',
        title: caption('作废文号'),
        columns: [col('文号', 22), col('标题', 30), col('作废原因', 20)],
        rows: d.voided.map((x) => [x.docNumber, x.title, x.reason]),
        empty: '本年度无作废文号。',
      },
      {
        id: 'documents-batches',
        sheet: '证书批次',
        title: caption('证书批次'),
        columns: [col('文号', 22), col('标题', 30), col('日期', 12, 'center'), n('证书（份）', 10)],
        rows: d.batches.map((x) => [x.docNumber, x.title, x.date, x.certificates]),
        empty: '本年度无证书批次。',
      },
    ],
  };
}

function activitiesSection(r: AnnualReport, caption: (t: string) => string): ReportSection {
  const a = r.activities;
  const total = a.reduce((s, x) => s + x.units, 0);
  return {
    id: 'activities',
    heading: '联盟活动',
    summary: [
      a.length === 0
        ? '本年度未登记联盟活动。'
        : `本年度组织联盟活动 ${a.length} 场，参加会员单位共 ${total} 家次，平均每场 ${Math.round(total / a.length)} 家。`,
    ],
    tables: [
      {
        id: 'activities',
        sheet: '活动',
        title: caption('联盟活动及参加单位'),
        columns: [
          col('日期', 12, 'center'),
          col('活动名称', 34),
          col('类型', 8, 'center'),
          n('参加单位（家）', 12),
        ],
        rows: a.map((x) => [x.date, x.name, x.kind, x.units]),
        empty: '本年度未登记联盟活动。',
      },
    ],
  };
}

/**
 * The six sections with their summaries and tables, tables numbered 表1 … in order. The texts are written
 * with rule ids; what the clerk reads cites the charter's articles instead (`citeArticles`: （R-M7） →
 * （章程第十二条）; rules from the notices, R-W*, are dropped).
 */
export function reportSections(r: AnnualReport): ReportSection[] {
  let k = 0;
  const caption = (t: string) => `表${++k}\u3000${t}`;
  const cite = (v: ReportCell): ReportCell => (typeof v === 'string' ? citeArticles(v) : v);
  return [
    membershipSection(r, caption),
    duesSection(r, caption),
    meetingsSection(r, caption),
    programmesSection(r, caption),
    documentsSection(r, caption),
    activitiesSection(r, caption),
  ].map((s) => ({
    ...s,
    summary: s.summary.map(citeArticles),
    tables: s.tables.map((t) => ({
      ...t,
      title: citeArticles(t.title),
      empty: citeArticles(t.empty),
      rows: t.rows.map((row) => row.map(cite)),
    })),
  }));
}

/** A cell as printed (amounts with thousands separators in columns whose label is not a count). */
export function cellText(v: ReportCell): string {
  return typeof v === 'number' ? yuanText(v) : v;
}
