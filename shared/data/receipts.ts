/**
 * 收据号: one receipt is one unit's payment. A receipt number may cover several dues years of the same unit
 * (one transfer for two years, entered as one payment per year), but not two payments of the same unit and
 * year (the same payment entered twice — by one clerk, or by two workstations that each entered it
 * offline) and not payments of two units. Voided payments do not count (R-M10: voiding is how a wrong entry
 * is corrected). Pure: the 会费 desk's write refuses a clash (features/dues/writes.ts), and the desk lists
 * the clashes already stored (replicated from another workstation, restored or carried over).
 */
import type { Payment } from '../domain/records';

/** A receipt number as compared: full-width forms folded (NFKC), trimmed, Latin letters upper-cased. */
export function receiptKey(receiptNo: string): string {
  return receiptNo.normalize('NFKC').trim().toUpperCase();
}

/** `twice`: the same unit and year twice; `units`: one receipt number on payments of different units. */
export type ReceiptClashKind = 'twice' | 'units';

type Entry = Pick<Payment, 'memberId' | 'year' | 'receiptNo'> & Partial<Pick<Payment, 'voided'>>;

/** The stored payment a new payment's receipt number clashes with, and how; null when none does. */
export function receiptClashWith<P extends Entry>(
  stored: readonly P[],
  payment: Entry,
): { kind: ReceiptClashKind; payment: P } | null {
  const key = receiptKey(payment.receiptNo);
  if (!key) return null;
  const same = stored.filter((p) => !p.voided && receiptKey(p.receiptNo) === key);
  const unit = same.find((p) => p.memberId !== payment.memberId);
  if (unit) return { kind: 'units', payment: unit };
  const twice = same.find((p) => p.year === payment.year);
  return twice ? { kind: 'twice', payment: twice } : null;
}

export interface ReceiptClash<P extends Entry = Payment> {
  /** The receipt number as first entered. */
  receiptNo: string;
  kind: ReceiptClashKind;
  /** The payments that clash: every one of the number (`units`), or those of the year entered twice. */
  payments: P[];
}

/** Every clash among stored payments, by receipt number (in the order first seen). */
export function receiptClashes<P extends Entry>(payments: readonly P[]): ReceiptClash<P>[] {
  const byKey = new Map<string, P[]>();
  for (const p of payments) {
    if (p.voided) continue;
    const key = receiptKey(p.receiptNo);
    if (!key) continue;
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  const out: ReceiptClash<P>[] = [];
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const receiptNo = list[0]!.receiptNo.trim();
    if (new Set(list.map((p) => p.memberId)).size > 1) {
      out.push({ receiptNo, kind: 'units', payments: list });
      continue;
    }
    const years = new Map<number, number>();
    for (const p of list) years.set(p.year, (years.get(p.year) ?? 0) + 1);
    const twice = list.filter((p) => years.get(p.year)! > 1);
    if (twice.length) out.push({ receiptNo, kind: 'twice', payments: twice });
  }
  return out;
}

/** The refusal of a payment whose receipt number clashes, naming the payment already stored. */
export function receiptClashText(
  kind: ReceiptClashKind,
  receiptNo: string,
  stored: Pick<Payment, 'year' | 'paidOn' | 'amount'>,
  storedUnit: string,
): string {
  const what = `${storedUnit} ${stored.year} 年会费（${stored.paidOn} 缴费 ${stored.amount.toLocaleString('zh-CN')} 元）`;
  return kind === 'twice'
    ? `收据号 ${receiptNo.trim()} 已登记为${what}，同一笔缴费不能登记两次。如原记录有误，请先在缴费明细中作废。`
    : `收据号 ${receiptNo.trim()} 已登记为${what}：一张收据只对应一家单位。如原记录有误，请先在缴费明细中作废；一张收据确实对应多笔缴费的，请在收据号后加注区分（如 -1、-2）。`;
}
