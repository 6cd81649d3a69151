import type { DataSource, EntityManager } from "typeorm";
import type { Tx } from "@onestop/platform";
import type { NoticeStatus } from "../notices/notice.rules";
import type { BankTransactionKind } from "../payments/payment.rules";
import { BankStatementPartRow, BankStatementRow, DiscrepancyRow } from "./entities";
import type { StatementLine } from "./reconciliation.rules";

/** A statement line with what the center has under its bankTxnId and its notice number. */
export interface LineWithRecords {
  line: StatementLine;
  recorded: { kind: BankTransactionKind; noticeNo: string; ledgerFen: number; accountNo: string; paidDay: string } | null;
  notice: { status: NoticeStatus; expiresAt: Date; accountNo: string | null } | null;
}

export interface MissingRecord {
  bankTxnId: string;
  noticeNo: string;
  ledgerFen: number;
  paidAt: Date;
}

interface LineJoinRow {
  bank_txn_id: string;
  notice_no: string;
  amount_fen: string | number;
  paid_at: Date;
  r_kind: BankTransactionKind | null;
  r_notice_no: string | null;
  r_ledger_fen: string | number | null;
  r_account_no: string | null;
  r_paid_day: string | null;
}

interface NoticeJoinRow {
  notice_no: string;
  status: NoticeStatus;
  expires_at: Date;
  account_no: string | null;
}

/** Rows per INSERT (and keys per IN list): big enough to be quick, small enough for any max_allowed_packet. */
const INSERT_BATCH = 1_000;

export class ReconciliationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  async insertStatement(tx: Tx, row: BankStatementRow): Promise<void> {
    await tx.manager.insert(BankStatementRow, row);
  }

  async updateStatement(tx: Tx, id: string, patch: Partial<BankStatementRow>): Promise<void> {
    await tx.manager.update(BankStatementRow, { id }, patch);
  }

  async findStatement(id: string, tx?: Tx): Promise<BankStatementRow | null> {
    return this.manager(tx).findOneBy(BankStatementRow, { id });
  }

  async lockStatement(tx: Tx, id: string): Promise<BankStatementRow | null> {
    return tx.manager.getRepository(BankStatementRow).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  }

  /** The statement reconciled with exactly these lines for this account and day, if any. */
  async findReconciled(centerCode: string, accountNo: string, statementDate: string, digest: string, tx?: Tx): Promise<BankStatementRow | null> {
    return this.manager(tx).findOneBy(BankStatementRow, { centerCode, accountNo, statementDate, digest });
  }

  async findPart(tx: Tx, statementId: string, partNo: number): Promise<BankStatementPartRow | null> {
    return tx.manager.findOneBy(BankStatementPartRow, { statementId, partNo });
  }

  async insertPart(tx: Tx, part: BankStatementPartRow): Promise<void> {
    await tx.manager.insert(BankStatementPartRow, part);
  }

  /** Writes a part's lines; a bankTxnId the statement already lists is a duplicate key. */
  async insertLines(tx: Tx, statementId: string, partNo: number, lines: readonly StatementLine[]): Promise<void> {
    for (let start = 0; start < lines.length; start += INSERT_BATCH) {
      const values = lines
        .slice(start, start + INSERT_BATCH)
        .map((line, index) => [statementId, line.bankTxnId, partNo, start + index + 1, line.noticeNo, line.amountFen, line.paidAt]);
      await tx.manager.query(
        "INSERT INTO bank_statement_line (statement_id, bank_txn_id, part_no, line_no, notice_no, amount_fen, paid_at) VALUES ?",
        [values],
      );
    }
  }

  /**
   * Every line of the statement in its order, with the accepted transaction recorded under its
   * bankTxnId, and for a line with none, the notice it names (both of the statement's center).
   * Notices are read only for those lines: a day reconciles almost whole, and reading 100,000
   * notice rows for nothing is most of the time a reconciliation could take.
   */
  async linesWithRecords(tx: Tx, statementId: string, centerCode: string): Promise<LineWithRecords[]> {
    const rows = (await tx.manager.query(
      `SELECT l.bank_txn_id, l.notice_no, l.amount_fen, l.paid_at,
              t.kind AS r_kind, t.notice_no AS r_notice_no, t.ledger_fen AS r_ledger_fen, t.account_no AS r_account_no,
              DATE_FORMAT(t.paid_day, '%Y-%m-%d') AS r_paid_day
         FROM bank_statement_line l
         LEFT JOIN bank_transaction t ON t.bank_txn_id = l.bank_txn_id AND t.outcome = 'ACCEPTED' AND t.center_code = ?
        WHERE l.statement_id = ?
        ORDER BY l.part_no, l.line_no`,
      [centerCode, statementId],
    )) as LineJoinRow[];
    const unrecorded = [...new Set(rows.filter((row) => !row.r_kind).map((row) => row.notice_no))];
    const notices = new Map<string, NoticeJoinRow>();
    for (let start = 0; start < unrecorded.length; start += INSERT_BATCH) {
      const found = (await tx.manager.query(
        "SELECT notice_no, status, expires_at, account_no FROM payment_notice WHERE center_code = ? AND notice_no IN (?)",
        [centerCode, unrecorded.slice(start, start + INSERT_BATCH)],
      )) as NoticeJoinRow[];
      for (const notice of found) notices.set(notice.notice_no, notice);
    }
    return rows.map((row) => {
      const notice = row.r_kind ? undefined : notices.get(row.notice_no);
      return {
        line: { bankTxnId: row.bank_txn_id, noticeNo: row.notice_no, amountFen: Number(row.amount_fen), paidAt: row.paid_at },
        recorded: row.r_kind
          ? { kind: row.r_kind, noticeNo: row.r_notice_no!, ledgerFen: Number(row.r_ledger_fen), accountNo: row.r_account_no!, paidDay: row.r_paid_day! }
          : null,
        notice: notice ? { status: notice.status, expiresAt: notice.expires_at, accountNo: notice.account_no } : null,
      };
    });
  }

  /** What the center recorded on the account that day and the statement does not list, in recording order. */
  async recordedMissing(tx: Tx, statementId: string, accountNo: string, statementDate: string): Promise<MissingRecord[]> {
    const rows = (await tx.manager.query(
      `SELECT t.bank_txn_id, t.notice_no, t.ledger_fen, t.paid_at
         FROM bank_transaction t
        WHERE t.account_no = ? AND t.paid_day = ? AND t.outcome = 'ACCEPTED'
          AND NOT EXISTS (SELECT 1 FROM bank_statement_line l WHERE l.statement_id = ? AND l.bank_txn_id = t.bank_txn_id)
        ORDER BY t.sequence`,
      [accountNo, statementDate, statementId],
    )) as Array<{ bank_txn_id: string; notice_no: string; ledger_fen: string | number; paid_at: Date }>;
    return rows.map((row) => ({ bankTxnId: row.bank_txn_id, noticeNo: row.notice_no, ledgerFen: Number(row.ledger_fen), paidAt: row.paid_at }));
  }

  async recordedTotals(tx: Tx, accountNo: string, statementDate: string): Promise<{ count: number; totalFen: number }> {
    const [row] = (await tx.manager.query(
      `SELECT COUNT(*) AS n, COALESCE(SUM(ledger_fen), 0) AS fen
         FROM bank_transaction WHERE account_no = ? AND paid_day = ? AND outcome = 'ACCEPTED'`,
      [accountNo, statementDate],
    )) as Array<{ n: string | number; fen: string | number }>;
    return { count: Number(row.n), totalFen: Number(row.fen) };
  }

  async insertDiscrepancies(tx: Tx, rows: readonly DiscrepancyRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const values = rows
        .slice(start, start + INSERT_BATCH)
        .map((row) => [row.statementId, row.seq, row.category, row.reason, row.bankTxnId, row.noticeNo, row.bankAmountFen, row.recordedAmountFen, row.paidAt]);
      await tx.manager.query(
        `INSERT INTO bank_statement_discrepancy
           (statement_id, seq, category, reason, bank_txn_id, notice_no, bank_amount_fen, recorded_amount_fen, paid_at) VALUES ?`,
        [values],
      );
    }
  }

  async discrepancies(statementId: string, category: string | null, offset: number, limit: number): Promise<DiscrepancyRow[]> {
    return this.dataSource.getRepository(DiscrepancyRow).find({
      where: category ? { statementId, category } : { statementId },
      order: { seq: "ASC" },
      skip: offset,
      take: limit,
    });
  }
}
