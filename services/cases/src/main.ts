import { join } from "node:path";
import { casesGauges } from "./cases/cases.gauges";
import { WorkingCalendar } from "@onestop/calendar";
import { AuthorizationReplica, StaffingCurrentLetters, AuthorizationReplica1763769600900, authorizationReplicaEntities, DepartmentPrincipalsNoVetoLetters1763769600901 } from "@onestop/authorization";
import { DurableTimers, FailureThrottle, DurableTimerTable1763769600002, loadChallengeKey, mergeResolvers, ProofOfWork, runSubgraph, SpentChallenges1763769601600, type SubgraphDefinition } from "@onestop/platform";
import { AcceptanceService } from "./cases/acceptance.service";
import { CaseAccess } from "./cases/case-access";
import { CaseEndings } from "./cases/case-endings";
import { CaseSteps } from "./cases/case-steps";
import { CasesRepository } from "./cases/cases.repository";
import { casesResolvers } from "./cases/cases.resolvers";
import { ClockActsService } from "./cases/clock-acts.service";
import { ConclusionService } from "./cases/conclusion.service";
import { DecisionService } from "./cases/decision.service";
import { IntakeService } from "./cases/intake.service";
import { QueriesService } from "./cases/queries.service";
import { ReactionsService } from "./cases/reactions.service";
import { CaseRow, RoutingEntryRow } from "./cases/entities";
import { Cases1763769600021 } from "./cases/migrations/1763769600021-cases";
import { CaseLifecycle1763769600023 } from "./cases/migrations/1763769600023-case-lifecycle";
import { JointLeadAndApplicantKey1763769600029 } from "./cases/migrations/1763769600029-joint-lead-and-applicant-key";
import { HigherAuthorityDocumentDate1763769601402 } from "./cases/migrations/1763769601402-higher-authority-document-date";
import { ProgressLookupThrottle1763769601501 } from "./cases/migrations/1763769601501-progress-lookup-throttle";
import { SubmitKeyExact1763769601602 } from "./cases/migrations/1763769601602-submit-key-exact";
import { AgentCenters1763769602202 } from "./cases/migrations/1763769602202-agent-centers";
import { CaseTicket1763769601901 } from "./cases/migrations/1763769601901-case-ticket";
import { CaseQueue1763769601811 } from "./cases/migrations/1763769601811-case-queue";
import { ClocksRepository } from "./clocks/clocks.repository";
import { ClocksService } from "./clocks/clocks.service";
import { ExtensionRow, SuspensionRow, WarningRow } from "./clocks/entities";
import { CaseClocks1763769600024 } from "./clocks/migrations/1763769600024-case-clocks";
import { caseDocumentHandlers } from "./documents/documents.handlers";
import { CaseDocumentsRepository } from "./documents/documents.repository";
import { CaseDocumentRow } from "./documents/entities";
import { CaseDocuments1763769601910 } from "./documents/migrations/1763769601910-case-documents";
import { loadCasesEnv, type CasesEnv } from "./env";
import { WindowReplicaRow } from "./hall/entities";
import { hallReplicaHandlers } from "./hall/hall.handlers";
import { HallRepository } from "./hall/hall.repository";
import { WindowReplica1763769600027 } from "./hall/migrations/1763769600027-window-replica";
import { ItemStateReplicaRow, ItemVersionReplicaRow } from "./items/entities";
import { itemReplicaHandlers } from "./items/items.handlers";
import { ItemReplicaRepository } from "./items/items.repository";
import { ItemVersionReplica1763769600020 } from "./items/migrations/1763769600020-item-version-replica";
import { ItemReplicaDetails1763769600022 } from "./items/migrations/1763769600022-item-replica-details";
import { ItemReplicaCode1763769601720 } from "./items/migrations/1763769601720-item-replica-code";
import { jointCommandHandlers } from "./joint/joint.handlers";
import { CaseMaterialFileRow, MaterialBlobRow, MaterialRequestRow, MaterialUploadRow } from "./materials/entities";
import { MaterialSweep } from "./materials/files/material-sweep";
import { materialStore } from "./materials/files/store-of-env";
import { uploadRoutes } from "./materials/files/uploads.http";
import { UploadsRepository } from "./materials/files/uploads.repository";
import { UploadsService } from "./materials/files/uploads.service";
import { MaterialUploads1763769601640 } from "./materials/migrations/1763769601640-material-uploads";
import { MaterialsRepository } from "./materials/materials.repository";
import { CaseMaterials1763769600025 } from "./materials/migrations/1763769600025-case-materials";
import { CasePaymentNoticeRow } from "./payments/entities";
import { CasePaymentNotices1763769600026 } from "./payments/migrations/1763769600026-case-payment-notices";
import { CaseFeeAssessment1763769600028 } from "./payments/migrations/1763769600028-case-fee-assessment";
import { paymentNoticeHandlers } from "./payments/payments.handlers";
import { PaymentNoticesRepository } from "./payments/payments.repository";

export { casesEnvSchema, type CasesEnv } from "./env";

export const casesSubgraph: SubgraphDefinition<CasesEnv> = {
  name: "cases",
  rootDir: join(__dirname, ".."),
  entities: [
    ItemVersionReplicaRow,
    ItemStateReplicaRow,
    CaseRow,
    RoutingEntryRow,
    SuspensionRow,
    ExtensionRow,
    WarningRow,
    MaterialRequestRow,
    MaterialBlobRow,
    MaterialUploadRow,
    CaseMaterialFileRow,
    CasePaymentNoticeRow,
    WindowReplicaRow,
    CaseDocumentRow,
    ...authorizationReplicaEntities,
  ],
  migrations: [
    DurableTimerTable1763769600002,
    ItemVersionReplica1763769600020,
    Cases1763769600021,
    ItemReplicaDetails1763769600022,
    CaseLifecycle1763769600023,
    CaseClocks1763769600024,
    CaseMaterials1763769600025,
    CasePaymentNotices1763769600026,
    WindowReplica1763769600027,
    CaseFeeAssessment1763769600028,
    JointLeadAndApplicantKey1763769600029,
    AuthorizationReplica1763769600900,
    DepartmentPrincipalsNoVetoLetters1763769600901,
    HigherAuthorityDocumentDate1763769601402,
    ProgressLookupThrottle1763769601501,
    MaterialUploads1763769601640,
    SpentChallenges1763769601600,
    ItemReplicaCode1763769601720,
    SubmitKeyExact1763769601602,
    AgentCenters1763769602202,
    CaseTicket1763769601901,
    CaseQueue1763769601811,
    CaseDocuments1763769601910,
  ],
  wire({ dataSource, unitOfWork, clock, logger, env, nats, authenticateRoute }) {
    const calendar = WorkingCalendar.shipped();
    const items = new ItemReplicaRepository(dataSource);
    const casesRepository = new CasesRepository(dataSource);
    const notices = new PaymentNoticesRepository(dataSource);
    const documents = new CaseDocumentsRepository(dataSource);
    const hall = new HallRepository(dataSource);
    const authorization = new AuthorizationReplica(dataSource, new StaffingCurrentLetters(nats, env.NATS_NAMESPACE), clock);
    const materials = new MaterialsRepository(dataSource);
    const timers = new DurableTimers({ dataSource, unitOfWork, clock, logger, pollMs: env.TIMER_POLL_MS });
    const clocks = new ClocksService(new ClocksRepository(dataSource), timers, calendar);
    const steps = new CaseSteps(casesRepository, items, clocks, unitOfWork, clock);
    const access = new CaseAccess(steps, hall, authorization);
    const endings = new CaseEndings(clocks, notices);
    const uploads = new UploadsRepository(dataSource);
    const store = materialStore(env);
    const files = new UploadsService(uploads, store, casesRepository, access, unitOfWork, clock, logger);
    const sweep = new MaterialSweep(uploads, store, unitOfWork, clock, logger, { unlinkedHours: env.MATERIAL_UNLINKED_HOURS, sweepMinutes: env.MATERIAL_SWEEP_MINUTES });
    const reactions = new ReactionsService(casesRepository, items, steps, endings, clocks, materials, clock);
    timers.register(reactions.timerHandlers());
    return {
      resolvers: mergeResolvers(
        casesResolvers({
          intake: new IntakeService(casesRepository, items, steps, access, endings, clocks, materials, hall, files, clock),
          acceptance: new AcceptanceService(items, access, endings, clocks, materials),
          decision: new DecisionService(steps, access, clocks, materials, casesRepository),
          conclusion: new ConclusionService(access, endings),
          clockActs: new ClockActsService(access, clocks),
          queries: new QueriesService(casesRepository, items, access, endings, clocks, materials, clock, new FailureThrottle(dataSource), {
            maxFailures: env.PROGRESS_LOOKUP_MAX_FAILURES,
            lockMinutes: env.PROGRESS_LOOKUP_LOCK_MINUTES,
            clientMaxFailures: env.PROGRESS_LOOKUP_CLIENT_MAX_FAILURES,
          }, files, new ProofOfWork(dataSource, loadChallengeKey(env, "cases"), "cases", env), documents),
        }),
      ),
      handlers: [
        ...itemReplicaHandlers(items),
        ...hallReplicaHandlers(hall),
        ...authorization.handlers(),
        ...paymentNoticeHandlers(notices, (tx, caseId) => reactions.concludeAfterFee(tx, caseId)),
        ...jointCommandHandlers(reactions),
        ...caseDocumentHandlers(documents, clock),
      ],
      workers: [timers, sweep],
      gauges: casesGauges(dataSource),
      routes: uploadRoutes({ uploads: files, authenticate: authenticateRoute, maxBytes: env.MATERIAL_MAX_BYTES, logger }),
    };
  },
};

if (require.main === module) void runSubgraph(casesSubgraph, loadCasesEnv());
