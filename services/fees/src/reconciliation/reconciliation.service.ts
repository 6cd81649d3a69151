import { randomUUID } from "node:crypto";
import { z } from "zod";
import { shanghaiDayOf } from "@onestop/calendar";
import { DomainError, forbidden, invalidInput, isDuplicateKey, requireRole, validate, type Clock, type Identity, type Tx, type UnitOfWork } from "@onestop/platform";
import { isOverseerOf, mayReconcile } from "../access.rules";
import { accountNumberPattern } from "../accounts/account.rules";
import type { AccountsRepository } from "../accounts/accounts.repository";
import type { FeeAccountRow } from "../accounts/entities";
import { FeeErrorCode } from "../errors";
import { bankTxnIdSchema, daySchema, instantSchema } from "../inputs";
import type { SupervisionService } from "../supervision/supervision.service";
import type { BankStatementRow, DiscrepancyRow } from "./entities";
import {
  classifyLine,
  closeRefusal,
  duplicateTxnIds,
  MAX_LINES_IN_ONE_CALL,
  MAX_LINES_PER_PART,
  MAX_PARTS,
  MISSING_AT_BANK,
  partDigest,
  statementDigest,
  summarize,
  type AccountTotals,
  type ReconciliationSummary,
  type StatementLine,
  type StatementScope,
} from "./reconciliation.rules";
import type { LineWithRecords, ReconciliationRepository } from "./reconciliation.repository";

const MAX_INT = 2_147_483_647;
const entry = z.object({
  bankTxnId: bankTxnIdSchema,
  /** Whatever the bank printed; a number that is no notice here is reported, not refused. */
  noticeNo: z.string().regex(/^[\x21-\x7e]{1,32}$/, "1-32 printable ASCII characters"),
  amountFen: z
    .number()
    .int()
    .min(-MAX_INT)
    .max(MAX_INT)
    .refine((value) => value !== 0, "a line moves money: not 0"),
  paidAt: instantSchema,
});
const accountNo = z.string().trim().regex(accountNumberPattern, "the bank's account number: 8 to 32 digits");
const wholeStatement = z.object({ statementDate: daySchema, accountNo, entries: z.array(entry) });
const opening = z.object({
  statementDate: daySchema,
  accountNo,
  lineCount: z.number().int().min(0).max(MAX_PARTS * MAX_LINES_PER_PART),
  totalFen: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
});
const part = z.object({ statementId: z.string().min(1).max(36), partNo: z.number().int().min(1).max(MAX_PARTS), entries: z.array(entry).min(1) });
const page = z.object({
  category: z.enum(["PAID_AT_BANK_UNKNOWN_HERE", MISSING_AT_BANK, "AMOUNT_MISMATCH", "DETAIL_MISMATCH"]).nullish().transform((value) => value ?? null),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(10_000).default(1000),
});

/** 对账结果 as GraphQL shows it. */
export interface DepartmentAccountTotals extends AccountTotals {
  departmentId: string;
}

export interface ReconciliationReportView extends Omit<ReconciliationSummary, "totals"> {
  statementId: string;
  statementDate: string;
  accountNo: string;
  reconciledAt: Date;
  totals: DepartmentAccountTotals[];
}

export interface BankStatementView extends BankStatementRow {
  report: ReconciliationReportView | null;
}

function entriesOf(raw: unknown): unknown[] | null {
  const entries = (raw as { entries?: unknown } | null)?.entries;
  return Array.isArray(entries) ? entries : null;
}

/**
 * 对账: the bank's statement of one fee account and day against the center's record. A
 * statement comes whole (up to 5,000 lines) or in parts; either way it is reconciled once:
 * the same lines for the same account and day get the report they got the first time, and
 * nothing is changed a second time.
 */
export class ReconciliationService {
  constructor(
    private readonly statements: ReconciliationRepository,
    private readonly accounts: AccountsRepository,
    private readonly supervision: SupervisionService,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async reconcileWhole(identity: Identity, raw: unknown): Promise<ReconciliationReportView> {
    requireRole(identity, "bank", "finance");
    if ((entriesOf(raw)?.length ?? 0) > MAX_LINES_IN_ONE_CALL) {
      throw new DomainError(FeeErrorCode.StatementTooLarge, `More than ${MAX_LINES_IN_ONE_CALL} lines: send the statement in parts (beginBankStatement)`);
    }
    const input = validate(wholeStatement, raw, "input");
    this.requirePastOrToday(input.statementDate);
    const account = await this.accountFor(identity, input.accountNo);
    const lines: StatementLine[] = input.entries;
    this.refuseDuplicates(lines);
    const scope = { accountNo: account.accountNo, statementDate: input.statementDate };
    const digest = statementDigest(scope, lines);
    const known = await this.statements.findReconciled(account.centerCode, account.accountNo, input.statementDate, digest);
    if (known) return this.reportOf(known);
    try {
      return await this.unitOfWork.run(async (tx) => {
        const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
        const statement = this.newStatement(identity, account, input.statementDate, lines.length, totalFen);
        await this.statements.insertStatement(tx, { ...statement, receivedLines: lines.length, receivedTotalFen: totalFen });
        if (lines.length > 0) {
          await this.statements.insertPart(tx, { statementId: statement.id, partNo: 1, lineCount: lines.length, totalFen, digest: partDigest(lines) });
          await this.statements.insertLines(tx, statement.id, 1, lines);
        }
        return this.reconcile(tx, statement, digest, await this.statements.linesWithRecords(tx, statement.id, account.centerCode));
      });
    } catch (error) {
      const first = isDuplicateKey(error) ? await this.statements.findReconciled(account.centerCode, account.accountNo, input.statementDate, digest) : null;
      if (!first) throw error;
      return this.reportOf(first);
    }
  }

  async begin(identity: Identity, raw: unknown): Promise<BankStatementView> {
    const input = validate(opening, raw, "input");
    requireRole(identity, "bank", "finance");
    this.requirePastOrToday(input.statementDate);
    const account = await this.accountFor(identity, input.accountNo);
    const statement = this.newStatement(identity, account, input.statementDate, input.lineCount, input.totalFen);
    await this.unitOfWork.run((tx) => this.statements.insertStatement(tx, statement));
    return { ...statement, report: null };
  }

  /** Adds a part. Sending a part again with the same lines is harmless; with other lines it is a conflict. */
  async append(identity: Identity, raw: unknown): Promise<BankStatementView> {
    if ((entriesOf(raw)?.length ?? 0) > MAX_LINES_PER_PART) {
      throw new DomainError(FeeErrorCode.StatementTooLarge, `A part has at most ${MAX_LINES_PER_PART} lines`);
    }
    const input = validate(part, raw, "input");
    requireRole(identity, "bank", "finance");
    await this.visibleStatement(identity, input.statementId);
    const lines: StatementLine[] = input.entries;
    this.refuseDuplicates(lines);
    const digest = partDigest(lines);
    const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
    const statement = await this.unitOfWork.run(async (tx) => {
      const locked = (await this.statements.lockStatement(tx, input.statementId))!;
      const sent = await this.statements.findPart(tx, locked.id, input.partNo);
      if (sent) {
        if (sent.digest === digest) return locked;
        throw new DomainError(FeeErrorCode.StatementPartConflict, `Part ${input.partNo} was sent before with other lines`, { partNo: input.partNo });
      }
      if (locked.status !== "OPEN") throw new DomainError(FeeErrorCode.StatementClosed, "The statement is closed", { statementId: locked.id });
      if (locked.receivedLines + lines.length > locked.declaredLines) {
        throw new DomainError(FeeErrorCode.StatementTooLarge, `The statement declared ${locked.declaredLines} lines; this part would make ${locked.receivedLines + lines.length}`);
      }
      await this.statements.insertPart(tx, { statementId: locked.id, partNo: input.partNo, lineCount: lines.length, totalFen, digest });
      try {
        await this.statements.insertLines(tx, locked.id, input.partNo, lines);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        throw new DomainError(FeeErrorCode.StatementDuplicateTxn, "A bankTxnId of this part is listed in an earlier part", { partNo: input.partNo });
      }
      const received = { receivedLines: locked.receivedLines + lines.length, receivedTotalFen: locked.receivedTotalFen + totalFen };
      await this.statements.updateStatement(tx, locked.id, received);
      return { ...locked, ...received };
    });
    return this.viewOf(statement);
  }

  /** Checks the declared size and total, then reconciles; closing again gives the same report. */
  async close(identity: Identity, statementId: string): Promise<ReconciliationReportView> {
    requireRole(identity, "bank", "finance");
    const seen = await this.visibleStatement(identity, statementId);
    if (seen.status !== "OPEN") return this.reportOf(seen);
    let digest: string | null = null;
    try {
      return await this.unitOfWork.run(async (tx) => {
        const statement = (await this.statements.lockStatement(tx, statementId))!;
        if (statement.status !== "OPEN") return this.reportOf(statement, tx);
        const refusal = closeRefusal(
          { lineCount: statement.declaredLines, totalFen: statement.declaredTotalFen },
          { lineCount: statement.receivedLines, totalFen: statement.receivedTotalFen },
        );
        if (refusal) throw new DomainError(FeeErrorCode.StatementIncomplete, refusal, { statementId });
        const lines = await this.statements.linesWithRecords(tx, statement.id, statement.centerCode);
        digest = statementDigest(this.scopeOf(statement), lines.map((each) => each.line));
        const first = await this.statements.findReconciled(statement.centerCode, statement.accountNo, statement.statementDate, digest, tx);
        if (first) return this.markDuplicate(tx, statement, first);
        return this.reconcile(tx, statement, digest, lines);
      });
    } catch (error) {
      if (!isDuplicateKey(error) || !digest) throw error;
      const first = await this.statements.findReconciled(seen.centerCode, seen.accountNo, seen.statementDate, digest);
      if (!first) throw error;
      return this.unitOfWork.run(async (tx) => this.markDuplicate(tx, (await this.statements.lockStatement(tx, statementId))!, first));
    }
  }

  async statement(identity: Identity, statementId: string): Promise<BankStatementView | null> {
    const statement = await this.statements.findStatement(statementId);
    if (!statement || !(mayReconcile(identity, statement.centerCode) || isOverseerOf(identity, statement.centerCode))) return null;
    return this.viewOf(statement);
  }

  async discrepancies(report: ReconciliationReportView, raw: unknown): Promise<DiscrepancyRow[]> {
    const input = validate(page, raw);
    return this.statements.discrepancies(report.statementId, input.category, input.offset, input.limit);
  }

  // ---- the reconciliation -----------------------------------------------------------------

  private async reconcile(tx: Tx, statement: BankStatementRow, digest: string, lines: readonly LineWithRecords[]): Promise<ReconciliationReportView> {
    const scope = this.scopeOf(statement);
    const judged = lines.map((each) => ({ ...each, verdict: classifyLine(each.line, each.recorded, each.notice, scope) }));
    const missing = await this.statements.recordedMissing(tx, statement.id, statement.accountNo, statement.statementDate);
    const recordedInScope = await this.statements.recordedTotals(tx, statement.accountNo, statement.statementDate);
    const summary = summarize(
      scope,
      judged.map(({ line, verdict }) => ({ amountFen: line.amountFen, verdict })),
      recordedInScope,
      missing,
    );
    const discrepancies: DiscrepancyRow[] = [];
    const add = (row: Omit<DiscrepancyRow, "statementId" | "seq">) => discrepancies.push({ statementId: statement.id, seq: discrepancies.length + 1, ...row });
    for (const { line, verdict } of judged) {
      if (verdict.category === "MATCHED") continue;
      add({
        category: verdict.category,
        reason: verdict.reason,
        bankTxnId: line.bankTxnId,
        noticeNo: line.noticeNo,
        bankAmountFen: line.amountFen,
        recordedAmountFen: verdict.recordedFen,
        paidAt: line.paidAt,
      });
    }
    for (const record of missing) {
      add({ category: MISSING_AT_BANK, reason: null, bankTxnId: record.bankTxnId, noticeNo: record.noticeNo, bankAmountFen: null, recordedAmountFen: record.ledgerFen, paidAt: record.paidAt });
    }
    await this.statements.insertDiscrepancies(tx, discrepancies);
    for (const { line, verdict } of judged) {
      if (!verdict.irregularity) continue;
      await this.supervision.raise(tx, {
        centerCode: statement.centerCode,
        kind: verdict.irregularity,
        source: "RECONCILIATION",
        departmentId: statement.departmentId,
        noticeNo: line.noticeNo,
        bankTxnId: line.bankTxnId,
        expectedFen: verdict.recordedFen,
        actualFen: line.amountFen,
        detail:
          verdict.irregularity === "AMOUNT_MISMATCH"
            ? `The bank's statement of ${statement.statementDate} lists ${line.amountFen} fen for a transaction recorded at ${verdict.recordedFen}`
            : `The bank's statement of ${statement.statementDate} lists ${line.amountFen} fen paid on notice ${line.noticeNo}, which does not exist`,
      });
    }
    const reconciledAt = this.clock.now();
    await this.statements.updateStatement(tx, statement.id, { status: "RECONCILED", digest, summary, reconciledAt });
    return this.report({ ...statement, status: "RECONCILED", digest, summary, reconciledAt });
  }

  private async markDuplicate(tx: Tx, statement: BankStatementRow, first: BankStatementRow): Promise<ReconciliationReportView> {
    await this.statements.updateStatement(tx, statement.id, { status: "DUPLICATE", duplicateOf: first.id, reconciledAt: this.clock.now() });
    return this.report(first);
  }

  // ---- views ------------------------------------------------------------------------------

  private async reportOf(statement: BankStatementRow, tx?: Tx): Promise<ReconciliationReportView> {
    if (statement.status === "DUPLICATE") return this.report((await this.statements.findStatement(statement.duplicateOf!, tx))!);
    return this.report(statement);
  }

  private report(statement: BankStatementRow): ReconciliationReportView {
    const summary = typeof statement.summary === "string" ? (JSON.parse(statement.summary) as ReconciliationSummary) : statement.summary!;
    return {
      ...summary,
      statementId: statement.id,
      statementDate: statement.statementDate,
      accountNo: statement.accountNo,
      reconciledAt: statement.reconciledAt!,
      totals: summary.totals.map((totals) => ({ ...totals, departmentId: statement.departmentId })),
    };
  }

  private async viewOf(statement: BankStatementRow): Promise<BankStatementView> {
    return { ...statement, report: statement.status === "OPEN" ? null : await this.reportOf(statement) };
  }

  // ---- guards -----------------------------------------------------------------------------

  private newStatement(identity: Identity, account: FeeAccountRow, statementDate: string, lineCount: number, totalFen: number): BankStatementRow {
    return {
      id: randomUUID(),
      centerCode: account.centerCode,
      accountNo: account.accountNo,
      departmentId: account.departmentId,
      statementDate,
      declaredLines: lineCount,
      declaredTotalFen: totalFen,
      receivedLines: 0,
      receivedTotalFen: 0,
      status: "OPEN",
      digest: null,
      duplicateOf: null,
      summary: null,
      openedBy: identity.subject,
      openedAt: this.clock.now(),
      reconciledAt: null,
    };
  }

  private scopeOf(statement: BankStatementRow): StatementScope {
    return { accountNo: statement.accountNo, statementDate: statement.statementDate };
  }

  /** The statement is of a fee account of the caller's center; the bank or finance sends it. */
  private async accountFor(identity: Identity, accountNumber: string): Promise<FeeAccountRow> {
    const account = await this.accounts.findAccountByNo(null, accountNumber);
    if (!account || account.centerCode !== identity.centerCode) {
      throw new DomainError(FeeErrorCode.StatementAccountUnknown, `Account ${accountNumber} is no department's fee account in this center`, {
        accountNo: accountNumber,
      });
    }
    if (!mayReconcile(identity, account.centerCode)) throw forbidden("Statements are sent by the collection bank or the center's finance");
    return account;
  }

  private async visibleStatement(identity: Identity, statementId: string): Promise<BankStatementRow> {
    const statement = await this.statements.findStatement(statementId);
    if (!statement || !mayReconcile(identity, statement.centerCode)) {
      throw new DomainError(FeeErrorCode.StatementUnknown, `No statement ${statementId}`, { statementId });
    }
    return statement;
  }

  private refuseDuplicates(lines: readonly StatementLine[]): void {
    const duplicates = duplicateTxnIds(lines);
    if (duplicates.length > 0) {
      throw new DomainError(FeeErrorCode.StatementDuplicateTxn, `A statement lists each transaction once; listed twice: ${duplicates.slice(0, 10).join(", ")}`, {
        bankTxnIds: duplicates.slice(0, 100),
      });
    }
  }

  private requirePastOrToday(statementDate: string): void {
    if (statementDate > shanghaiDayOf(this.clock.now())) throw invalidInput([{ field: "input.statementDate", message: "lies in the future" }]);
  }
}
