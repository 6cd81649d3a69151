import type { WindowKind } from "@onestop/events";
import { StaffingErrorCode } from "../errors";
import type { PostPosition } from "./entities";

/** Terms of a post are one or two years; then the holder rotates (轮岗). */
export const termYearsAllowed = [1, 2] as const;

/** A term is flagged this many days before it ends. */
export const ROTATION_NOTICE_DAYS = 30;

export type RotationStatus = "IN_TERM" | "DUE_SOON" | "DUE";

const DAY_MS = 86_400_000;

/** The date (YYYY-MM-DD) the term ends: the same calendar day `years` later. */
export function termEndsOn(startedOn: string, years: number): string {
  const start = new Date(`${startedOn}T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), start.getUTCDate()));
  return end.toISOString().slice(0, 10);
}

export function rotationStatus(startedOn: string, years: number, today: string, noticeDays = ROTATION_NOTICE_DAYS): RotationStatus {
  const endsOn = Date.parse(`${termEndsOn(startedOn, years)}T00:00:00Z`);
  const now = Date.parse(`${today}T00:00:00Z`);
  if (now >= endsOn) return "DUE";
  if (now >= endsOn - noticeDays * DAY_MS) return "DUE_SOON";
  return "IN_TERM";
}

/**
 * Who may sit at a window: staff of its department, or, at a comprehensive window, staff of
 * one of the departments it acts for.
 */
export function mayHoldPostAt(
  staffDepartmentId: string | null,
  window: { kind: WindowKind; departmentId: string | null },
  actsForDepartmentIds: readonly string[],
): boolean {
  if (!staffDepartmentId) return false;
  return window.kind === "COMPREHENSIVE" ? actsForDepartmentIds.includes(staffDepartmentId) : window.departmentId === staffDepartmentId;
}

export interface PostChange {
  windowId: string;
  position: PostPosition;
  staffId: string;
}

export interface PostSituation {
  /** Who holds the other post of the same window now. */
  otherPostHolderId: string | null;
  /** The window whose A post the staff member holds now, if any. */
  aPostWindowIdOfStaff: string | null;
}

/**
 * The A and B posts of a window are two different people (else nobody covers), and nobody
 * holds the A post of two windows at once (A is on duty at one window).
 */
export function postChangeViolation(change: PostChange, situation: PostSituation): (typeof StaffingErrorCode)[keyof typeof StaffingErrorCode] | null {
  if (situation.otherPostHolderId === change.staffId) return StaffingErrorCode.BPostHeldByAHolder;
  if (change.position === "A" && situation.aPostWindowIdOfStaff !== null && situation.aPostWindowIdOfStaff !== change.windowId) {
    return StaffingErrorCode.AlreadyOnAPost;
  }
  return null;
}
