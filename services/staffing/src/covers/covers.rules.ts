import type { CoverStatus } from "@onestop/events";
import { StaffingErrorCode } from "../errors";
import type { Cover } from "@onestop/authorization";

/**
 * The longest temporary cover (临时顶岗): three days. A cover fills a short, known gap (a
 * sick day, a training course, a meeting away) for the rest of a working day up to a few
 * days; a longer absence means the post should change hands, which is a post change the
 * center approves with a term (requestPostChange).
 */
export const MAX_COVER_HOURS = 72;

/** A box may start a little before the request reaches the server (clocks, typing): not more. */
export const COVER_START_TOLERANCE_MINUTES = 5;

const HOUR_MS = 3_600_000;

/** What is wrong with the time box, each naming its field; none when it is sound. */
export function coverBoxProblems(box: { from: Date; until: Date }, now: Date): string[] {
  const problems: string[] = [];
  if (box.from.getTime() < now.getTime() - COVER_START_TOLERANCE_MINUTES * 60_000) problems.push("from: not in the past");
  if (box.until.getTime() <= box.from.getTime()) problems.push("until: after from");
  else if (box.until.getTime() - box.from.getTime() > MAX_COVER_HOURS * HOUR_MS) problems.push(`until: at most ${MAX_COVER_HOURS} hours after from`);
  return problems;
}

/**
 * A temporary cover is somebody other than the window's post holders: B covers for A
 * automatically and needs no approval, and A is the one being covered for.
 */
export function coverByPostHolder(staffId: string, holders: { aPostStaffId: string | null; bPostStaffId: string | null }): boolean {
  return staffId === holders.aPostStaffId || staffId === holders.bPostStaffId;
}

/** 审批分离: whoever asked for the cover never decides it. */
export function decisionViolation(cover: { requestedBy: string }, deciderId: string): typeof StaffingErrorCode.SameRequesterAndApprover | null {
  return cover.requestedBy === deciderId ? StaffingErrorCode.SameRequesterAndApprover : null;
}

export interface CoverRecord {
  id: string;
  windowId: string;
  staffId: string;
  startsAt: Date;
  endsAt: Date;
  status: CoverStatus;
  decidedAt: Date | null;
  cancelledAt: Date | null;
}

/**
 * The stretch in which the cover put its person on duty, or null when it never did: approved,
 * until its end or its cancellation, whichever came first. A cover cancelled while pending,
 * or rejected, never counted.
 */
export function coverInForce(record: CoverRecord): Cover | null {
  const approved = record.status === "APPROVED" || (record.status === "CANCELLED" && record.decidedAt !== null);
  if (!approved) return null;
  const until = record.cancelledAt && record.cancelledAt < record.endsAt ? record.cancelledAt : record.endsAt;
  if (until.getTime() <= record.startsAt.getTime()) return null;
  return { coverId: record.id, windowId: record.windowId, staffId: record.staffId, from: record.startsAt, until };
}
