import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Member, Payment, TierChange } from '../../../shared/domain/records';
import {
  arrearsOf,
  buildLedger,
  chartSeries,
  duesTrackedFrom,
  filterRows,
  selectableYears,
  totalsOf,
} from '../../../renderer/src/features/dues/ledger';
import { freshDb } from '../db/harness';
import { recordPayment, setOverride, voidPayment } from '../../../renderer/src/features/dues/writes';
import { readBank, saveBank } from '../../../renderer/src/records/settings';
import { loadDuesData } from '../../../renderer/src/features/dues/data';
import {
  duesDocOptions,
  duesNoticeOf,
  buildDuesNoticesDocx,
  buildDuesNoticesZip,
} from '../../../renderer/src/features/dues/word';
import { duesNoticeInput } from '../../../shared/documents';
import JSZip from 'jszip';
import { haveSchemas, validateParts, wmlParts } from '../documents/ooxml';
import { exportOptions } from '../../../renderer/src/features/settings/exportOptions';

const NOW = '2026-01-01T00:00:00.000Z';

function member(id: number, over: Partial<Member> = {}): Member {
  const p = { name: '张三', position: '总经理', mobile: '13800000000', email: 'a@b.cn' };
  return {
    id,
    name: `测试单位${id}`,
    creditCode: `91110000MA0000000${id}`,
    region: '北京市',
    nature: '企业',
    business: '网络安全',
    tier: 'member',
    representative: p,
    contact: p,
    postalAddress: '北京',
    status: 'active',
    approvedOn: '2020-03-01',
    searchText: `测试单位${id}|ceshidanwei${id}`,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

function pay(
  memberId: number,
  year: number,
  paidOn: string,
  amount: number,
  over: Partial<Payment> = {},
): Payment {
  return { memberId, year, paidOn, amount, method: '银行转账', receiptNo: '', recordedAt: NOW, ...over };
}

const tier = (memberId: number, t: TierChange['tier'], from: string): TierChange => ({
  memberId,
  tier: t,
  effectiveFrom: from,
  reason: '',
  recordedAt: NOW,
});

describe('dues ledger rows (R-D1 … R-D7 via the engine)', () => {
  const members = [
    member(1), // member tier, full year
    member(2, { tier: 'director', approvedOn: '2026-08-10' }), // R-D3/R-D4: half, due +1 month
    member(3, { status: 'withdrawn', left: { on: '2025-06-30', how: 'withdrawn', reason: '' } }), // left before 2026
    member(4, { status: 'withdrawn', left: { on: '2026-06-30', how: 'withdrawn', reason: '' } }), // left during 2026
    member(5, { tier: 'director' }), // promoted mid-2026: R-D5 the 1 January tier fixes 2026
    member(6, { status: 'applying', approvedOn: undefined }),
  ];
  const data = {
    members,
    tierChanges: [tier(5, 'member', '2020-03-01'), tier(5, 'director', '2026-05-01')],
    overrides: [],
    payments: [
      pay(1, 2026, '2026-01-10', 5000),
      pay(4, 2026, '2026-01-10', 2000),
      pay(5, 2026, '2026-01-20', 1000),
      pay(5, 2026, '2026-02-20', 1000, { voided: { at: NOW, reason: '重复' } }),
    ],
  };

  it('lists members of the year only; leavers during the year still owe it (R-D6)', () => {
    const { rows, problems } = buildLedger(data, 2026, '2026-11-21');
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.memberId)).toEqual([1, 2, 4, 5]);
    expect(rows.find((r) => r.memberId === 4)).toMatchObject({
      amount: 5000,
      paid: 2000,
      outstanding: 3000,
      status: 'overdue',
      leftOn: '2026-06-30',
    });
  });

  it('R-D3/R-D4: a member approved after 1 July pays half, due one month after approval', () => {
    const r = buildLedger(data, 2026, '2026-08-20').rows.find((x) => x.memberId === 2)!;
    expect(r).toMatchObject({ amount: 5000, halved: true, dueOn: '2026-09-10', status: 'not-yet-due' });
    expect(buildLedger(data, 2026, '2026-09-11').rows.find((x) => x.memberId === 2)!.status).toBe('overdue');
  });

  it('R-D5: the tier held on 1 January fixes the year; voided payments do not count', () => {
    const r = buildLedger(data, 2026, '2026-01-25').rows.find((x) => x.memberId === 5)!;
    expect(r).toMatchObject({
      tier: 'member',
      amount: 5000,
      paid: 1000,
      outstanding: 4000,
      status: 'partial',
    });
    expect(buildLedger(data, 2027, '2026-11-21').rows.find((x) => x.memberId === 5)).toMatchObject({
      tier: 'director',
      amount: 10000,
      status: 'not-yet-due',
    });
  });

  it('statuses 已缴清 / 部分缴纳 / 未到期 / 已逾期 and the filters', () => {
    const rows = buildLedger(data, 2026, '2026-01-25').rows;
    expect(Object.fromEntries(rows.map((r) => [r.memberId, r.status]))).toEqual({
      1: 'paid',
      4: 'partial',
      5: 'partial',
    });
    const later = buildLedger(data, 2026, '2026-11-21').rows;
    expect(filterRows(later, '', 'overdue').map((r) => r.memberId)).toEqual([2, 4, 5]);
    expect(filterRows(later, 'ceshidanwei4', 'all').map((r) => r.memberId)).toEqual([4]);
    expect(filterRows(later, '测试 单位1', 'all').map((r) => r.memberId)).toEqual([1]);
    expect(totalsOf(later)).toEqual({ amount: 20000, paid: 8000, outstanding: 12000, count: 4 });
  });

  it('the arrears list: overdue, largest first, with the total', () => {
    const a = arrearsOf(buildLedger(data, 2026, '2026-11-21').rows);
    expect(a.rows.map((r) => [r.memberId, r.outstanding])).toEqual([
      [2, 5000],
      [5, 4000],
      [4, 3000],
    ]);
    expect(a.total).toBe(12000);
  });

  it('years: from the earliest approval to next year', () => {
    expect(selectableYears(members, '2026-11-21')).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020]);
  });

  it('tracked-from year: the setting, else the earliest payment year, else this year', () => {
    expect(duesTrackedFrom(data.payments, '2026-11-21')).toBe(2026);
    expect(duesTrackedFrom(data.payments, '2026-11-21', 2024)).toBe(2024);
    expect(duesTrackedFrom([], '2026-11-21')).toBe(2026);
  });

  it('chart series: cumulative due vs cumulative paid by month', () => {
    const rows = buildLedger(data, 2026, '2026-11-21').rows;
    const payments = [...data.payments, pay(2, 2026, '2027-01-05', 5000), pay(1, 2026, '2025-12-20', 1)];
    const s = chartSeries(rows, payments, 2026);
    expect(s.points).toHaveLength(12);
    expect(s.points[0]).toEqual({ month: 1, due: 15000, paid: 8001 }); // payment in December 2025 counts in January
    expect(s.points[8]).toEqual({ month: 9, due: 20000, paid: 8001 }); // member 2 due 2026-09-10
    expect(s.points[11]!.due).toBe(totalsOf(rows).amount);
    expect(s.paidAfterYear).toBe(5000);
  });
});

describe('dues writes: transactional and audited', () => {
  it('records payments (several per year), voids one with a reason, never deletes', async () => {
    const db = freshDb();
    await db.members.add(member(1));
    await recordPayment(
      db,
      { memberId: 1, year: 2026, paidOn: '2026-02-01', amount: 2000, method: '银行转账', receiptNo: 'R1' },
      '2026-11-21',
    );
    const id = await recordPayment(
      db,
      {
        memberId: 1,
        year: 2026,
        paidOn: '2026-03-01',
        amount: 3000,
        method: '现金',
        receiptNo: 'R2',
        note: '补缴',
      },
      '2026-11-21',
    );
    let d = await loadDuesData(db, '2026-11-21');
    expect(buildLedger(d, 2026, '2026-11-21').rows[0]).toMatchObject({ paid: 5000, status: 'paid' });
    await voidPayment(db, id, '重复登记');
    d = await loadDuesData(db, '2026-11-21');
    expect(buildLedger(d, 2026, '2026-11-21').rows[0]).toMatchObject({
      paid: 2000,
      outstanding: 3000,
      status: 'overdue',
    });
    expect(await db.payments.count()).toBe(2);
    const audit = await db.audit.toArray();
    expect(audit.map((a) => a.action)).toEqual(['payment', 'payment', 'void']);
    expect(audit[2]!.changes?.[0]).toMatchObject({ field: 'voided' });
    await expect(voidPayment(db, id, '再次')).rejects.toThrow('已作废');
  });

  it('validates payments: positive integer yuan, date not in the future', async () => {
    const db = freshDb();
    await db.members.add(member(1));
    const base = {
      memberId: 1,
      year: 2026,
      paidOn: '2026-02-01',
      amount: 100,
      method: '银行转账' as const,
      receiptNo: '',
    };
    await expect(recordPayment(db, { ...base, amount: 0 }, '2026-11-21')).rejects.toThrow('大于 0');
    await expect(recordPayment(db, { ...base, amount: 10.5 }, '2026-11-21')).rejects.toThrow('整数');
    await expect(recordPayment(db, { ...base, paidOn: '2026-11-22' }, '2026-11-21')).rejects.toThrow(
      '不能晚于今天',
    );
    expect(await db.payments.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('收据号: refused when another unit’s payment or this unit’s payment of the same year holds it; another year, or after voiding, is fine', async () => {
    const db = freshDb();
    await db.members.bulkAdd([member(1), member(2)]);
    const base = {
      memberId: 1,
      year: 2026,
      paidOn: '2026-02-01',
      amount: 2000,
      method: '银行转账' as const,
      receiptNo: 'SJ-2026-001',
    };
    const first = await recordPayment(db, base, '2026-11-21');
    const twice = recordPayment(
      db,
      { ...base, receiptNo: ' sj-2026-001', paidOn: '2026-02-02' },
      '2026-11-21',
    );
    await expect(twice).rejects.toThrow('同一笔缴费不能登记两次');
    await expect(twice).rejects.toMatchObject({ field: 'receiptNo' });
    await expect(recordPayment(db, { ...base, memberId: 2 }, '2026-11-21')).rejects.toThrow(
      /已登记为.*2026 年会费（2026-02-01 缴费 2,000 元）：一张收据只对应一家单位/,
    );
    expect(await db.payments.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
    const earlier = await recordPayment(db, { ...base, year: 2025 }, '2026-11-21'); // one receipt, two years
    await voidPayment(db, first, '收据号录错');
    await voidPayment(db, earlier, '收据号录错');
    await recordPayment(db, { ...base, memberId: 2 }, '2026-11-21'); // the voided one no longer holds it
    await expect(recordPayment(db, { ...base, memberId: 1 }, '2026-11-21')).rejects.toThrow('一家单位');
  });

  it('R-D5: an override needs a reason, replaces the earlier one, and is audited before/after', async () => {
    const db = freshDb();
    await db.members.add(member(1));
    await expect(
      setOverride(db, { memberId: 1, year: 2026, amount: 1000, reason: ' ', previousAmount: 5000 }),
    ).rejects.toThrow('原因');
    await setOverride(db, {
      memberId: 1,
      year: 2026,
      amount: 1000,
      reason: '常务理事会决议减免',
      previousAmount: 5000,
    });
    await setOverride(db, { memberId: 1, year: 2026, amount: 2000, reason: '更正', previousAmount: 1000 });
    expect(await db.duesOverrides.count()).toBe(1);
    const d = await loadDuesData(db, '2026-11-21');
    expect(buildLedger(d, 2026, '2026-11-21').rows[0]).toMatchObject({
      amount: 2000,
      standardAmount: 5000,
      override: { amount: 2000, reason: '更正' },
    });
    const audit = await db.audit.toArray();
    expect(audit[0]).toMatchObject({ action: 'update', entity: 'duesOverrides', memberId: 1 });
    expect(audit[0]!.changes).toContainEqual({ field: 'amount', before: 5000, after: 1000 });
    expect(audit[1]!.changes).toContainEqual({ field: 'amount', before: 1000, after: 2000 });
  });

  it('bank details: saved to settings, validated, audited', async () => {
    const db = freshDb();
    expect(await readBank(db)).toBeUndefined();
    await expect(saveBank(db, { accountName: '', bank: 'x', accountNo: '123456' })).rejects.toThrow('户名');
    await saveBank(db, {
      accountName: '中国网络安全产业联盟',
      bank: '工商银行北京分行',
      accountNo: '0200 0012 3456',
    });
    expect(await readBank(db)).toEqual({
      accountName: '中国网络安全产业联盟',
      bank: '工商银行北京分行',
      accountNo: '0200 0012 3456',
    });
    expect((await db.audit.toArray())[0]).toMatchObject({ entity: 'settings', action: 'update' });
  });
});

describe('会费缴纳通知', () => {
  const rows = buildLedger(
    {
      members: [member(1), member(2, { tier: 'director' })],
      tierChanges: [],
      overrides: [],
      payments: [pay(1, 2026, '2026-01-10', 2000)],
    },
    2026,
    '2026-11-21',
  ).rows;
  const ctx = {
    year: 2026,
    date: '2026-11-21',
    bank: { accountName: '中国网络安全产业联盟', bank: '工商银行', accountNo: '123456789' },
    options: exportOptions({}),
  };

  const notice = (row: (typeof rows)[number]) => duesNoticeInput(duesNoticeOf(row, ctx), duesDocOptions(ctx));

  it('the notice text carries the amount, due date, what is owed and the bank details', () => {
    const n = notice(rows[0]!);
    expect(n.title).toBe('关于缴纳 2026 年度会费的通知');
    expect(n.addressee).toBe('测试单位1');
    expect(n.body).toContain('应缴纳会费人民币 5,000 元（大写：伍仟元整）');
    expect(n.body).toContain('请于 2026 年 1 月 31 日前');
    expect(n.body).toContain('截至 2026 年 11 月 21 日，已缴纳 2,000 元，尚欠 3,000 元');
    expect(notice(rows[1]!).body).toContain('尚未收到贵单位该年度会费');
    expect(notice(rows[1]!).body).toContain('贵单位为联盟理事单位，2026 年度应缴纳会费人民币 10,000 元');
    expect(n.body).toContain('户名：中国网络安全产业联盟');
    expect(n.body).toContain('开户行：工商银行');
    expect(n.body).toContain('账号：123456789');
    expect(n.date).toBe('2026-11-21');
  });

  it('one .docx with one notice per section (new page), or a zip of one .docx each', async () => {
    const progress: number[] = [];
    const docx = await buildDuesNoticesDocx(rows, ctx, (d, t) => progress.push(Math.round((d / t) * 100)));
    expect(progress.at(-1)).toBe(100);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:sectPr/g)?.length).toBe(2);
    expect(xml).toContain('测试单位2');
    const zip = await JSZip.loadAsync(await buildDuesNoticesZip(rows, ctx));
    expect(Object.keys(zip.files).sort()).toEqual([
      '2026年度会费缴纳通知-测试单位1.docx',
      '2026年度会费缴纳通知-测试单位2.docx',
    ]);
  });

  it('R-D4: a half-year amount says so; an overridden amount (R-D5) is printed as it stands', () => {
    const { rows: more } = buildLedger(
      {
        members: [member(3, { approvedOn: '2026-08-10' }), member(4, { tier: 'director' })],
        tierChanges: [],
        overrides: [
          { memberId: 4, year: 2026, amount: 5000, reason: '经常务理事会决议减半收取', recordedAt: NOW },
        ],
        payments: [],
      },
      2026,
      '2026-11-21',
    );
    const half = notice(more.find((r) => r.memberId === 3)!).body;
    expect(half).toContain('2026 年度应缴纳会费人民币 2,500 元（大写：贰仟伍佰元整），按半年计收。');
    expect(half).toContain('请于 2026 年 9 月 10 日前'); // R-D3: one month after approval
    const overridden = notice(more.find((r) => r.memberId === 4)!).body;
    expect(overridden).toContain('应缴纳会费人民币 5,000 元（大写：伍仟元整）。截至');
    expect(overridden).not.toContain('按半年计收');
    expect(overridden).not.toContain('减半');
  });

  it('reports progress per notice, then 100 % once packed', async () => {
    const progress: string[] = [];
    await buildDuesNoticesDocx(rows, ctx, (d, t) => progress.push(`${d}/${t}`));
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    const zipped: string[] = [];
    await buildDuesNoticesZip(rows, ctx, (d, t) => zipped.push(`${d}/${t}`));
    expect(zipped).toEqual(['1/3', '2/3', '3/3']);
  });

  it.skipIf(!haveSchemas)(
    'the batch and each zipped notice validate against the OOXML schemas (wml-2010.xsd)',
    async () => {
      const zip = await JSZip.loadAsync(await buildDuesNoticesZip(rows, ctx));
      const single = await zip.file('2026年度会费缴纳通知-测试单位1.docx')!.async('uint8array');
      const parts = [
        ...(await wmlParts(await buildDuesNoticesDocx(rows, ctx), 'dues-batch')),
        ...(await wmlParts(single, 'dues-single')),
      ];
      const report = await validateParts(parts);
      expect(report.errors.slice(0, 20)).toEqual([]);
      expect(report.valid).toBe(true);
    },
    120_000,
  );
});
