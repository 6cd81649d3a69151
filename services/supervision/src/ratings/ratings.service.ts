import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { WorkingCalendar } from "@onestop/calendar";
import { supervisionEvents, type EventDefinition, type EventPayload } from "@onestop/events";
import { DomainError, forbidden, hasRole, isApplicant, notFound, unauthenticated, validate, type Clock, type Identity, type Tx, type UnitOfWork } from "@onestop/platform";
import { readScope, requireSupervisor } from "../dashboard/access.rules";
import { SupervisionErrorCode } from "../errors";
import type { ProjectionRepository } from "../projection/projection.repository";
import type { Projector } from "../projection/projector.service";
import { followUpDue, isBad, scoreOf } from "./rating.rules";
import type { AdditionRow, FollowUpCursor, RatedCaseRow, RatingRow, RatingsRepository } from "./ratings.repository";

export interface RatingView {
  row: RatingRow;
  additions: AdditionRow[];
}

export interface RatingConnection {
  nodes: RatingView[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

function encodeCursor(row: RatingRow): string {
  return Buffer.from(`${row.answered_at ? 1 : 0}|${row.follow_up_due!.toISOString()}|${row.case_id}`).toString("base64url");
}

function decodeCursor(cursor: string): FollowUpCursor {
  const [answered, due, caseId, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(due ?? "");
  if (extra !== undefined || (answered !== "0" && answered !== "1") || !caseId || Number.isNaN(at.getTime())) {
    throw new DomainError(SupervisionErrorCode.InvalidCursor, "after: not a cursor of this list", { field: "after" });
  }
  return { answered: answered === "1", due: at, caseId };
}

const id = z.string().min(1).max(64);
const key = z.string().trim().min(8, "at least 8 characters").max(100, "at most 100 characters");
const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const rateSchema = z
  .object({
    caseId: id.nullish(),
    receiptNo: z.string().min(1).max(64).nullish(),
    level: z.enum(supervisionEvents.ratingLevels),
    comment: text(2000).nullish(),
    idempotencyKey: key,
  })
  .refine((v) => Boolean(v.caseId) !== Boolean(v.receiptNo), { message: "give the case id (applicant) or the receipt number (hall evaluator), not both", path: ["caseId"] });
const addSchema = z.object({ caseId: id, text: text(2000).min(1, "the text is required"), idempotencyKey: key });
const answerSchema = z.object({ caseId: id, answer: z.enum(supervisionEvents.followUpAnswers), note: text(2000).min(1, "say what was done") });
const appealSchema = z.object({ caseId: id, reason: text(2000).min(1, "a reason is required") });
const decideSchema = z.object({ caseId: id, decision: z.enum(supervisionEvents.appealDecisions), note: text(2000).min(1, "a note is required") });
const centerCode = z.string().regex(/^\d{12}$/, "a 12-digit administrative-division code");

const CONCLUDED_OUTCOMES = new Set(["APPROVED", "DENIED", "DEEMED_APPROVED"]);

function fail(code: string, message: string): never {
  throw new DomainError(code, message);
}

/**
 * 好差评: the applicant rates a concluded case once and may add to it; the evaluator at the window
 * rates in the hall with the receipt number (window-scoped staff session, the case's own window
 * only); a bad rating is due a follow-up from its department; the department may appeal a
 * malicious one to the supervision office. Each change is published and filed in supervision's own
 * journal in the same transaction, so the warning for an unanswered bad rating is raised, closed
 * and rebuilt by the projection like any other.
 */
export class RatingsService {
  constructor(
    private readonly repository: RatingsRepository,
    private readonly projection: ProjectionRepository,
    private readonly projector: Projector,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly rules: { calendar: WorkingCalendar; followUpWorkingDays: number },
  ) {}

  async rate(identity: Identity, input: unknown): Promise<RatingView> {
    if (identity.roles.includes("anonymous")) throw unauthenticated();
    const args = validate(rateSchema, input, "input");
    const rating = await this.unitOfWork.run(async (tx) => {
      const retried = await this.repository.ratingByKey(tx.manager, args.idempotencyKey);
      const found = args.caseId ? await this.repository.caseById(tx.manager, args.caseId) : await this.repository.caseByReceipt(tx.manager, args.receiptNo!);
      const channel = args.caseId ? ("APPLICANT" as const) : ("HALL_DEVICE" as const);
      const ratedCase = this.mayRate(identity, found, channel);
      if (retried) {
        if (retried.case_id !== ratedCase.case_id) fail(SupervisionErrorCode.IdempotencyKeyReused, "idempotencyKey: used for another case's rating");
        return retried;
      }
      if (!ratedCase.outcome || !CONCLUDED_OUTCOMES.has(ratedCase.outcome)) fail(SupervisionErrorCode.CaseNotConcluded, `Case ${ratedCase.receipt_no} is not concluded`);
      const now = this.clock.now();
      const score = scoreOf(args.level);
      const row = {
        case_id: ratedCase.case_id,
        rating_id: randomUUID(),
        idempotency_key: args.idempotencyKey,
        receipt_no: ratedCase.receipt_no,
        center_code: ratedCase.center_code,
        department_id: ratedCase.department_id,
        window_id: ratedCase.window_id,
        handler_id: ratedCase.handler_id,
        score,
        channel,
        comment: args.comment ?? "",
        rated_by: identity.subject,
        rated_at: now,
        follow_up_due: followUpDue(this.rules.calendar, score, now, this.rules.followUpWorkingDays),
      };
      if (!(await this.repository.insert(tx.manager, row))) {
        // A retry that ran alongside this one and committed first: the same rating, not a second.
        const concurrent = await this.repository.ratingByKey(tx.manager, args.idempotencyKey, true);
        if (concurrent?.case_id === ratedCase.case_id) return concurrent;
        fail(SupervisionErrorCode.AlreadyRated, `Case ${ratedCase.receipt_no} was rated already; add to the rating instead`);
      }
      await this.announce(tx, supervisionEvents.ratingSubmitted, {
        ...this.ratedCase(row),
        score,
        channel,
        ratedAt: now.toISOString(),
        followUpDue: row.follow_up_due?.toISOString() ?? null,
      });
      return (await this.repository.rating(tx.manager, row.case_id))!;
    });
    return this.view(rating);
  }

  async add(identity: Identity, input: unknown): Promise<RatingView> {
    if (identity.roles.includes("anonymous")) throw unauthenticated();
    const args = validate(addSchema, input, "input");
    const rating = await this.unitOfWork.run(async (tx) => {
      const ratedCase = await this.repository.caseById(tx.manager, args.caseId);
      if (!ratedCase || !ratedCase.applicant_subject || !isApplicant(identity, ratedCase.applicant_subject)) throw forbidden("Only the applicant adds to a case's rating");
      const rating = await this.repository.rating(tx.manager, args.caseId);
      if (!rating) throw notFound("Rating", args.caseId);
      await this.repository.addition(tx.manager, args.idempotencyKey, args.caseId, args.text, this.clock.now());
      return rating;
    });
    return this.view(rating);
  }

  async caseRating(identity: Identity, input: { caseId: string }): Promise<RatingView | null> {
    const { caseId } = validate(z.object({ caseId: id }), input);
    const ratedCase = await this.repository.caseById(this.projection.db, caseId);
    if (!ratedCase) {
      readScope(identity, identity.centerCode ?? "000000000000");
      return null;
    }
    if (!(ratedCase.applicant_subject && isApplicant(identity, ratedCase.applicant_subject))) this.departmentOrOverseer(identity, ratedCase);
    const rating = await this.repository.rating(this.projection.db, caseId);
    return rating ? this.view(rating) : null;
  }

  async followUps(
    identity: Identity,
    input: { centerCode: string; departmentId?: string | null; openOnly?: boolean | null; first?: number | null; after?: string | null },
  ): Promise<RatingConnection> {
    const args = validate(
      z.object({ centerCode, departmentId: id.nullish(), openOnly: z.boolean().nullish(), first: z.number().int().min(1, "at least 1").max(200, "at most 200"), after: z.string().nullish() }),
      { ...input, first: input.first ?? 50 },
    );
    const scope = readScope(identity, args.centerCode, args.departmentId ?? null);
    const filter = { centerCode: scope.centerCode, departmentId: scope.departmentId, openOnly: args.openOnly ?? true };
    const rows = await this.repository.followUps(filter, args.first + 1, args.after ? decodeCursor(args.after) : null);
    const page = rows.slice(0, args.first);
    return {
      nodes: await Promise.all(page.map((row) => this.view(row))),
      hasNextPage: rows.length > args.first,
      endCursor: page.length ? encodeCursor(page[page.length - 1]!) : null,
      totalCount: await this.repository.countFollowUps(filter),
    };
  }

  async answer(identity: Identity, input: unknown): Promise<RatingView> {
    const args = validate(answerSchema, input, "input");
    return this.onBadRating(identity, args.caseId, "DEPARTMENT", async (tx, rating) => {
      if (rating.answered_at) fail(SupervisionErrorCode.FollowUpAlreadyAnswered, "The follow-up was answered already");
      const now = this.clock.now();
      await this.repository.answer(tx.manager, rating.case_id, args.answer, args.note, identity.subject, now);
      await this.announce(tx, supervisionEvents.ratingFollowUpAnswered, { ...this.ratedCase(rating), answer: args.answer, answeredAt: now.toISOString() });
    });
  }

  async appeal(identity: Identity, input: unknown): Promise<RatingView> {
    const args = validate(appealSchema, input, "input");
    return this.onBadRating(identity, args.caseId, "CHIEF", async (tx, rating) => {
      if (rating.appealed_at) fail(SupervisionErrorCode.AppealAlreadyFiled, "The department appealed this rating already");
      await this.repository.appeal(tx.manager, rating.case_id, args.reason, identity.subject, this.clock.now());
    });
  }

  async decide(identity: Identity, input: unknown): Promise<RatingView> {
    const args = validate(decideSchema, input, "input");
    return this.onBadRating(identity, args.caseId, "SUPERVISOR", async (tx, rating) => {
      if (!rating.appealed_at) fail(SupervisionErrorCode.NoAppeal, "The department has not appealed this rating");
      if (rating.decided_at) fail(SupervisionErrorCode.AppealAlreadyDecided, "The appeal was decided already");
      const now = this.clock.now();
      await this.repository.decide(tx.manager, rating.case_id, args.decision, args.note, identity.subject, now);
      await this.announce(tx, supervisionEvents.ratingAppealDecided, { ...this.ratedCase(rating), decision: args.decision, decidedAt: now.toISOString() });
    });
  }

  /** The case when the caller may rate it through `channel`; why not otherwise (an unknown case is refused alike, so nothing is learnt of it). */
  private mayRate(identity: Identity, ratedCase: RatedCaseRow | null, channel: "APPLICANT" | "HALL_DEVICE"): RatedCaseRow {
    if (channel === "APPLICANT") {
      if (!ratedCase || !ratedCase.applicant_subject || !isApplicant(identity, ratedCase.applicant_subject)) throw forbidden("Only the case's applicant rates it");
      return ratedCase;
    }
    // The hall's evaluator runs in the window's staff session: only cases of that very window.
    if (!hasRole(identity, "window_staff") || !identity.windowId) throw forbidden("The hall's evaluator rates under a window's staff session");
    if (!ratedCase || ratedCase.window_id !== identity.windowId || ratedCase.center_code !== identity.centerCode) throw forbidden("The evaluator rates its own window's cases only");
    return ratedCase;
  }

  private departmentOrOverseer(identity: Identity, ratedCase: RatedCaseRow): void {
    const scope = readScope(identity, ratedCase.center_code);
    if (scope.departmentId && scope.departmentId !== ratedCase.department_id) throw forbidden("Department staff see their own department's ratings only");
  }

  /** A change to a bad rating by its department (its chief for an appeal) or the supervision office, under the rating's row lock. */
  private async onBadRating(identity: Identity, caseId: string, who: "DEPARTMENT" | "CHIEF" | "SUPERVISOR", change: (tx: Tx, rating: RatingRow) => Promise<void>): Promise<RatingView> {
    const rating = await this.unitOfWork.run(async (tx) => {
      const rating = await this.repository.rating(tx.manager, caseId, true);
      // Without a rating the case still tells whose it is: another department is refused, not told "not found".
      const owner = rating ?? (await this.repository.caseById(tx.manager, caseId));
      this.mayChange(identity, who, owner ? { centerCode: owner.center_code, departmentId: owner.department_id } : null);
      if (!rating) throw notFound("Rating", caseId);
      if (!isBad(rating.score)) fail(SupervisionErrorCode.NotABadRating, "Follow-ups and appeals are for bad ratings only");
      await change(tx, rating);
      return (await this.repository.rating(tx.manager, caseId))!;
    });
    return this.view(rating);
  }

  /** The department answers and appeals (its chief representative appeals); the supervision office decides. */
  private mayChange(identity: Identity, who: "DEPARTMENT" | "CHIEF" | "SUPERVISOR", owner: { centerCode: string; departmentId: string } | null): void {
    if (identity.roles.includes("anonymous")) throw unauthenticated();
    if (who === "SUPERVISOR") return requireSupervisor(identity, owner?.centerCode ?? identity.centerCode ?? "");
    const scope = readScope(identity, owner?.centerCode ?? identity.centerCode ?? "");
    if (scope.departmentId === null) throw forbidden("Only the rated case's department answers its ratings");
    if (owner && scope.departmentId !== owner.departmentId) throw forbidden("Only the rated case's department answers its ratings");
    if (who === "CHIEF" && !hasRole(identity, "chief_representative")) throw forbidden("The department's chief representative files its appeals");
  }

  private ratedCase(row: Pick<RatingRow, "rating_id" | "case_id" | "receipt_no" | "center_code" | "department_id" | "window_id" | "handler_id">) {
    return {
      ratingId: row.rating_id,
      caseId: row.case_id,
      receiptNo: row.receipt_no,
      centerCode: row.center_code,
      departmentId: row.department_id,
      windowId: row.window_id,
      handlerId: row.handler_id,
    };
  }

  /** Published through the outbox and filed in the journal under the case's rating, then the rating re-evaluated. */
  private async announce<E extends EventDefinition>(tx: Tx, event: E, payload: EventPayload<E> & { caseId: string; centerCode: string }): Promise<void> {
    const eventId = await tx.publish(event, payload, { centerCode: payload.centerCode });
    const entry = { eventId, subject: { type: "RATING" as const, id: payload.caseId }, eventType: event.subject, occurredAt: this.clock.now(), payload };
    await this.projection.journal(tx.manager, [entry]);
    await this.projector.reevaluate(tx, [entry.subject], [entry]);
  }

  private async view(row: RatingRow): Promise<RatingView> {
    return { row, additions: await this.repository.additions(row.case_id) };
  }
}
