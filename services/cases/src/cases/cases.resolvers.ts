import type { SubgraphContext } from "@onestop/platform";
import { systemActor } from "./case-steps";
import type { AcceptanceService } from "./acceptance.service";
import type { ClockActsService } from "./clock-acts.service";
import type { ConclusionService } from "./conclusion.service";
import type { DecisionService } from "./decision.service";
import type { IntakeService } from "./intake.service";
import type { PublicProgress, QueriesService } from "./queries.service";
import type { CaseRow, RoutingEntryRow } from "./entities";
import type { MaterialRequestRow } from "../materials/entities";
import type { ExtensionRow, SuspensionRow, WarningRow } from "../clocks/entities";

type Args = Record<string, unknown>;
const iso = (value: Date | null | undefined) => value?.toISOString() ?? null;

/** The rest of a mutation's arguments, once the case id is taken out: the act's input. */
function actInput(args: Args): Args {
  const { caseId: _caseId, ...rest } = args;
  return rest;
}

export interface CaseUseCases {
  intake: IntakeService;
  acceptance: AcceptanceService;
  decision: DecisionService;
  conclusion: ConclusionService;
  clockActs: ClockActsService;
  queries: QueriesService;
}

export function casesResolvers({ intake, acceptance, decision, conclusion, clockActs, queries }: CaseUseCases) {
  const act =
    (perform: (identity: SubgraphContext["identity"], caseId: string, input: Args) => Promise<CaseRow>) =>
    (_: unknown, args: Args, context: SubgraphContext) =>
      perform(context.identity, String(args.caseId), actInput(args));

  return {
    Query: {
      case: (_: unknown, args: { id: string }, context: SubgraphContext) => queries.findCase(context.identity, args.id),
      cases: (_: unknown, args: Args, context: SubgraphContext) => queries.listCases(context.identity, args),
      myCases: (_: unknown, args: { limit: number; offset: number }, context: SubgraphContext) => queries.myCases(context.identity, args.limit, args.offset),
      caseProgress: (_: unknown, args: { receiptNo: string; idNumber: string }) => queries.publicProgress(args.receiptNo, args.idNumber),
    },
    Mutation: {
      submitCase: (_: unknown, args: { input: unknown }, context: SubgraphContext) => intake.submitCase(context.identity, args.input),
      acceptCase: act((identity, caseId, input) => acceptance.acceptCase(identity, caseId, input)),
      refuseCase: act((identity, caseId, input) => acceptance.refuseCase(identity, caseId, input)),
      issueMaterialNotice: act((identity, caseId, input) => acceptance.issueMaterialNotice(identity, caseId, input)),
      supplyMaterials: act((identity, caseId, input) => intake.supplyMaterials(identity, caseId, input)),
      decideInstantly: act((identity, caseId, input) => acceptance.decideInstantly(identity, caseId, input)),
      reviewCase: act((identity, caseId, input) => decision.reviewCase(identity, caseId, input)),
      decideCase: act((identity, caseId, input) => decision.decideCase(identity, caseId, input)),
      signVeto: act((identity, caseId, input) => decision.signVeto(identity, caseId, input)),
      declineVeto: act((identity, caseId, input) => decision.declineVeto(identity, caseId, input)),
      recordCountyMeetingDecision: act((identity, caseId, input) => decision.recordCountyMeetingDecision(identity, caseId, input)),
      forwardCase: act((identity, caseId, input) => decision.forwardCase(identity, caseId, input)),
      recordHigherAuthorityResult: act((identity, caseId, input) => decision.recordHigherAuthorityResult(identity, caseId, input)),
      concludeCase: act((identity, caseId, input) => conclusion.concludeCase(identity, caseId, input)),
      deliverResult: act((identity, caseId, input) => conclusion.deliverResult(identity, caseId, input)),
      withdrawCase: act((identity, caseId, input) => intake.withdrawCase(identity, caseId, input)),
      referCase: act((identity, caseId, input) => intake.referCase(identity, caseId, input)),
      suspendClock: act((identity, caseId, input) => clockActs.suspendClock(identity, caseId, input)),
      resumeClock: act((identity, caseId, input) => clockActs.resumeClock(identity, caseId, input)),
      extendDeadline: act((identity, caseId, input) => clockActs.extendDeadline(identity, caseId, input)),
      verifyCommitment: act((identity, caseId, input) => conclusion.verifyCommitment(identity, caseId, input)),
    },
    Case: {
      __resolveReference: (reference: { id: string }, context: SubgraphContext) => queries.findCase(context.identity, reference.id),
      item: (row: CaseRow) => ({ id: row.itemId }),
      judgedBy: (row: CaseRow) => ({ itemId: row.itemId, version: row.itemVersion }),
      department: (row: CaseRow) => ({ id: row.departmentId }),
      window: (row: CaseRow) => (row.windowId ? { id: row.windowId } : null),
      handler: (row: CaseRow) => (row.handlerId ? { id: row.handlerId } : null),
      submittedAt: (row: CaseRow) => row.submittedAt.toISOString(),
      acceptedAt: (row: CaseRow) => iso(row.acceptedAt),
      reviewedAt: (row: CaseRow) => iso(row.reviewedAt),
      decidedAt: (row: CaseRow) => iso(row.decidedAt),
      decidedBySystem: (row: CaseRow) => row.decidedBy === systemActor.id,
      concludedAt: (row: CaseRow) => iso(row.concludedAt),
      deliveredAt: (row: CaseRow) => iso(row.deliveredAt),
      forwardedAt: (row: CaseRow) => iso(row.forwardedAt),
      clock: async (row: CaseRow) => {
        if (row.promisedDays === null || !row.acceptedAt) return null;
        const usage = await queries.clockNow(row);
        if (!usage) return null;
        return {
          promisedWorkingDays: row.promisedDays,
          deadline: iso(row.deadlineAt),
          deadlineDay: row.deadlineDay,
          onHold: row.onHold,
          usedWorkingDays: usage.usedWorkingDays,
          remainingWorkingDays: usage.remainingWorkingDays,
          level: row.concludedAt ? (usage.onTime ? "GREEN" : "RED") : usage.level,
        };
      },
      stageClock: (row: CaseRow) =>
        row.stage && row.stageStartedAt ? { stage: row.stage, startedAt: row.stageStartedAt.toISOString(), deadline: iso(row.stageDueAt) } : null,
      feeSettled: (row: CaseRow) => queries.feeSettled(row),
      routingSlip: (row: CaseRow) => queries.routingSlip(row),
      materialRequests: (row: CaseRow) => queries.materialRequests(row),
      suspensions: (row: CaseRow) => queries.suspensions(row),
      extensions: (row: CaseRow) => queries.extensions(row),
      warnings: (row: CaseRow) => queries.warnings(row),
      receipt: async (row: CaseRow) => ({
        receiptNo: row.receiptNo,
        itemName: await queries.itemName(row),
        submittedAt: row.submittedAt.toISOString(),
        acceptedAt: iso(row.acceptedAt),
        promisedWorkingDays: row.acceptedAt ? row.promisedDays : null,
        deadlineDay: row.deadlineDay,
        lookupHint: "凭受理编号和申请人身份证号码，可在政务服务网查询办理进度",
      }),
    },
    RoutingEntry: {
      actor: (entry: RoutingEntryRow) => (entry.actorKind === "STAFF" ? { id: entry.actorId } : null),
      window: (entry: RoutingEntryRow) => (entry.actorWindowId ? { id: entry.actorWindowId } : null),
      occurredAt: (entry: RoutingEntryRow) => entry.occurredAt.toISOString(),
    },
    MaterialRequest: {
      code: (row: MaterialRequestRow) => row.materialCode,
      name: (row: MaterialRequestRow) => row.materialName,
      requestedAt: (row: MaterialRequestRow) => row.requestedAt.toISOString(),
      suppliedAt: (row: MaterialRequestRow) => iso(row.suppliedAt),
    },
    ClockSuspension: {
      startedAt: (row: SuspensionRow) => row.startedAt.toISOString(),
      endedAt: (row: SuspensionRow) => iso(row.endedAt),
    },
    DeadlineExtension: {
      approvedAt: (row: ExtensionRow) => row.approvedAt.toISOString(),
    },
    CaseWarning: {
      deadline: (row: WarningRow) => row.deadlineAt.toISOString(),
      raisedAt: (row: WarningRow) => row.raisedAt.toISOString(),
    },
    PublicCaseProgress: {
      deadline: (progress: PublicProgress) => iso(progress.deadline),
    },
    Staff: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      openCases: (staff: { id: string }, _: unknown, context: SubgraphContext) => queries.openCasesOf(context.identity, staff.id),
    },
  };
}
