import { join } from "node:path";
import { feesGauges } from "./notices/notices.gauges";
import { AuthorizationReplica, StaffingCurrentLetters, AuthorizationReplica1763769600900, authorizationReplicaEntities, DepartmentPrincipalsNoVetoLetters1763769600901 } from "@onestop/authorization";
import { mergeResolvers, runSubgraph, type ResolverMap, type SubgraphDefinition } from "@onestop/platform";
import { accountEntities } from "./accounts/entities";
import { departmentReplicaHandlers } from "./accounts/accounts.handlers";
import { AccountsRepository } from "./accounts/accounts.repository";
import { accountsResolvers } from "./accounts/accounts.resolvers";
import { AccountsService } from "./accounts/accounts.service";
import { FeeAccounts1763769600033 } from "./accounts/migrations/1763769600033-fee-accounts";
import { loadFeesEnv, type FeesEnv } from "./env";
import { itemEntities } from "./items/entities";
import { feeStandardReplicaHandlers } from "./items/items.handlers";
import { FeeStandardReplicaRepository } from "./items/items.repository";
import { FeeStandardReplica1763769600030 } from "./items/migrations/1763769600030-fee-standard-replica";
import { FeeItems1763769600032 } from "./items/migrations/1763769600032-fee-items";
import { noticeEntities } from "./notices/entities";
import { PaymentNotices1763769600031 } from "./notices/migrations/1763769600031-payment-notices";
import { NoticeLifecycle1763769600034 } from "./notices/migrations/1763769600034-notice-lifecycle";
import { JointLeadAndApplicantKey1763769600045 } from "./notices/migrations/1763769600045-joint-lead-and-applicant-key";
import { NoticeChangesService } from "./notices/notice-changes.service";
import { NoticeIssuingService } from "./notices/notice-issuing.service";
import { noticeHandlers } from "./notices/notices.handlers";
import { NoticesRepository } from "./notices/notices.repository";
import { noticesResolvers } from "./notices/notices.resolvers";
import { NoticesService } from "./notices/notices.service";
import { paymentEntities } from "./payments/entities";
import { BankTransactions1763769600035 } from "./payments/migrations/1763769600035-bank-transactions";
import { AsciiIdentifiers1763769600039 } from "./payments/migrations/1763769600039-ascii-identifiers";
import { RefundRequestKey1763769601601 } from "./payments/migrations/1763769601601-refund-request-key";
import { PaymentsRepository } from "./payments/payments.repository";
import { paymentsResolvers } from "./payments/payments.resolvers";
import { PaymentsService } from "./payments/payments.service";
import { reconciliationEntities } from "./reconciliation/entities";
import { BankStatements1763769600036 } from "./reconciliation/migrations/1763769600036-bank-statements";
import { DiscrepancyCategory1763769600038 } from "./reconciliation/migrations/1763769600038-discrepancy-category";
import { ReconciliationRepository } from "./reconciliation/reconciliation.repository";
import { reconciliationResolvers } from "./reconciliation/reconciliation.resolvers";
import { ReconciliationService } from "./reconciliation/reconciliation.service";
import { FenScalar } from "./scalars";
import { FeeIrregularityRow } from "./supervision/entities";
import { FeeIrregularities1763769600037 } from "./supervision/migrations/1763769600037-fee-irregularities";
import { IrregularityRepository } from "./supervision/supervision.repository";
import { supervisionResolvers } from "./supervision/supervision.resolvers";
import { SupervisionService } from "./supervision/supervision.service";

export { feesEnvSchema } from "./env";

export const feesSubgraph: SubgraphDefinition<FeesEnv> = {
  name: "fees",
  rootDir: join(__dirname, ".."),
  entities: [
    ...itemEntities,
    ...accountEntities,
    ...noticeEntities,
    ...paymentEntities,
    ...reconciliationEntities,
    FeeIrregularityRow,
    ...authorizationReplicaEntities,
  ],
  migrations: [
    FeeStandardReplica1763769600030,
    PaymentNotices1763769600031,
    FeeItems1763769600032,
    FeeAccounts1763769600033,
    NoticeLifecycle1763769600034,
    BankTransactions1763769600035,
    BankStatements1763769600036,
    FeeIrregularities1763769600037,
    DiscrepancyCategory1763769600038,
    AsciiIdentifiers1763769600039,
    RefundRequestKey1763769601601,
    JointLeadAndApplicantKey1763769600045,
    AuthorizationReplica1763769600900,
    DepartmentPrincipalsNoVetoLetters1763769600901,
  ],
  wire({ dataSource, unitOfWork, clock, env, nats }) {
    const standards = new FeeStandardReplicaRepository();
    const accountsRepository = new AccountsRepository(dataSource);
    const noticesRepository = new NoticesRepository(dataSource);
    const paymentsRepository = new PaymentsRepository(dataSource);
    const authorization = new AuthorizationReplica(dataSource, new StaffingCurrentLetters(nats, env.NATS_NAMESPACE), clock);
    const supervision = new SupervisionService(new IrregularityRepository(dataSource), clock);
    const issuing = new NoticeIssuingService(noticesRepository, standards, accountsRepository, supervision, clock);
    const notices = new NoticesService(noticesRepository);
    const noticeChanges = new NoticeChangesService(noticesRepository, issuing, authorization, unitOfWork, clock);
    const payments = new PaymentsService(paymentsRepository, noticesRepository, supervision, authorization, unitOfWork, clock);
    const accounts = new AccountsService(accountsRepository, paymentsRepository, issuing, unitOfWork, clock);
    const reconciliation = new ReconciliationService(new ReconciliationRepository(dataSource), accountsRepository, supervision, unitOfWork, clock);
    const resolvers: ResolverMap = {
      ...mergeResolvers(
        noticesResolvers(notices, noticeChanges, clock),
        paymentsResolvers(payments, notices),
        accountsResolvers(accounts),
        reconciliationResolvers(reconciliation),
        supervisionResolvers(supervision),
      ),
      // A scalar goes in whole: mergeResolvers would take it apart field by field.
      Fen: FenScalar,
    };
    return {
      resolvers,
      handlers: [
        ...feeStandardReplicaHandlers(standards),
        ...departmentReplicaHandlers(accountsRepository),
        ...noticeHandlers(issuing),
        ...authorization.handlers(),
      ],
      gauges: feesGauges(dataSource, () => clock.now()),
    };
  },
};

if (require.main === module) void runSubgraph(feesSubgraph, loadFeesEnv());
