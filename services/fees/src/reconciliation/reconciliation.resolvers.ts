import type { SubgraphContext } from "@onestop/platform";
import { iso } from "../scalars";
import type { DiscrepancyRow } from "./entities";
import type { BankStatementView, ReconciliationReportView, ReconciliationService } from "./reconciliation.service";

export function reconciliationResolvers(service: ReconciliationService) {
  return {
    Query: {
      bankStatement: (_: unknown, args: { id: string }, context: SubgraphContext) => service.statement(context.identity, args.id),
    },
    Mutation: {
      reconcileBankStatement: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.reconcileWhole(context.identity, args.input),
      beginBankStatement: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.begin(context.identity, args.input),
      appendBankStatementLines: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.append(context.identity, args.input),
      closeBankStatement: (_: unknown, args: { statementId: string }, context: SubgraphContext) => service.close(context.identity, args.statementId),
    },
    BankStatement: {
      department: (statement: BankStatementView) => ({ id: statement.departmentId }),
      lineCount: (statement: BankStatementView) => statement.declaredLines,
      totalFen: (statement: BankStatementView) => statement.declaredTotalFen,
    },
    ReconciliationReport: {
      reconciledAt: (report: ReconciliationReportView) => iso(report.reconciledAt),
      discrepancies: (report: ReconciliationReportView, args: Record<string, unknown>) => service.discrepancies(report, args),
    },
    AccountTotals: {
      department: (totals: { departmentId: string }) => ({ id: totals.departmentId }),
    },
    Discrepancy: {
      paidAt: (row: DiscrepancyRow) => iso(row.paidAt),
    },
  };
}
