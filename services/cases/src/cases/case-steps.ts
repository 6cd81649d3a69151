import { casesEvents, type ActorKind, type EventPayload } from "@onestop/events";
import { changedFields, DomainError, maskIdNumber, notFound, storedApplicantKind, type Clock, type Tx, type UnitOfWork } from "@onestop/platform";
import type { ClocksService } from "../clocks/clocks.service";
import { CaseErrorCode } from "../errors";
import type { ItemVersionReplicaRow } from "../items/entities";
import type { ItemReplicaRepository } from "../items/items.repository";
import { checkTransition, type CaseAction, type CaseOutcome, type CaseStatus } from "./cases.rules";
import type { CasesRepository } from "./cases.repository";
import type { CaseRow } from "./entities";

/** Who performs a step: recorded on the routing slip and in the events. */
export interface Actor {
  kind: ActorKind;
  id: string;
  /** The window a staff member acts from. */
  windowId: string | null;
  /** The service center a staff member acts at; recorded on the slip when it is not the case's own (代办). */
  centerCode?: string | null;
}

/** A unique key refused a new case: the receipt number was drawn before, or the submission or participant exists. */
export class CreationConflict extends Error {
  constructor(readonly outcome: "receipt_taken" | "submit_key_taken" | "participant_taken") {
    super(`case not created: ${outcome}`);
    this.name = "CreationConflict";
  }
}

/** A routing-slip step as the events carry it. */
type SlipStep = NonNullable<EventPayload<typeof casesEvents.caseConcluded>["step"]>;

export const systemActor: Actor = { kind: "SYSTEM", id: "system", windowId: null };

export interface StepContext {
  tx: Tx;
  current: CaseRow;
  /** The item version the case is judged by (before the step). */
  item: ItemVersionReplicaRow;
  now: Date;
}

/** The act a step performs, or how to tell it once the case is locked (a decision that may be a veto proposal). */
export type StepAction = CaseAction | ((context: Omit<StepContext, "now">) => Promise<CaseAction> | CaseAction);

/** What an act decided; the engine applies it. */
export interface StepPlan {
  to: CaseStatus;
  changes?: Partial<CaseRow>;
  /** When the act moved the case to another item version (acceptance under the current one). */
  item?: ItemVersionReplicaRow;
  opinion?: string | null;
  details?: Record<string, unknown> | null;
  /** Extra events, published after the step with the case as it now is. */
  after?: (tx: Tx, updated: CaseRow, item: ItemVersionReplicaRow) => Promise<unknown>;
  /** 办结: the step concludes the case with this outcome, measured at `measuredAt` (default: now). */
  conclusion?: { outcome: CaseOutcome; measuredAt?: Date };
}

/** Refuses a transition the state machine does not allow, with a typed error. */
export function requireTransition(action: CaseAction, current: Pick<CaseRow, "kind" | "status">, to?: CaseStatus): CaseStatus {
  const check = checkTransition(action, current.kind, current.status, to);
  if (check.ok) return check.to;
  if (check.code === CaseErrorCode.WrongKind) throw new DomainError(CaseErrorCode.WrongKind, check.message, { action, kind: check.kind });
  throw new DomainError(CaseErrorCode.InvalidTransition, check.message, { action, from: check.from, to: check.to });
}

/**
 * Runs one step of a case: locks it, lets the act plan the step, then moves the case,
 * recomputes its clocks and timers, appends the step to the routing slip and publishes it.
 * All of it commits together or not at all; a retry with the same idempotency key is
 * answered with the first attempt's result.
 */
export class CaseSteps {
  constructor(
    private readonly cases: CasesRepository,
    private readonly items: ItemReplicaRepository,
    private readonly clocks: ClocksService,
    readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * A retried step (the same idempotency key) is answered with the case as it now is. A retry
   * is rare, so it is recognised only once the step fails: it finds the case moved on, or its
   * routing-slip entry refused by the unique key (case, idempotency key). The failed attempt
   * is rolled back whole; then the entry its first attempt left is looked up.
   */
  async run(caseId: string, actor: Actor, action: StepAction, idempotencyKey: string | null, plan: (context: StepContext) => Promise<StepPlan | null>): Promise<CaseRow> {
    try {
      // The unit of work runs a deadlock victim again whole, so a step is never half-applied.
      return await this.unitOfWork.run((tx) => this.runIn(tx, caseId, actor, action, idempotencyKey, plan));
    } catch (error) {
      const replayed = idempotencyKey ? await this.replay(caseId, actor, action, idempotencyKey) : null;
      if (replayed) return replayed;
      throw error;
    }
  }

  /** The case, when the step with this key was taken before by the same actor; null when it was not. */
  private replay(caseId: string, actor: Actor, stepAction: StepAction, idempotencyKey: string): Promise<CaseRow | null> {
    return this.unitOfWork.run(async (tx) => {
      const earlier = await this.cases.entryByIdempotencyKey(tx, caseId, idempotencyKey);
      const current = earlier ? await this.cases.find(caseId, tx) : null;
      if (!earlier || !current) return null;
      const item = await this.items.version(current.itemId, current.itemVersion, tx);
      const action = typeof stepAction === "function" && item ? await stepAction({ tx, current, item }) : stepAction;
      if (earlier.action !== action || earlier.actorId !== actor.id) {
        throw new DomainError(CaseErrorCode.IdempotencyKeyReused, `Key ${idempotencyKey} was used for another step of case ${caseId}`, { action: earlier.action });
      }
      return current;
    });
  }

  /** A plan of null means the case, once locked, turned out to need nothing: no step is recorded. */
  async runIn(tx: Tx, caseId: string, actor: Actor, stepAction: StepAction, idempotencyKey: string | null, plan: (context: StepContext) => Promise<StepPlan | null>): Promise<CaseRow> {
    const current = await this.cases.findForUpdate(tx, caseId);
    if (!current) throw notFound("Case", caseId);
    const item = await this.items.version(current.itemId, current.itemVersion, tx);
    if (!item) throw new Error(`Item ${current.itemId} v${current.itemVersion} of case ${caseId} is missing from the replica`);
    const action = typeof stepAction === "function" ? await stepAction({ tx, current, item }) : stepAction;
    const now = this.clock.now();
    const step = await plan({ tx, current, item, now });
    if (!step) return current;
    requireTransition(action, current, step.to);
    const judgedBy = step.item ?? item;
    const moved: CaseRow = { ...current, ...step.changes, status: step.to, slipSeq: current.slipSeq + 1, lastStepAt: now };
    const clockFields = await this.clocks.recompute(tx, current, moved, judgedBy, now);
    const updated: CaseRow = { ...moved, ...clockFields };
    await this.cases.update(tx, caseId, changedFields(current, updated));
    const slipStep = await this.record(tx, updated, judgedBy, current.status, current.lastStepAt, actor, action, idempotencyKey, step.opinion ?? null, step.details ?? null, now, Boolean(step.conclusion));
    await step.after?.(tx, updated, judgedBy);
    if (step.conclusion) await this.publishConclusion(tx, updated, judgedBy, step.conclusion.outcome, now, step.conclusion.measuredAt ?? now, slipStep);
    return updated;
  }

  /**
   * Creates a case with its first step (申请) on the slip. A unique key that refuses the row
   * throws CreationConflict before anything else of the case is written.
   */
  async create(tx: Tx, row: CaseRow, item: ItemVersionReplicaRow, actor: Actor, details: Record<string, unknown> | null): Promise<CaseRow> {
    const now = row.submittedAt;
    const blank: CaseRow = { ...row, stage: null, stageStartedAt: null, timers: [] };
    const clocks = await this.clocks.plan(tx, blank, row, item, now);
    const created: CaseRow = { ...row, ...clocks.fields, slipSeq: 1, lastStepAt: now };
    const outcome = await this.cases.insert(tx, created);
    if (outcome !== "inserted") throw new CreationConflict(outcome);
    await this.clocks.setTimers(tx, clocks.timers, now);
    await this.record(tx, created, item, null, now, actor, "SUBMIT", null, null, details, now);
    return created;
  }

  private async record(
    tx: Tx,
    updated: CaseRow,
    item: ItemVersionReplicaRow,
    from: CaseStatus | null,
    previousStepAt: Date,
    actor: Actor,
    action: CaseAction,
    idempotencyKey: string | null,
    opinion: string | null,
    details: Record<string, unknown> | null,
    now: Date,
    concludes = false,
  ): Promise<SlipStep> {
    const slipStep: SlipStep = {
      slipSeq: updated.slipSeq,
      action,
      fromStatus: from,
      toStatus: updated.status,
      actorId: actor.id,
      actorKind: actor.kind,
      actorWindowId: actor.windowId,
      actorCenterCode: actor.centerCode && actor.centerCode !== updated.centerCode ? actor.centerCode : null,
      opinion,
      occurredAt: now.toISOString(),
    };
    const { slipSeq, occurredAt: _asText, ...step } = slipStep;
    await this.cases.appendEntry(tx, {
      ...step,
      caseId: updated.id,
      seq: slipSeq,
      actorCenterCode: slipStep.actorCenterCode ?? null,
      // The slip's action is the case's own act, not the event's free text.
      action,
      occurredAt: now,
      tookMs: Math.max(0, now.getTime() - previousStepAt.getTime()),
      tookWorkingDays: this.clocks.stepTook(previousStepAt, now),
      idempotencyKey,
      details: details ? JSON.stringify(details) : null,
    });
    await tx.publish(
      casesEvents.caseStageChanged,
      {
        ...caseReference(updated),
        ...slipStep,
        outcome: updated.outcome,
        concludes,
        submittedAt: updated.submittedAt.toISOString(),
        acceptedAt: updated.acceptedAt?.toISOString() ?? null,
        deadline: updated.deadlineAt?.toISOString() ?? null,
        onHold: updated.onHold,
        stage: updated.stage,
        stageDeadline: updated.stageDueAt?.toISOString() ?? null,
        ...provincialFields(updated, item),
        applicantSubject: updated.applicantSubject,
        applicantName: updated.applicantName,
        details,
      },
      { centerCode: updated.centerCode },
    );
    return slipStep;
  }

  /** 办结 for the supervision and assessment figures: once per case, with the step that concluded it. */
  private async publishConclusion(tx: Tx, concluded: CaseRow, item: ItemVersionReplicaRow, outcome: CaseOutcome, at: Date, measuredAt: Date, step: SlipStep): Promise<void> {
    const usage = await this.clocks.caseUsage(tx, concluded, measuredAt);
    await tx.publish(
      casesEvents.caseConcluded,
      {
        caseId: concluded.id,
        receiptNo: concluded.receiptNo,
        centerCode: concluded.centerCode,
        itemId: concluded.itemId,
        itemVersion: concluded.itemVersion,
        departmentId: concluded.departmentId,
        windowId: concluded.windowId,
        handlerId: concluded.handlerId,
        outcome,
        acceptedAt: concluded.acceptedAt?.toISOString() ?? null,
        concludedAt: at.toISOString(),
        deadline: concluded.deadlineAt?.toISOString() ?? null,
        onTime: usage?.onTime ?? true,
        workingDaysUsed: usage?.usedWorkingDays ?? null,
        promisedLimitDays: concluded.promisedDays ?? 0,
        kind: concluded.kind,
        decidedBySystem: concluded.decidedBy === systemActor.id,
        step,
        jointApprovalId: concluded.jointApprovalId,
        participantId: concluded.participantId,
        ...provincialFields(concluded, item),
      },
      { centerCode: concluded.centerCode },
    );
  }
}

/**
 * What the provincial export needs of a case, put into its stage and conclusion events here: the
 * item's 实施编码 (the exporter's own look-up forgets items after the streams' 90 days) and the
 * applicant's kind with the number masked. Events are kept 90 days and read by every consumer of
 * the stream, so the full number never goes on the bus.
 */
function provincialFields(row: CaseRow, item: ItemVersionReplicaRow) {
  return {
    itemCode: item.code,
    applicantKind: storedApplicantKind(row.applicantIdNumber),
    applicantIdMasked: maskIdNumber(row.applicantIdNumber),
  };
}

export function caseReference(row: CaseRow) {
  return {
    caseId: row.id,
    receiptNo: row.receiptNo,
    centerCode: row.centerCode,
    itemId: row.itemId,
    itemVersion: row.itemVersion,
    departmentId: row.departmentId,
    agentCenterCode: row.agentCenterCode,
    intakeCenterCode: row.intakeCenterCode,
    kind: row.kind,
    windowId: row.windowId,
    handlerId: row.handlerId,
    jointApprovalId: row.jointApprovalId,
    participantId: row.participantId,
  };
}

