import { DomainError, type Tx } from "@onestop/platform";
import type { ClocksService } from "../clocks/clocks.service";
import { CaseErrorCode } from "../errors";
import { feeGate, type FeeGate } from "../payments/payments.rules";
import type { PaymentNoticesRepository } from "../payments/payments.repository";
import { systemActor, type StepContext, type StepPlan } from "./case-steps";
import type { CaseOutcome, CaseStatus } from "./cases.rules";
import type { CaseRow } from "./entities";

/**
 * The ways a case ends that several acts share: 办结 behind the fee gate, approval deemed
 * by the system, and closing by refusal, withdrawal or return. Each is a step's plan.
 */
export class CaseEndings {
  constructor(
    private readonly clocks: ClocksService,
    private readonly notices: PaymentNoticesRepository,
  ) {}

  async feeGate(found: CaseRow, tx?: Tx): Promise<FeeGate> {
    if (!found.feeRequired) return feeGate(false, []);
    const facts = await this.notices.gateFacts(found.id, tx);
    return feeGate(true, facts.notices, facts.assessment);
  }

  /** 办结: the fee gate first for an approval, then the conclusion event. */
  async conclusion({ tx, current, now }: StepContext): Promise<StepPlan> {
    const outcome = current.outcome ?? (current.status === "APPROVED" ? "APPROVED" : "DENIED");
    if (current.status === "APPROVED" && current.feeRequired) {
      const gate = await this.feeGate(current, tx);
      if (!gate.open) {
        throw new DomainError(CaseErrorCode.FeeNotSettled, `Case ${current.id} owes a fee that is not yet paid (${gate.reason})`, { reason: gate.reason });
      }
    }
    return {
      to: "CONCLUDED",
      changes: { concludedAt: now, outcome },
      conclusion: { outcome },
    };
  }

  /** The system approves; the case concludes at once unless its fee is still owed. */
  async deemedApproval({ tx, current, now }: StepContext, text: string): Promise<StepPlan> {
    const gate = current.acceptedAt && current.feeRequired ? await this.feeGate(current, tx) : { open: true as const };
    if (current.clockEvents > 0) await this.clocks.endSuspension(tx, current.id, now, systemActor.id);
    const decided: Partial<CaseRow> = { decidedAt: now, decidedBy: systemActor.id, decisionOpinion: text, outcome: "DEEMED_APPROVED" };
    if (!gate.open) return { to: "APPROVED", opinion: text, changes: decided, details: { feePending: true } };
    return {
      to: "CONCLUDED",
      opinion: text,
      changes: { ...decided, concludedAt: now },
      // The approval is deemed given as the deadline ran out, so it is measured at the deadline's last instant.
      conclusion: { outcome: "DEEMED_APPROVED", measuredAt: lastInstantBefore(current.deadlineAt, now) },
    };
  }

  /** Refusal, withdrawal and return end the case: any stopped clock ends with it. */
  async closing({ tx, current, now }: StepContext, to: CaseStatus, outcome: Extract<CaseOutcome, "REFUSED" | "WITHDRAWN" | "RETURNED">, text: string): Promise<StepPlan> {
    if (current.clockEvents > 0) await this.clocks.endSuspension(tx, current.id, now, systemActor.id);
    return {
      to,
      opinion: text,
      changes: { outcome, concludedAt: now, deficiencyDueDay: null },
      conclusion: { outcome },
    };
  }
}

function lastInstantBefore(deadline: Date | null, now: Date): Date {
  return deadline && deadline.getTime() <= now.getTime() ? new Date(deadline.getTime() - 1) : now;
}
