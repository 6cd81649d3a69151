import { And, In, LessThan, MoreThan, MoreThanOrEqual, type DataSource, type EntityManager } from "typeorm";
import type { Tx } from "@onestop/platform";
import { requestPage, type RequestFilter } from "../columns";
import type { RequestPosition } from "../request-paging.rules";
import { BankTransactionRow, RefundRow } from "./entities";
import type { RefundStatus } from "./payment.rules";

export type NewBankTransaction = Omit<BankTransactionRow, "sequence" | "ledgerFen">;

export interface DailyTotals {
  paymentCount: number;
  collectedFen: number;
  refundCount: number;
  refundedFen: number;
}

export class PaymentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  /** The answer recorded for a bankTxnId, read outside any transaction: what is committed now. */
  async findTransaction(bankTxnId: string): Promise<BankTransactionRow | null> {
    return this.dataSource.getRepository(BankTransactionRow).findOneBy({ bankTxnId });
  }

  /** The center's bank transactions paid in [from, to), in the order recorded, after a sequence. */
  async transactionsPaidBetween(centerCode: string, from: Date, to: Date, afterSequence: string | null, limit: number): Promise<BankTransactionRow[]> {
    return this.dataSource.getRepository(BankTransactionRow).find({
      where: { centerCode, paidAt: And(MoreThanOrEqual(from), LessThan(to)), ...(afterSequence ? { sequence: MoreThan(afterSequence) } : {}) },
      order: { sequence: "ASC" },
      take: limit,
    });
  }

  /** Records the bank's transaction; returns its sequence. A second row for one bankTxnId (or one paid notice) is a duplicate key. */
  async insertTransaction(tx: Tx, row: NewBankTransaction): Promise<number> {
    const result = (await tx.manager.query(
      `INSERT INTO bank_transaction (bank_txn_id, kind, center_code, notice_no, refund_id, amount_fen, paid_at, channel, outcome,
         notice_id, department_id, account_no, paid_day, accepted_notice_id, accepted_refund_id, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.bankTxnId,
        row.kind,
        row.centerCode,
        row.noticeNo,
        row.refundId,
        row.amountFen,
        row.paidAt,
        row.channel,
        row.outcome,
        row.noticeId,
        row.departmentId,
        row.accountNo,
        row.paidDay,
        row.acceptedNoticeId,
        row.acceptedRefundId,
        row.recordedBy,
        row.recordedAt,
      ],
    )) as { insertId: number };
    return Number(result.insertId);
  }

  async insertRefund(tx: Tx, row: RefundRow): Promise<void> {
    await tx.manager.insert(RefundRow, row);
  }

  async updateRefund(tx: Tx, id: string, patch: Partial<RefundRow>): Promise<void> {
    await tx.manager.update(RefundRow, { id }, patch);
  }

  /** The refund the asker asked for under `key`; in a transaction, locked and as last committed. */
  async refundByKey(requestedBy: string, key: string, tx?: Tx): Promise<RefundRow | null> {
    return this.manager(tx)
      .getRepository(RefundRow)
      .findOne({ where: { requestedBy, requestKey: key }, ...(tx ? { lock: { mode: "pessimistic_write" as const } } : {}) });
  }

  async findRefund(id: string, tx?: Tx): Promise<RefundRow | null> {
    return this.manager(tx).findOneBy(RefundRow, { id });
  }

  async lockRefund(tx: Tx, id: string): Promise<RefundRow | null> {
    return tx.manager.getRepository(RefundRow).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  }

  /** The notice's refund that was not rejected (there is at most one), else its latest rejected one. */
  async refundOfNotice(noticeId: string): Promise<RefundRow | null> {
    const rows = await this.dataSource.getRepository(RefundRow).find({ where: { noticeId }, order: { requestedAt: "DESC" } });
    return rows.find((row) => row.status !== "REJECTED") ?? rows[0] ?? null;
  }

  refundPage(filter: RequestFilter<RefundStatus>, after: RequestPosition | null, first: number) {
    return requestPage(this.dataSource.getRepository(RefundRow), filter, after, first);
  }

  async refunds(centerCode: string, statuses: readonly RefundStatus[], departmentId: string | null): Promise<RefundRow[]> {
    return this.dataSource.getRepository(RefundRow).find({
      where: { centerCode, status: In([...statuses]), ...(departmentId ? { departmentId } : {}) },
      order: { requestedAt: "DESC", id: "ASC" },
      take: 1000,
    });
  }

  /** 日收款: accepted payments and refunds per account on one day (Asia/Shanghai). */
  async dailyTotals(accountNos: readonly string[], day: string): Promise<Map<string, DailyTotals>> {
    const totals = new Map<string, DailyTotals>(
      accountNos.map((accountNo) => [accountNo, { paymentCount: 0, collectedFen: 0, refundCount: 0, refundedFen: 0 }]),
    );
    if (accountNos.length === 0) return totals;
    const rows = (await this.dataSource.query(
      `SELECT account_no, kind, COUNT(*) AS n, COALESCE(SUM(amount_fen), 0) AS fen
         FROM bank_transaction
        WHERE account_no IN (?) AND paid_day = ? AND outcome = 'ACCEPTED'
        GROUP BY account_no, kind`,
      [accountNos, day],
    )) as Array<{ account_no: string; kind: string; n: string | number; fen: string | number }>;
    for (const row of rows) {
      const entry = totals.get(row.account_no)!;
      if (row.kind === "REFUND") {
        entry.refundCount = Number(row.n);
        entry.refundedFen = Number(row.fen);
      } else {
        entry.paymentCount = Number(row.n);
        entry.collectedFen = Number(row.fen);
      }
    }
    return totals;
  }
}
