import { maskIdNumber, revealOrMask, type SubgraphContext } from "@onestop/platform";
import type { JointApprovalRow, JointParticipantRow } from "./entities";
import type { HistoryEntry } from "./joint-approvals.repository";
import { mayReadApplicantIdNumber } from "./joint-approvals.rules";
import type { JointApprovalsService } from "./joint-approvals.service";
import type { ClockView } from "./joint-deadlines.service";

type Args = Record<string, unknown>;
const iso = (value: Date | null | undefined) => value?.toISOString() ?? null;

type ParticipantView = JointParticipantRow & { clock: ClockView["participants"] extends Map<string, infer C> ? C : never };

export function jointApprovalsResolvers(service: JointApprovalsService) {
  const overall = (row: JointApprovalRow) => service.clocks(row).then((clocks) => clocks.overall);
  return {
    Query: {
      jointApproval: (_: unknown, args: { id: string }, context: SubgraphContext) => service.jointApproval(context.identity, args.id),
      jointApprovals: (_: unknown, args: Args, context: SubgraphContext) => service.jointApprovals(context.identity, args),
    },
    Mutation: {
      startJointApproval: (_: unknown, args: { input: unknown }, context: SubgraphContext) => service.startJointApproval(context.identity, args.input),
      urgeParticipant: (_: unknown, args: { jointApprovalId: string; participantId: string; note?: string | null }, context: SubgraphContext) =>
        service.urgeParticipant(context.identity, args.jointApprovalId, args.participantId, { note: args.note }),
      withdrawJointApproval: (_: unknown, args: { id: string; reason: string }, context: SubgraphContext) =>
        service.withdrawJointApproval(context.identity, args.id, { reason: args.reason }),
    },
    JointApproval: {
      __resolveReference: (reference: { id: string }, context: SubgraphContext) => service.jointApproval(context.identity, reference.id),
      applicant: (row: JointApprovalRow, _: unknown, context: SubgraphContext) => ({
        name: row.applicantName,
        idNumber: revealOrMask(row.applicantIdNumber, mayReadApplicantIdNumber(context.identity, row), maskIdNumber),
        subject: row.applicantSubject,
      }),
      leadDepartment: (row: JointApprovalRow) => ({ id: row.leadDepartmentId }),
      deadline: (row: JointApprovalRow) => overall(row).then((clock) => iso(clock.dueAt)),
      deadlineDay: (row: JointApprovalRow) => overall(row).then((clock) => clock.dueDay),
      usedWorkingDays: (row: JointApprovalRow) => overall(row).then((clock) => clock.usedWorkingDays),
      remainingWorkingDays: (row: JointApprovalRow) => overall(row).then((clock) => clock.remainingWorkingDays),
      warningLevel: (row: JointApprovalRow) => overall(row).then((clock) => clock.level),
      timedOutAt: (row: JointApprovalRow) => iso(row.timedOutAt),
      openedAt: (row: JointApprovalRow) => row.openedAt.toISOString(),
      concludedAt: (row: JointApprovalRow) => iso(row.concludedAt),
      participants: async (row: JointApprovalRow): Promise<ParticipantView[]> => {
        const [participants, clocks] = await Promise.all([service.participants(row), service.clocks(row)]);
        return participants.map((p) => ({ ...p, clock: clocks.participants.get(p.id)! }));
      },
      history: (row: JointApprovalRow, args: { last: number }) => service.history(row, args.last),
    },
    JointParticipant: {
      department: (p: ParticipantView) => ({ id: p.departmentId }),
      item: (p: ParticipantView) => ({ id: p.itemId }),
      promisedWorkingDays: (p: ParticipantView) => p.promisedLimitDays,
      deemedConsentAllowed: (p: ParticipantView) => p.deemedApproval,
      case: (p: ParticipantView) => (p.caseId ? { id: p.caseId } : null),
      handler: (p: ParticipantView) => (p.handlerId && p.handlerId !== "system" ? { id: p.handlerId } : null),
      acceptedAt: (p: ParticipantView) => iso(p.acceptedAt),
      deadline: (p: ParticipantView) => iso(p.outcome ? p.deadlineAt : p.clock.dueAt),
      deadlineDay: (p: ParticipantView) => p.clock.dueDay,
      usedWorkingDays: (p: ParticipantView) => p.clock.usedWorkingDays,
      remainingWorkingDays: (p: ParticipantView) => p.clock.remainingWorkingDays,
      warningLevel: (p: ParticipantView) => p.clock.level,
      concludedAt: (p: ParticipantView) => iso(p.concludedAt),
      deemedConsentRequestedAt: (p: ParticipantView) => iso(p.deemedConsentRequestedAt),
      timedOutAt: (p: ParticipantView) => iso(p.timedOutAt),
      withdrawalRequestedAt: (p: ParticipantView) => iso(p.withdrawalRequestedAt),
      lastUrgedAt: (p: ParticipantView) => iso(p.lastUrgedAt),
    },
    JointHistoryEntry: {
      at: (entry: HistoryEntry) => entry.at.toISOString(),
    },
    Department: {
      __resolveReference: (reference: { id: string }) => reference,
      jointApprovals: (department: { id: string }, args: Args, context: SubgraphContext) => service.departmentJointApprovals(context.identity, department.id, args),
    },
    Case: {
      __resolveReference: (reference: { id: string; jointApprovalId?: string | null }) => reference,
      jointApproval: (found: { jointApprovalId?: string | null }, _: unknown, context: SubgraphContext) => service.jointApprovalOfCase(context.identity, found.jointApprovalId),
    },
  };
}
