import { iso } from "@onestop/platform";
import type { Resolvers } from "../schema/resolvers.generated";
import type { ReconciliationService } from "./reconciliation.service";

export function reconciliationResolvers(service: ReconciliationService): Resolvers {
  return {
    Query: {
      bankStatement: (_, args, context) => service.statement(context.identity, args.id),
    },
    Mutation: {
      reconcileBankStatement: (_, args, context) => service.reconcileWhole(context.identity, args.input),
      beginBankStatement: (_, args, context) => service.begin(context.identity, args.input),
      appendBankStatementLines: (_, args, context) => service.append(context.identity, args.input),
      closeBankStatement: (_, args, context) => service.close(context.identity, args.statementId),
    },
    BankStatement: {
      department: (statement) => ({ id: statement.departmentId }),
      lineCount: (statement) => statement.declaredLines,
      totalFen: (statement) => statement.declaredTotalFen,
    },
    ReconciliationReport: {
      reconciledAt: (report) => iso(report.reconciledAt),
      discrepancies: (report, args) => service.discrepancies(report, args),
    },
    AccountTotals: {
      department: (totals) => ({ id: totals.departmentId }),
    },
    Discrepancy: {
      paidAt: (row) => iso(row.paidAt),
    },
  };
}
