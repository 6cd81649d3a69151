import type { Resolvers } from "../schema/resolvers.generated";
import { levelOf, isBad } from "./rating.rules";
import type { RatingView, RatingsService } from "./ratings.service";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Where a bad rating's follow-up stands: voided by an upheld appeal, answered, overdue, or open. */
function followUpStatus(v: RatingView, now: Date) {
  if (v.row.appeal_decision === "UPHELD") return "VOIDED" as const;
  if (v.row.answered_at) return "ANSWERED" as const;
  return v.row.follow_up_due && v.row.follow_up_due.getTime() <= now.getTime() ? ("OVERDUE" as const) : ("OPEN" as const);
}

/** Thin: each field asks the service, which checks who the caller is. */
export function ratingsResolvers(service: RatingsService, now: () => Date): Resolvers {
  return {
    Query: {
      caseRating: (_, args, { identity }) => service.caseRating(identity, args),
      ratingFollowUps: (_, args, { identity }) => service.followUps(identity, args),
    },
    Mutation: {
      rateCase: (_, { input }, { identity }) => service.rate(identity, input),
      addToRating: (_, { input }, { identity }) => service.add(identity, input),
      answerRatingFollowUp: (_, { input }, { identity }) => service.answer(identity, input),
      appealRating: (_, { input }, { identity }) => service.appeal(identity, input),
      decideRatingAppeal: (_, { input }, { identity }) => service.decide(identity, input),
    },
    CaseRatingConnection: {
      pageInfo: (c) => ({ endCursor: c.endCursor, hasNextPage: c.hasNextPage }),
    },
    CaseRating: {
      case: (v) => ({ id: v.row.case_id }),
      receiptNo: (v) => v.row.receipt_no,
      department: (v) => ({ id: v.row.department_id }),
      window: (v) => (v.row.window_id ? { id: v.row.window_id } : null),
      level: (v) => levelOf(v.row.score),
      score: (v) => v.row.score,
      bad: (v) => isBad(v.row.score),
      channel: (v) => v.row.channel,
      comment: (v) => v.row.comment,
      ratedAt: (v) => v.row.rated_at.toISOString(),
      additions: (v) => v.additions.map((a) => ({ text: a.text, addedAt: a.added_at.toISOString() })),
      followUp: (v) =>
        v.row.follow_up_due
          ? { due: v.row.follow_up_due.toISOString(), status: followUpStatus(v, now()), answer: v.row.answer, note: v.row.answer_note, answeredAt: iso(v.row.answered_at) }
          : null,
      appeal: (v) =>
        v.row.appealed_at && v.row.appeal_reason
          ? { reason: v.row.appeal_reason, appealedAt: v.row.appealed_at.toISOString(), decision: v.row.appeal_decision, note: v.row.appeal_note, decidedAt: iso(v.row.decided_at) }
          : null,
    },
  };
}
