import { casesEvents, type EventPayload, type jointEvents } from "@onestop/events";
import { RetryLater, type Clock, type DueTimer, type TimerHandler, type Tx } from "@onestop/platform";
import type { CaseClock as ClockName, WarningCard } from "@onestop/events";
import type { TimerKind } from "../clocks/clocks.rules";
import type { ClocksService } from "../clocks/clocks.service";
import type { ItemReplicaRepository } from "../items/items.repository";
import type { MaterialsRepository } from "../materials/materials.repository";
import type { CaseEndings } from "./case-endings";
import { caseReference, CreationConflict, requireTransition, systemActor, type CaseSteps } from "./case-steps";
import { isClosed, UNDECIDED } from "./cases.rules";
import type { CasesRepository } from "./cases.repository";
import { newCase } from "./new-case";

/**
 * What the system does on its own: the durable timers (warnings, deemed approval 超时默认,
 * the return of a case whose deferred materials did not come), the joint-approval saga's
 * commands (并联审批), and a settled fee that lets a system approval conclude. Each runs in
 * the transaction of the timer or event that caused it.
 */
export class ReactionsService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly items: ItemReplicaRepository,
    private readonly steps: CaseSteps,
    private readonly endings: CaseEndings,
    private readonly clocks: ClocksService,
    private readonly materials: MaterialsRepository,
    private readonly clock: Clock,
  ) {}

  /** What each kind of timer a case sets (clocks.rules) does when it fires. */
  timerHandlers(): Record<TimerKind, TimerHandler> {
    return {
      "deemed-approval": (tx, timer) => this.onDeemedApprovalDue(tx, timer),
      "case-clock": (tx, timer) => this.onClockTimer(tx, timer),
      "deficiency-due": (tx, timer) => this.onDeficiencyDue(tx, timer),
    };
  }

  /** 超时默认: a promised case still undecided at its deadline is approved by the system. */
  async onDeemedApprovalDue(tx: Tx, timer: DueTimer): Promise<void> {
    const { caseId } = timer.payload as { caseId: string };
    const found = await this.cases.find(caseId, tx);
    if (!found || found.deadlineAt?.getTime() !== timer.dueAt.getTime()) return;
    if (!UNDECIDED.includes(found.status)) {
      if (!isClosed(found.status)) await this.raiseWarning(tx, caseId, "CASE", "RED");
      return;
    }
    await this.steps.runIn(tx, caseId, systemActor, "DEEM_APPROVED", null, async (context) => {
      if (!UNDECIDED.includes(context.current.status)) return null;
      requireTransition("DEEM_APPROVED", context.current, "CONCLUDED");
      return this.endings.deemedApproval(context, "超时默认：承诺期限届满未作出决定，视为批准");
    });
  }

  /** A clock turned yellow or red: the warning is raised once per clock, level and deadline. */
  async onClockTimer(tx: Tx, timer: DueTimer): Promise<void> {
    const { caseId, clock, level } = timer.payload as { caseId: string; clock: ClockName; level: WarningCard };
    await this.raiseWarning(tx, caseId, clock, level);
  }

  /** 容缺: the deferred materials did not follow by their day; the case is returned (退件). */
  async onDeficiencyDue(tx: Tx, timer: DueTimer): Promise<void> {
    const { caseId } = timer.payload as { caseId: string };
    const found = await this.cases.find(caseId, tx);
    if (!found || !found.deficiencyDueDay || isClosed(found.status)) return;
    const stillOpen = (await this.materials.requestsOf(caseId, tx)).filter((r) => r.kind === "DEFERRED" && r.suppliedAt === null);
    if (stillOpen.length === 0) return;
    await this.steps.runIn(tx, caseId, systemActor, "RETURN", null, async (context) => {
      if (isClosed(context.current.status)) return null;
      requireTransition("RETURN", context.current);
      const plan = await this.endings.closing(context, "RETURNED", "RETURNED", `容缺材料未在${found.deficiencyDueDay}前补齐，退件`);
      return { ...plan, details: { missing: stillOpen.map((r) => r.materialCode) } };
    });
  }

  /**
   * The joint-approval saga opens the participant's case (联办件). A repeated command changes
   * nothing: the participant's unique key refuses its case before anything else is written.
   */
  async openJointCase(tx: Tx, command: EventPayload<typeof jointEvents.jointCaseRequested>): Promise<void> {
    const current = await this.items.current(command.itemId, tx);
    const item = current.version;
    if (!item) throw new RetryLater(`Item ${command.itemId} of joint case ${command.participantId} is not replicated yet`, 2000);
    if (item.departmentId !== command.departmentId || item.centerCode !== command.centerCode) {
      throw new Error(`Joint case ${command.participantId}: item ${command.itemId} belongs to another department or center`);
    }
    const row = newCase({
      item,
      kind: "JOINT",
      applicantSubject: command.applicantSubject,
      applicantName: command.applicantName,
      applicantIdNumber: command.applicantIdNumber.trim().toUpperCase(),
      quantity: 1,
      onCommitment: false,
      windowId: current.entryWindowId,
      submitKey: null,
      now: this.clock.now(),
    });
    row.jointApprovalId = command.jointApprovalId;
    row.participantId = command.participantId;
    row.jointLeadDepartmentId = command.leadDepartmentId;
    try {
      await this.steps.create(tx, row, item, systemActor, { projectCode: command.projectCode, projectName: command.projectName, leadDepartmentId: command.leadDepartmentId });
    } catch (error) {
      if (error instanceof CreationConflict && error.outcome === "participant_taken") return;
      throw error;
    }
  }

  /** Compensation of the saga: the participant's case closes as withdrawn if it is still open. */
  async withdrawJointCase(tx: Tx, command: EventPayload<typeof jointEvents.jointCaseWithdrawalRequested>): Promise<void> {
    const found = await this.cases.findByParticipant(command.participantId, tx);
    if (!found || isClosed(found.status)) return;
    await this.steps.runIn(tx, found.id, systemActor, "WITHDRAW_FOR_JOINT_APPROVAL", null, async (context) => {
      if (isClosed(context.current.status)) return null;
      requireTransition("WITHDRAW_FOR_JOINT_APPROVAL", context.current);
      return this.endings.closing(context, "WITHDRAWN", "WITHDRAWN", command.reason);
    });
  }

  /** At the participant's deadline, a silent department is taken to agree (where the item allows it). */
  async deemJointConsent(tx: Tx, command: EventPayload<typeof jointEvents.jointDeemedConsentRequested>): Promise<void> {
    const found = await this.cases.findByParticipant(command.participantId, tx);
    if (!found || !UNDECIDED.includes(found.status)) return;
    await this.steps.runIn(tx, found.id, systemActor, "DEEM_APPROVED", null, async (context) => {
      if (!UNDECIDED.includes(context.current.status)) return null;
      requireTransition("DEEM_APPROVED", context.current, "CONCLUDED");
      const plan = await this.endings.deemedApproval(context, "联审期限届满未提出意见，视为同意");
      return { ...plan, details: { ...plan.details, deadline: command.deadline } };
    });
  }

  /** A settlement may open the gate for an approval the system made that only waited for its fee. */
  async concludeAfterFee(tx: Tx, caseId: string): Promise<void> {
    const found = await this.cases.find(caseId, tx);
    if (!found || found.status !== "APPROVED" || found.decidedBy !== systemActor.id) return;
    const gate = await this.endings.feeGate(found, tx);
    if (!gate.open) return;
    await this.steps.runIn(tx, caseId, systemActor, "CONCLUDE", null, async (context) => {
      if (context.current.status !== "APPROVED") return null;
      requireTransition("CONCLUDE", context.current);
      return this.endings.conclusion(context);
    });
  }

  private async raiseWarning(tx: Tx, caseId: string, clock: ClockName, level: WarningCard): Promise<void> {
    const found = await this.cases.find(caseId, tx);
    if (!found || isClosed(found.status)) return;
    const item = await this.items.version(found.itemId, found.itemVersion, tx);
    if (!item) return;
    const now = this.clock.now();
    const standing = await this.clocks.clockAt(tx, found, item, clock, now);
    if (!standing || !standing.state.dueAt) return;
    const reached = standing.usage.level === "RED" || (level === "YELLOW" && standing.usage.level === "YELLOW");
    if (!reached) return;
    if (!(await this.clocks.recordWarning(tx, { caseId, clock, level, deadlineAt: standing.state.dueAt, raisedAt: now }))) return;
    await tx.publish(
      casesEvents.caseWarningRaised,
      {
        ...caseReference(found),
        status: found.status,
        clock,
        level,
        deadline: standing.state.dueAt.toISOString(),
        remainingWorkingDays: standing.usage.remainingWorkingDays,
        raisedAt: now.toISOString(),
        acceptedAt: found.acceptedAt?.toISOString() ?? null,
      },
      { centerCode: found.centerCode },
    );
  }
}
