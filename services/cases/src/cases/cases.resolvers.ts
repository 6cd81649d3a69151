import { iso } from "@onestop/platform";
import { deadlineDayOf } from "@onestop/calendar";
import type { Resolvers } from "../schema/resolvers.generated";
import { systemActor } from "./case-steps";
import type { AcceptanceService } from "./acceptance.service";
import type { ClockActsService } from "./clock-acts.service";
import type { ConclusionService } from "./conclusion.service";
import type { DecisionService } from "./decision.service";
import type { IntakeService } from "./intake.service";
import type { QueriesService } from "./queries.service";

export interface CaseUseCases {
  intake: IntakeService;
  acceptance: AcceptanceService;
  decision: DecisionService;
  conclusion: ConclusionService;
  clockActs: ClockActsService;
  queries: QueriesService;
}

export function casesResolvers({ intake, acceptance, decision, conclusion, clockActs, queries }: CaseUseCases): Resolvers {
  return {
    Query: {
      case: (_, args, context) => queries.findCase(context, args.id),
      cases: (_, args, context) => queries.listCases(context.identity, args),
      caseQueue: async (_, args, context) => {
        const page = await queries.queue(context.identity, args);
        return { nodes: page.nodes, totalCount: page.totalCount, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
      },
      agencyCases: async (_, args, context) => {
        const page = await queries.agencyCases(context.identity, args);
        return { nodes: page.nodes, totalCount: page.totalCount, pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage } };
      },
      myCases: (_, args, context) => queries.myCases(context.identity, args.limit, args.offset),
      caseProgress: (_, args, context) => queries.publicProgress(context.identity, args, context.client ?? null),
      progressLookupChallenge: async () => {
        const issued = await queries.progressLookupChallenge();
        return { altcha: issued.altcha, expiresAt: iso(issued.expiresAt) };
      },
    },
    Mutation: {
      submitCase: (_, args, context) => intake.submitCase(context.identity, args.input),
      takeInCase: (_, args, context) => intake.takeInCase(context.identity, args.input),
      // Each act on a case: the rest of its arguments, once the case id is taken out, is the act's input.
      acceptCase: (_, { caseId, ...input }, context) => acceptance.acceptCase(context.identity, caseId, input),
      refuseCase: (_, { caseId, ...input }, context) => acceptance.refuseCase(context.identity, caseId, input),
      issueMaterialNotice: (_, { caseId, ...input }, context) => acceptance.issueMaterialNotice(context.identity, caseId, input),
      supplyMaterials: (_, { caseId, ...input }, context) => intake.supplyMaterials(context.identity, caseId, input),
      decideInstantly: (_, { caseId, ...input }, context) => acceptance.decideInstantly(context.identity, caseId, input),
      reviewCase: (_, { caseId, ...input }, context) => decision.reviewCase(context.identity, caseId, input),
      decideCase: (_, { caseId, ...input }, context) => decision.decideCase(context.identity, caseId, input),
      signVeto: (_, { caseId, ...input }, context) => decision.signVeto(context.identity, caseId, input),
      declineVeto: (_, { caseId, ...input }, context) => decision.declineVeto(context.identity, caseId, input),
      recordCountyMeetingDecision: (_, { caseId, ...input }, context) => decision.recordCountyMeetingDecision(context.identity, caseId, input),
      forwardCase: (_, { caseId, ...input }, context) => decision.forwardCase(context.identity, caseId, input),
      recordHigherAuthorityResult: (_, { caseId, ...input }, context) => decision.recordHigherAuthorityResult(context.identity, caseId, input),
      concludeCase: (_, { caseId, ...input }, context) => conclusion.concludeCase(context.identity, caseId, input),
      deliverResult: (_, { caseId, ...input }, context) => conclusion.deliverResult(context.identity, caseId, input),
      withdrawCase: (_, { caseId, ...input }, context) => intake.withdrawCase(context.identity, caseId, input),
      referCase: (_, { caseId, ...input }, context) => intake.referCase(context.identity, caseId, input),
      suspendClock: (_, { caseId, ...input }, context) => clockActs.suspendClock(context.identity, caseId, input),
      resumeClock: (_, { caseId, ...input }, context) => clockActs.resumeClock(context.identity, caseId, input),
      extendDeadline: (_, { caseId, ...input }, context) => clockActs.extendDeadline(context.identity, caseId, input),
      verifyCommitment: (_, { caseId, ...input }, context) => conclusion.verifyCommitment(context.identity, caseId, input),
    },
    Case: {
      __resolveReference: (reference, context) => queries.findCase(context, reference.id),
      item: (row) => ({ id: row.itemId }),
      judgedBy: (row) => ({ itemId: row.itemId, version: row.itemVersion }),
      department: (row) => ({ id: row.departmentId }),
      window: (row) => (row.windowId ? { id: row.windowId } : null),
      handler: (row) => (row.handlerId ? { id: row.handlerId } : null),
      submittedAt: (row) => row.submittedAt.toISOString(),
      acceptedAt: (row) => iso(row.acceptedAt),
      reviewedAt: (row) => iso(row.reviewedAt),
      decidedAt: (row) => iso(row.decidedAt),
      decidedBySystem: (row) => row.decidedBy === systemActor.id,
      concludedAt: (row) => iso(row.concludedAt),
      deliveredAt: (row) => iso(row.deliveredAt),
      forwardedAt: (row) => iso(row.forwardedAt),
      clock: async (row) => {
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
      stageClock: (row) =>
        row.stage && row.stageStartedAt ? {
              stage: row.stage,
              startedAt: row.stageStartedAt.toISOString(),
              deadline: iso(row.stageDueAt),
              deadlineDay: row.stageDueAt ? deadlineDayOf(row.stageDueAt) : null,
            } : null,
      feeSettled: (row) => queries.feeSettled(row),
      allowedActs: (row, _, context) => queries.allowedActs(context.identity, row),
      routingSlip: (row) => queries.routingSlip(row),
      materialRequests: (row) => queries.materialRequests(row),
      materialFiles: (row) => queries.materialFiles(row),
      suspensions: (row) => queries.suspensions(row),
      extensions: (row) => queries.extensions(row),
      warnings: (row) => queries.warnings(row),
      receipt: async (row) => ({
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
      actor: (entry) => (entry.actorKind === "STAFF" ? { id: entry.actorId } : null),
      window: (entry) => (entry.actorWindowId ? { id: entry.actorWindowId } : null),
      occurredAt: (entry) => entry.occurredAt.toISOString(),
    },
    RoutingDocument: {
      issuedAt: (document) => document.issuedAt.toISOString(),
      recordedAt: (document) => document.recordedAt.toISOString(),
    },
    MaterialRequest: {
      code: (row) => row.materialCode,
      name: (row) => row.materialName,
      requestedAt: (row) => row.requestedAt.toISOString(),
      suppliedAt: (row) => iso(row.suppliedAt),
    },
    MaterialFile: {
      fileId: (file) => file.uploadId,
      fileName: (file) => file.upload.fileName,
      mediaType: (file) => file.upload.mediaType,
      sizeBytes: (file) => file.upload.sizeBytes,
      attachedAt: (file) => file.attachedAt.toISOString(),
      downloadPath: (file) => `/files/${file.uploadId}`,
    },
    ClockSuspension: {
      startedAt: (row) => row.startedAt.toISOString(),
      endedAt: (row) => iso(row.endedAt),
    },
    DeadlineExtension: {
      approvedAt: (row) => row.approvedAt.toISOString(),
    },
    CaseWarning: {
      deadline: (row) => row.deadlineAt.toISOString(),
      deadlineDay: (row) => deadlineDayOf(row.deadlineAt),
      raisedAt: (row) => row.raisedAt.toISOString(),
    },
    PublicCaseProgress: {
      deadline: (progress) => iso(progress.deadline),
    },
    Staff: {
      __resolveReference: (reference) => ({ id: reference.id }),
      openCases: (staff, _, context) => queries.openCasesOf(context.identity, staff.id),
    },
  };
}
