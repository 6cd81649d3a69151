import { iso, maskIdNumber, revealOrMask } from "@onestop/platform";
import type { Resolvers } from "../schema/resolvers.generated";
import type { JointApprovalRow } from "./entities";
import { mayReadApplicantIdNumber } from "./joint-approvals.rules";
import type { JointApprovalsService } from "./joint-approvals.service";
import type { ParticipantView } from "./views";

export function jointApprovalsResolvers(service: JointApprovalsService): Resolvers {
  const overall = (row: JointApprovalRow) => service.clocks(row).then((clocks) => clocks.overall);
  return {
    Query: {
      jointApproval: (_, args, context) => service.jointApproval(context, args.id),
      jointApprovals: (_, args, context) => service.jointApprovals(context.identity, args),
    },
    Mutation: {
      startJointApproval: (_, args, context) => service.startJointApproval(context.identity, args.input),
      urgeParticipant: (_, args, context) =>
        service.urgeParticipant(context.identity, args.jointApprovalId, args.participantId, { note: args.note, idempotencyKey: args.idempotencyKey }),
      withdrawJointApproval: (_, args, context) =>
        service.withdrawJointApproval(context.identity, args.id, { reason: args.reason }),
    },
    JointApproval: {
      __resolveReference: (reference, context) => service.jointApproval(context, reference.id),
      applicant: (row, _, context) => {
        const reveal = mayReadApplicantIdNumber(context.identity, row);
        // The key hashes the number: who sees the number masked could recover it from the key.
        return { name: row.applicantName, idNumber: revealOrMask(row.applicantIdNumber, reveal, maskIdNumber), subject: reveal ? row.applicantSubject : null };
      },
      leadDepartment: (row) => ({ id: row.leadDepartmentId }),
      deadline: (row) => overall(row).then((clock) => iso(clock.dueAt)),
      deadlineDay: (row) => overall(row).then((clock) => clock.dueDay),
      usedWorkingDays: (row) => overall(row).then((clock) => clock.usedWorkingDays),
      remainingWorkingDays: (row) => overall(row).then((clock) => clock.remainingWorkingDays),
      warningLevel: (row) => overall(row).then((clock) => clock.level),
      timedOutAt: (row) => iso(row.timedOutAt),
      openedAt: (row) => row.openedAt.toISOString(),
      concludedAt: (row) => iso(row.concludedAt),
      participants: async (row: JointApprovalRow): Promise<ParticipantView[]> => {
        const [participants, clocks] = await Promise.all([service.participants(row), service.clocks(row)]);
        return participants.map((p) => ({ ...p, clock: clocks.participants.get(p.id)! }));
      },
      history: (row, args) => service.history(row, args.last),
    },
    JointParticipant: {
      department: (p) => ({ id: p.departmentId }),
      item: (p) => ({ id: p.itemId }),
      promisedWorkingDays: (p) => p.promisedLimitDays,
      deemedConsentAllowed: (p) => p.deemedApproval,
      case: (p) => (p.caseId ? { id: p.caseId } : null),
      handler: (p) => (p.handlerId && p.handlerId !== "system" ? { id: p.handlerId } : null),
      acceptedAt: (p) => iso(p.acceptedAt),
      deadline: (p) => iso(p.outcome ? p.deadlineAt : p.clock.dueAt),
      deadlineDay: (p) => p.clock.dueDay,
      usedWorkingDays: (p) => p.clock.usedWorkingDays,
      remainingWorkingDays: (p) => p.clock.remainingWorkingDays,
      warningLevel: (p) => p.clock.level,
      concludedAt: (p) => iso(p.concludedAt),
      deemedConsentRequestedAt: (p) => iso(p.deemedConsentRequestedAt),
      timedOutAt: (p) => iso(p.timedOutAt),
      withdrawalRequestedAt: (p) => iso(p.withdrawalRequestedAt),
      lastUrgedAt: (p) => iso(p.lastUrgedAt),
    },
    JointHistoryEntry: {
      at: (entry) => entry.at.toISOString(),
    },
    Department: {
      __resolveReference: (reference) => reference,
      jointApprovals: (department, args, context) => service.departmentJointApprovals(context.identity, department.id, args),
    },
    Case: {
      __resolveReference: (reference) => reference,
      jointApproval: (found, _, context) => service.jointApprovalOfCase(context, found.jointApprovalId),
    },
  };
}
