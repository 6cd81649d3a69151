import { preReviewActFor } from "@onestop/authorization";
import { casesEvents } from "@onestop/events";
import { DomainError, validate, type Identity } from "@onestop/platform";
import { extensionAllowance } from "../clocks/clocks.rules";
import type { ClocksService } from "../clocks/clocks.service";
import { CaseErrorCode } from "../errors";
import type { CaseAccess } from "./case-access";
import { caseReference, requireTransition } from "./case-steps";
import type { CaseRow } from "./entities";
import { extendInput, resumeInput, suspendInput } from "./inputs";

/** The acts on a case's clock (限时办结): suspending and resuming it, and extending the deadline (延期). */
export class ClockActsService {
  constructor(
    private readonly access: CaseAccess,
    private readonly clocks: ClocksService,
  ) {}

  /** 暂停计时: site inspection, expert review, hearing or supplementing materials begins. */
  async suspendClock(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(suspendInput, rawInput);
    return this.access.staffStep(identity, caseId, "SUSPEND_CLOCK", input.idempotencyKey, (c) => preReviewActFor(c.kind), async ({ tx, current, now }) => {
      requireTransition("SUSPEND_CLOCK", current);
      if (await this.clocks.openSuspension(tx, current.id)) throw new DomainError(CaseErrorCode.ClockAlreadySuspended, `The clock of case ${current.id} is already stopped`);
      await this.clocks.startSuspension(tx, current.id, input.reason, input.note ?? null, now, identity.subject);
      return { to: current.status, opinion: input.note ?? null, changes: { clockEvents: current.clockEvents + 1 }, details: { reason: input.reason } };
    });
  }

  async resumeClock(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(resumeInput, rawInput);
    return this.access.staffStep(identity, caseId, "RESUME_CLOCK", input.idempotencyKey, (c) => preReviewActFor(c.kind), async ({ tx, current, now }) => {
      requireTransition("RESUME_CLOCK", current);
      const open = await this.clocks.openSuspension(tx, current.id);
      if (!open) throw new DomainError(CaseErrorCode.ClockNotSuspended, `The clock of case ${current.id} is running`);
      await this.clocks.endSuspension(tx, current.id, now, identity.subject);
      return { to: current.status, opinion: input.note ?? null, details: { reason: open.reason } };
    });
  }

  /**
   * 延期: whoever the department's letter allows APPROVE_EXTENSION (a leader, normally the chief
   * representative) approves more working days, with the reason and the notice to the
   * applicant, never past the item's legal limit (法定时限) counted from acceptance.
   */
  async extendDeadline(identity: Identity, caseId: string, rawInput: unknown): Promise<CaseRow> {
    const input = validate(extendInput, rawInput);
    return this.access.staffStep(identity, caseId, "EXTEND_DEADLINE", input.idempotencyKey, () => "APPROVE_EXTENSION", async ({ tx, current, item, now }) => {
      requireTransition("EXTEND_DEADLINE", current);
      if (current.deadlineAt && current.deadlineAt.getTime() <= now.getTime()) {
        throw new DomainError(CaseErrorCode.DeadlinePassed, `Case ${current.id} is past its deadline; it can no longer be extended`);
      }
      const { extensions } = await this.clocks.clockEvents(tx, current);
      const allowed = extensionAllowance({
        legalLimitDays: item.legalLimitDays,
        promisedDays: current.promisedDays ?? 0,
        extendedDays: extensions.reduce((days, extension) => days + extension.workingDays, 0),
      });
      if (input.workingDays > allowed) {
        throw new DomainError(
          CaseErrorCode.BeyondLegalLimit,
          `${input.workingDays} more working days would take case ${current.id} past its legal limit of ${item.legalLimitDays} working days; at most ${allowed} may be added`,
          { field: "workingDays", legalLimitDays: item.legalLimitDays, allowedWorkingDays: allowed },
        );
      }
      await this.clocks.addExtension(tx, { caseId: current.id, workingDays: input.workingDays, reason: input.reason, applicantNotice: input.applicantNotice, approvedBy: identity.subject, approvedAt: now });
      return {
        to: current.status,
        opinion: input.reason,
        changes: { clockEvents: current.clockEvents + 1 },
        details: { workingDays: input.workingDays, applicantNotice: input.applicantNotice },
        after: (tx, extended) =>
          tx.publish(
            casesEvents.caseDeadlineExtended,
            {
              ...caseReference(extended),
              applicantSubject: extended.applicantSubject,
              workingDays: input.workingDays,
              reason: input.reason,
              applicantNotice: input.applicantNotice,
              approvedBy: identity.subject,
              approvedAt: now.toISOString(),
              acceptedAt: extended.acceptedAt?.toISOString() ?? null,
              deadline: extended.deadlineAt?.toISOString() ?? null,
            },
            { centerCode: extended.centerCode },
          ),
      };
    });
  }
}
