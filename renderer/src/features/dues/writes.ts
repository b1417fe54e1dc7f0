/**
 * The dues desk's writes: payments (R-D1 … R-D7), voiding (never deleting, R-M10) and overrides (R-D5). Each write is one transaction with its audit entry.
 */
import { z } from 'zod';
import { isIsoDate } from '../../../../shared/charter';
import type { DuesOverride, Payment } from '../../../../shared/domain/records';
import { addAudited, writeAudit } from '../../db/audit';
import type { DeskDB } from '../../db/schema';
import { receiptClashText, receiptClashWith, receiptKey } from '../../../../shared/data/receipts';

export const PAYMENT_METHODS = ['银行转账', '现金', '其他'] as const;

const positiveYuan = z.number({ error: '请填写金额' }).int('金额必须是整数元').positive('金额必须大于 0');

/** The payment form, checked against `today` (no payments dated in the future). */
export function paymentSchema(today: string) {
  return z.object({
    memberId: z.number().int().positive(),
    year: z.number().int().min(1000).max(9999),
    paidOn: z
      .string({ error: '请填写缴费日期' })
      .refine((d) => isIsoDate(d), '缴费日期格式应为 YYYY-MM-DD')
      .refine((d) => d <= today, '缴费日期不能晚于今天'),
    amount: positiveYuan,
    method: z.enum(PAYMENT_METHODS, { error: '请选择缴费方式' }),
    receiptNo: z.string().trim().max(50, '收据号不超过 50 个字符').default(''),
    note: z.string().trim().max(500, '备注不超过 500 个字符').optional(),
  });
}
export type PaymentInput = z.input<ReturnType<typeof paymentSchema>>;

export const overrideSchema = z.object({
  amount: z.number({ error: '请填写金额' }).int('金额必须是整数元').min(0, '金额不能为负'),
  reason: z.string().trim().min(1, '请填写调整原因').max(500, '原因不超过 500 个字符'),
});

function firstIssue(e: z.ZodError): string {
  return e.issues[0]?.message ?? '输入有误';
}

/** A payment refused, in Chinese; `field` names the form field it is about. */
export class PaymentWriteError extends RangeError {
  constructor(
    message: string,
    readonly field?: 'receiptNo',
  ) {
    super(message);
    this.name = 'PaymentWriteError';
  }
}

/**
 * Records one payment (several per year are allowed). Refuses a receipt number already held by another
 * unit's payment or by this unit's payment of the same year (not voided). Returns the new payment id.
 */
export async function recordPayment(
  db: DeskDB,
  input: PaymentInput,
  today: string,
  now: string = new Date().toISOString(),
): Promise<number> {
  const parsed = paymentSchema(today).safeParse(input);
  if (!parsed.success) throw new RangeError(firstIssue(parsed.error));
  const v = parsed.data;
  return db.transaction('rw', [db.members, db.payments, db.audit], async () => {
    const member = await db.members.get(v.memberId);
    if (!member) throw new RangeError('找不到该会员单位');
    // One receipt, one unit's payment (shared/data/receipts.ts); read in the writing transaction.
    const key = receiptKey(v.receiptNo);
    if (key) {
      const same = await db.payments.filter((p) => !p.voided && receiptKey(p.receiptNo) === key).toArray();
      const clash = receiptClashWith(same, v);
      if (clash) {
        const holder =
          clash.payment.memberId === member.id ? member : await db.members.get(clash.payment.memberId);
        throw new PaymentWriteError(
          receiptClashText(
            clash.kind,
            v.receiptNo,
            clash.payment,
            holder?.name ?? `会员 ${clash.payment.memberId}`,
          ),
          'receiptNo',
        );
      }
    }
    const payment: Payment = {
      memberId: v.memberId,
      year: v.year,
      paidOn: v.paidOn,
      amount: v.amount,
      method: v.method,
      receiptNo: v.receiptNo,
      recordedAt: now,
    };
    if (v.note) payment.note = v.note;
    return addAudited(db, db.payments, payment, {
      memberId: v.memberId,
      action: 'payment',
      summary: `登记缴费：${member.name} ${v.year} 年会费 ${v.amount} 元（${v.method}）`,
      after: payment,
    });
  });
}

/** Voids a payment entered by mistake, with the reason; the record stays (R-M10). */
export async function voidPayment(
  db: DeskDB,
  paymentId: number,
  reason: string,
  now: string = new Date().toISOString(),
): Promise<void> {
  const r = reason.trim();
  if (!r) throw new RangeError('请填写作废原因');
  await db.transaction('rw', [db.members, db.payments, db.audit], async () => {
    const before = await db.payments.get(paymentId);
    if (!before) throw new RangeError('找不到该缴费记录');
    if (before.voided) throw new RangeError('该缴费记录已作废');
    const voided = { at: now, reason: r };
    await db.payments.update(paymentId, { voided });
    const member = await db.members.get(before.memberId);
    await writeAudit(db, {
      entity: 'payments',
      entityId: paymentId,
      memberId: before.memberId,
      action: 'void',
      summary: `作废缴费：${member?.name ?? before.memberId} ${before.year} 年 ${before.amount} 元（${r}）`,
      before: { voided: null },
      after: { voided },
    });
  });
}

/**
 * R-D5: sets the amount of one member's year with a reason. `previousAmount` is the amount the ledger
 * showed (the engine's, or an earlier override), recorded as the audit's before value.
 */
export async function setOverride(
  db: DeskDB,
  a: { memberId: number; year: number; amount: number; reason: string; previousAmount: number },
  now: string = new Date().toISOString(),
): Promise<void> {
  const parsed = overrideSchema.safeParse({ amount: a.amount, reason: a.reason });
  if (!parsed.success) throw new RangeError(firstIssue(parsed.error));
  const { amount, reason } = parsed.data;
  await db.transaction('rw', [db.members, db.duesOverrides, db.audit], async () => {
    const member = await db.members.get(a.memberId);
    if (!member) throw new RangeError('找不到该会员单位');
    const existing = await db.duesOverrides.where('[memberId+year]').equals([a.memberId, a.year]).first();
    const record: DuesOverride = { memberId: a.memberId, year: a.year, amount, reason, recordedAt: now };
    let id: number;
    if (existing?.id !== undefined) {
      id = existing.id;
      await db.duesOverrides.put({ ...record, id });
    } else {
      id = (await db.duesOverrides.add(record)) as number;
    }
    await writeAudit(db, {
      entity: 'duesOverrides',
      entityId: id,
      memberId: a.memberId,
      action: 'update',
      summary: `调整应缴金额：${member.name} ${a.year} 年会费 ${a.previousAmount} 元 → ${amount} 元（${reason}）`,
      before: { amount: a.previousAmount, reason: existing?.reason ?? null },
      after: { amount, reason },
    });
  });
}
