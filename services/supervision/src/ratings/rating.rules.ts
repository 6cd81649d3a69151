import { endOfShanghaiDay, shanghaiDayOf, type WorkingCalendar } from "@onestop/calendar";
import type { EventPayload, RatingLevel, supervisionEvents } from "@onestop/events";
import { warningId, type WarningCause } from "../projection/warning.rules";

export type RatingSubmitted = EventPayload<typeof supervisionEvents.ratingSubmitted>;
export type FollowUpAnswered = EventPayload<typeof supervisionEvents.ratingFollowUpAnswered>;
export type AppealDecided = EventPayload<typeof supervisionEvents.ratingAppealDecided>;

const SCORES: Record<RatingLevel, number> = { VERY_SATISFIED: 5, SATISFIED: 4, BASIC: 3, DISSATISFIED: 2, VERY_DISSATISFIED: 1 };

/** 非常满意 5 … 非常不满意 1, the score staffing's assessment averages. */
export function scoreOf(level: RatingLevel): number {
  return SCORES[level];
}

export function levelOf(score: number): RatingLevel {
  const level = (Object.keys(SCORES) as RatingLevel[]).find((l) => SCORES[l] === score);
  if (!level) throw new Error(`A rating is 1 to 5, not ${score}`);
  return level;
}

/** 差评: the bottom two levels (dissatisfied, very dissatisfied). */
export function isBad(score: number): boolean {
  return score <= 2;
}

/**
 * When a bad rating's follow-up is due: 24:00 Beijing of the `workingDays`-th working day after
 * the day it was given on the county calendar (a rating on Friday evening with 3 days is due
 * Wednesday midnight). Null for a rating that is not bad.
 */
export function followUpDue(calendar: WorkingCalendar, score: number, ratedAt: Date, workingDays: number): Date | null {
  if (!isBad(score)) return null;
  return endOfShanghaiDay(calendar.addWorkingDays(shanghaiDayOf(ratedAt), workingDays));
}

/** What the journal holds of one case's rating: its submission, the department's answer, the appeal's decision. */
export interface RatingFacts {
  submitted: RatingSubmitted | null;
  answered: FollowUpAnswered | null;
  decided: AppealDecided | null;
}

/**
 * 差评未整改: a bad rating unanswered at its follow-up deadline raises a RED warning at the
 * deadline; the answer closes it (late answers too: the record shows how late). An appeal upheld
 * by the supervision office voids the rating, so the warning was never due: it is withdrawn.
 * `nextAt` is the deadline while it is still ahead and unanswered.
 */
export function evaluateRating(facts: RatingFacts, now: Date): { causes: WarningCause[]; nextAt: Date | null } {
  const rating = facts.submitted;
  if (!rating || !rating.followUpDue || facts.decided?.decision === "UPHELD") return { causes: [], nextAt: null };
  const due = new Date(rating.followUpDue);
  const answeredAt = facts.answered ? new Date(facts.answered.answeredAt) : null;
  if (answeredAt && answeredAt.getTime() < due.getTime()) return { causes: [], nextAt: null };
  if (now.getTime() < due.getTime()) return { causes: [], nextAt: answeredAt ? null : due };
  return {
    causes: [
      {
        id: warningId("BAD_RATING_UNANSWERED", rating.caseId, rating.ratingId),
        subjectType: "RATING",
        subjectId: rating.caseId,
        kind: "BAD_RATING_UNANSWERED",
        level: "RED",
        centerCode: rating.centerCode,
        departmentId: rating.departmentId,
        windowId: rating.windowId,
        caseId: rating.caseId,
        jointApprovalId: null,
        clock: null,
        deadline: due,
        detail: `差评未整改: rating ${rating.score} of case ${rating.receiptNo} not answered by its follow-up deadline`,
        raisedAt: due,
        closedAt: answeredAt,
      },
    ],
    nextAt: null,
  };
}
