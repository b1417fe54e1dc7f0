/**
 * Excel exports (.xlsx bytes): roster, a year's dues ledger, a meeting's attendance and votes, the
 * audit trail. Every cell is written as text or number, never as a formula; codes and phone numbers
 * are text so Excel keeps every digit.
 */
import * as XLSX from '@e965/xlsx';
import type { AuditEntry, Member } from '../../../shared/domain/records';
import {
  ATTENDANCE_LABEL,
  BODY_LABEL,
  MEETING_FORM_LABEL,
  MEMBER_STATUS_LABEL,
  TIER_LABEL,
  VOTE_LABEL,
} from '../../../shared/domain/types';
import {
  actionLabel,
  entityLabel,
  formatAuditTime,
  readableChanges,
  type AuditNames,
} from '../../../shared/data/auditView';
import { motionTally, UNCOUNTED_REASON } from '../../../shared/charter';
import type { DeskDB } from '../db/schema';
import { fileNamePart } from '../../../shared/data/fileName';

type Cell = string | number | null | undefined;

function sheet(header: string[], rows: Cell[][], widths?: number[]): XLSX.WorkSheet {
  const aoa = [header, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : c)))];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  // Text cells stay text (no formula, no number conversion).
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const c = ws[key] as XLSX.CellObject;
    if (c.t === 's') c.z = '@';
  }
  ws['!cols'] = header.map((h, i) => ({ wch: widths?.[i] ?? Math.max(8, Math.min(40, h.length * 2 + 2)) }));
  ws['!autofilter'] = {
    ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: header.length - 1 } }),
  };
  return ws;
}

function book(sheets: [string, XLSX.WorkSheet][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name.slice(0, 31));
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

/** The roster columns; the headers are those the import recognises, so an export re-imports as is. */
export const ROSTER_HEADER = [
  '序号',
  '单位名称',
  '统一社会信用代码',
  '会员级别',
  '状态',
  '入会日期',
  '注册地',
  '单位性质',
  '主营业务',
  '会员代表',
  '代表职务',
  '代表手机',
  '代表邮箱',
  '联系人',
  '联系人职务',
  '联系人手机',
  '联系人邮箱',
  '邮寄地址',
];

/** The roster of the given (already filtered) members, in the given order. */
export function rosterWorkbook(members: readonly Member[]): Uint8Array {
  const rows = members.map((m, i) => [
    i + 1,
    m.name,
    m.creditCode,
    TIER_LABEL[m.tier] ?? m.tier,
    MEMBER_STATUS_LABEL[m.status] ?? m.status,
    m.approvedOn ?? '',
    m.region,
    m.nature,
    m.business,
    m.representative.name,
    m.representative.position,
    m.representative.mobile,
    m.representative.email,
    m.contact.name,
    m.contact.position,
    m.contact.mobile,
    m.contact.email,
    m.postalAddress,
  ]);
  return book([
    [
      '会员名册',
      sheet(ROSTER_HEADER, rows, [6, 36, 22, 14, 10, 12, 16, 10, 30, 10, 12, 14, 24, 10, 12, 14, 24, 40]),
    ],
  ]);
}

/** One line of a year's dues ledger, as the dues desk computes it (the engine's ledger). */
export interface DuesLedgerLine {
  memberName: string;
  creditCode?: string;
  tier: string;
  due: number;
  paid: number;
  outstanding: number;
  lastPaidOn?: string;
  note?: string;
}

export function duesLedgerWorkbook(year: number, lines: readonly DuesLedgerLine[]): Uint8Array {
  const header = [
    '序号',
    '单位名称',
    '统一社会信用代码',
    '会员级别',
    '应缴（元）',
    '已缴（元）',
    '欠缴（元）',
    '最近缴费日期',
    '备注',
  ];
  const rows = lines.map((l, i) => [
    i + 1,
    l.memberName,
    l.creditCode ?? '',
    l.tier,
    l.due,
    l.paid,
    l.outstanding,
    l.lastPaidOn ?? '',
    l.note ?? '',
  ]);
  const sum = (k: 'due' | 'paid' | 'outstanding') => lines.reduce((n, l) => n + l[k], 0);
  rows.push(['合计', '', '', '', sum('due'), sum('paid'), sum('outstanding'), '', '']);
  return book([[`${year}年会费`, sheet(header, rows, [6, 36, 22, 14, 12, 12, 12, 14, 30])]]);
}

/** A meeting's attendance (from its entitled list) and its motions' results and ballots by name. */
export async function meetingWorkbook(
  db: DeskDB,
  meetingId: number,
): Promise<{ bytes: Uint8Array; name: string }> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new Error('找不到该会议');
  const attendance = await db.attendance.where('meetingId').equals(meetingId).toArray();
  const byMember = new Map(attendance.map((a) => [a.memberId, a]));
  const attRows = meeting.entitled.map((e, i) => {
    const a = byMember.get(e.memberId);
    return [
      i + 1,
      e.name,
      e.representative,
      e.observer ? '列席' : a ? ATTENDANCE_LABEL[a.status] : '未登记',
      a?.attendee ?? '',
      a?.ballotSentOn ?? '',
      a?.ballotReturnedOn ?? '',
    ];
  });
  const motions = await db.motions.where('meetingId').equals(meetingId).toArray();
  const ballots = await db.ballots
    .where('motionId')
    .anyOf(motions.map((m) => m.id!))
    .toArray();
  const voteRows: Cell[][] = [];
  const names = new Map(meeting.entitled.map((e) => [e.memberId, e.name]));
  const unit = (memberId: number) => names.get(memberId) ?? `#${memberId}`;
  for (const m of motions) {
    // The one tally (R-O2, R-O4, R-O6): a ballot of a unit no longer present is listed, not counted.
    const t = motionTally(meeting, m, attendance, ballots);
    voteRows.push([
      m.title,
      '（合计）',
      t.inFavour,
      t.against,
      t.abstain,
      t.decision?.label ?? t.error ?? '未表决',
    ]);
    for (const b of t.counted) voteRows.push([m.title, unit(b.memberId), '', '', '', VOTE_LABEL[b.choice]]);
    for (const b of t.uncounted)
      voteRows.push([m.title, unit(b.memberId), '', '', '', `${VOTE_LABEL[b.choice]}，${UNCOUNTED_REASON}`]);
  }
  const title = `${meeting.name}（${BODY_LABEL[meeting.body]}，${MEETING_FORM_LABEL[meeting.form]}，${meeting.date}）`;
  const bytes = book([
    [
      '出席',
      sheet(
        ['序号', '单位名称', '会员代表', '出席情况', '出席人', '表决票发出', '表决票收回'],
        attRows,
        [6, 36, 12, 10, 12, 12, 12],
      ),
    ],
    [
      '表决',
      sheet(['议案', '单位名称', '同意', '反对', '弃权', '表决意见'], voteRows, [36, 36, 8, 8, 8, 10]),
    ],
    [
      '会议',
      sheet(
        ['会议', '日期', '地点', '主持人', '记录人'],
        [[title, meeting.date, meeting.place, meeting.chair, meeting.recorder]],
        [50, 12, 24, 12, 12],
      ),
    ],
  ]);
  return { bytes, name: `${meeting.date}-${fileNamePart(meeting.name)}-出席与表决.xlsx` };
}

export function auditWorkbook(entries: readonly AuditEntry[], names: AuditNames = {}): Uint8Array {
  const rows = entries.map((e) => [
    formatAuditTime(e.at),
    entityLabel(e.entity),
    actionLabel(e.action),
    e.summary.length > 2000 ? e.summary.slice(0, 2000) + '…' : e.summary,
    readableChanges(e.changes ?? [], e.entity, names)
      .join('\n')
      .slice(0, 30000),
    e.workstation ?? '',
    e.clerk ?? '',
  ]);
  return book([
    [
      '操作记录',
      sheet(
        ['时间', '对象', '操作', '摘要', '字段变更', '工作站', '经办人'],
        rows,
        [20, 12, 10, 60, 60, 16, 10],
      ),
    ],
  ]);
}
