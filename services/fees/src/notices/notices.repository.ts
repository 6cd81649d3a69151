import { In, type DataSource, type EntityManager } from "typeorm";
import type { Tx } from "@onestop/platform";
import { requestPage, type RequestFilter } from "../columns";
import type { RequestPosition } from "../request-paging.rules";
import { readLine, type NoticeLine } from "./assessment.rules";
import { FeeCaseRow, FeeReductionRow, PaymentNoticeRow, type FeeReductionStatus } from "./entities";

/** MariaDB hands JSON columns back as text; lines stored before codes existed get their defaults. */
function withLines(row: PaymentNoticeRow): PaymentNoticeRow {
  const raw = typeof row.lineItems === "string" ? (JSON.parse(row.lineItems) as NoticeLine[]) : row.lineItems;
  row.lineItems = raw.map(readLine);
  return row;
}

const forUpdate = { mode: "pessimistic_write" } as const;

/** What a bank payment needs of a notice. */
export type PayableNoticeRow = Pick<
  PaymentNoticeRow,
  "id" | "noticeNo" | "centerCode" | "caseId" | "departmentId" | "accountNo" | "status" | "amountFen" | "expiresAt" | "bankTxnId"
>;

export class NoticesRepository {
  /** fee_case's property ↔ column pairs, for the statements every case event runs. */
  private readonly feeCaseColumns: Array<[property: keyof FeeCaseRow, column: string]>;

  constructor(private readonly dataSource: DataSource) {
    this.feeCaseColumns = dataSource.getMetadata(FeeCaseRow).columns.map((c) => [c.propertyName as keyof FeeCaseRow, c.databaseName]);
  }

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  // ---- cases ------------------------------------------------------------------------------

  /**
   * The case's row, created if this is the first fees hears of it, and locked: acceptance,
   * conclusion and every later notice of one case run one after the other.
   */
  async lockCase(tx: Tx, caseId: string, centerCode: string): Promise<FeeCaseRow> {
    await tx.manager.query(
      "INSERT IGNORE INTO fee_case (case_id, center_code, assessment, notices_issued) VALUES (?, ?, 'NOT_ACCEPTED', 0)",
      [caseId, centerCode],
    );
    const [raw] = (await tx.manager.query("SELECT * FROM fee_case WHERE case_id = ? FOR UPDATE", [caseId])) as Array<Record<string, unknown>>;
    return Object.fromEntries(this.feeCaseColumns.map(([property, column]) => [property, raw![column]])) as unknown as FeeCaseRow;
  }

  /** Cases' rows in one statement, in no particular order; cases fees has not heard of are left out. */
  async findCases(caseIds: readonly string[]): Promise<FeeCaseRow[]> {
    if (caseIds.length === 0) return [];
    return this.dataSource.getRepository(FeeCaseRow).findBy({ caseId: In([...caseIds]) });
  }

  async saveCase(tx: Tx, row: FeeCaseRow): Promise<void> {
    const columns = this.feeCaseColumns.filter(([property]) => property !== "caseId");
    await tx.manager.query(`UPDATE fee_case SET ${columns.map(([, column]) => `${column} = ?`).join(", ")} WHERE case_id = ?`, [
      ...columns.map(([property]) => row[property]),
      row.caseId,
    ]);
  }

  async lockCasesAwaitingAccount(tx: Tx, departmentId: string): Promise<FeeCaseRow[]> {
    return tx.manager
      .getRepository(FeeCaseRow)
      .find({ where: { departmentId, assessment: "AWAITING_ACCOUNT" }, order: { caseId: "ASC" }, lock: forUpdate });
  }

  // ---- notices ----------------------------------------------------------------------------

  /** The next serial of the day in this center, atomically, in the caller's transaction. */
  async nextSerial(tx: Tx, centerCode: string, day: string): Promise<number> {
    await tx.manager.query(
      `INSERT INTO notice_serial (center_code, issue_day, last_serial) VALUES (?, ?, LAST_INSERT_ID(1))
       ON DUPLICATE KEY UPDATE last_serial = LAST_INSERT_ID(last_serial + 1)`,
      [centerCode, day],
    );
    const [{ serial }] = (await tx.manager.query("SELECT LAST_INSERT_ID() AS serial")) as Array<{ serial: string | number }>;
    return Number(serial);
  }

  async insertNotice(tx: Tx, row: PaymentNoticeRow): Promise<void> {
    await tx.manager.insert(PaymentNoticeRow, row);
  }

  async updateNotice(tx: Tx, id: string, patch: Partial<PaymentNoticeRow>): Promise<void> {
    await tx.manager.update(PaymentNoticeRow, { id }, patch);
  }

  async lockNotice(tx: Tx, id: string): Promise<PaymentNoticeRow | null> {
    const row = await tx.manager.getRepository(PaymentNoticeRow).findOne({ where: { id }, lock: forUpdate });
    return row && withLines(row);
  }

  /**
   * The notice the bank names, locked: every payment of one notice waits for the one before.
   * Plain SQL, as the bank's hottest path: only what a payment is judged and recorded by.
   */
  async lockPayableByNo(tx: Tx, noticeNo: string): Promise<PayableNoticeRow | null> {
    const [row] = (await tx.manager.query(
      `SELECT id, center_code, case_id, department_id, account_no, status, amount_fen, expires_at, bank_txn_id
         FROM payment_notice WHERE notice_no = ? FOR UPDATE`,
      [noticeNo],
    )) as Array<Record<string, unknown>>;
    if (!row) return null;
    return {
      id: row.id as string,
      noticeNo,
      centerCode: row.center_code as string,
      caseId: row.case_id as string,
      departmentId: row.department_id as string,
      accountNo: row.account_no as string | null,
      status: row.status as PaymentNoticeRow["status"],
      amountFen: Number(row.amount_fen),
      expiresAt: row.expires_at as Date,
      bankTxnId: row.bank_txn_id as string | null,
    };
  }

  /** 已缴款: the bank's payment settled the notice. */
  async markPaid(tx: Tx, id: string, paid: { paidAt: Date; bankTxnId: string; receiptNo: string; settledAt: Date }): Promise<void> {
    await tx.manager.query(
      "UPDATE payment_notice SET status = 'PAID', paid_at = ?, bank_txn_id = ?, receipt_no = ?, settled_at = ? WHERE id = ?",
      [paid.paidAt, paid.bankTxnId, paid.receiptNo, paid.settledAt, id],
    );
  }

  async lockIssuedNoticesOfCase(tx: Tx, caseId: string): Promise<PaymentNoticeRow[]> {
    const rows = await tx.manager
      .getRepository(PaymentNoticeRow)
      .find({ where: { caseId, status: "ISSUED" }, order: { sequence: "ASC" }, lock: forUpdate });
    return rows.map(withLines);
  }

  /** The notices of several cases in one statement, each case's in their sequence. */
  async forCases(caseIds: readonly string[]): Promise<PaymentNoticeRow[]> {
    if (caseIds.length === 0) return [];
    const rows = await this.dataSource.getRepository(PaymentNoticeRow).find({ where: { caseId: In([...caseIds]) }, order: { caseId: "ASC", sequence: "ASC" } });
    return rows.map(withLines);
  }

  async find(id: string, tx?: Tx): Promise<PaymentNoticeRow | null> {
    const row = await this.manager(tx).findOneBy(PaymentNoticeRow, { id });
    return row && withLines(row);
  }

  async findByNo(noticeNo: string): Promise<PaymentNoticeRow | null> {
    const row = await this.dataSource.getRepository(PaymentNoticeRow).findOneBy({ noticeNo });
    return row && withLines(row);
  }

  async findMany(ids: readonly string[]): Promise<PaymentNoticeRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(PaymentNoticeRow).findBy({ id: In([...ids]) });
    return rows.map(withLines);
  }

  // ---- reductions -------------------------------------------------------------------------

  async insertReduction(tx: Tx, row: FeeReductionRow): Promise<void> {
    await tx.manager.insert(FeeReductionRow, row);
  }

  async updateReduction(tx: Tx, id: string, patch: Partial<FeeReductionRow>): Promise<void> {
    await tx.manager.update(FeeReductionRow, { id }, patch);
  }

  async findReduction(id: string, tx?: Tx): Promise<FeeReductionRow | null> {
    return this.manager(tx).findOneBy(FeeReductionRow, { id });
  }

  async lockReduction(tx: Tx, id: string): Promise<FeeReductionRow | null> {
    return tx.manager.getRepository(FeeReductionRow).findOne({ where: { id }, lock: forUpdate });
  }

  /** The open request for a notice, locked; null when there is none. */
  async lockOpenReduction(tx: Tx, noticeId: string): Promise<FeeReductionRow | null> {
    return tx.manager.getRepository(FeeReductionRow).findOne({ where: { openNoticeId: noticeId }, lock: forUpdate });
  }

  reductionPage(filter: RequestFilter<FeeReductionStatus>, after: RequestPosition | null, first: number) {
    return requestPage(this.dataSource.getRepository(FeeReductionRow), filter, after, first);
  }

  async reductions(centerCode: string, status: FeeReductionStatus | null, departmentId: string | null): Promise<FeeReductionRow[]> {
    return this.dataSource.getRepository(FeeReductionRow).find({
      where: { centerCode, ...(status ? { status } : {}), ...(departmentId ? { departmentId } : {}) },
      order: { requestedAt: "DESC", id: "ASC" },
      take: 1000,
    });
  }
}
