/**
 * The browser side of the desks benchmark's "first view after one write" (scripts/bench/desks.mjs, issue 17):
 * one payment recorded through the dues desk's own write (renderer/src/features/dues/writes.ts) — the same
 * transaction, audit entry and revision stamps as the clerk's 登记缴费 — before the navigation to the desk.
 */
import { db } from '../../renderer/src/db';
import { recordPayment } from '../../renderer/src/features/dues/writes';
import { today } from '../../renderer/src/ui/today';

let next = 0;

export const desks = {
  /** Records 1 yuan for this year from the `n`-th approved member (a different one each call). Returns its id. */
  async recordOnePayment(): Promise<number> {
    const on = today();
    const members = await db.members.limit(200).toArray();
    const approved = members.filter((m) => m.approvedOn && m.approvedOn <= on);
    const m = approved[next++ % approved.length]!;
    await recordPayment(
      db,
      { memberId: m.id!, year: Number(on.slice(0, 4)), paidOn: on, amount: 1, method: '银行转账' },
      on,
    );
    return m.id!;
  },
};
