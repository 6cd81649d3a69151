import { decideAuthorization, type AuthorizationLetter, type AuthorizedAct } from "@onestop/authorization";
import type { WindowKind } from "@onestop/events";
import { dutyAt, isAbsent, type Absence, type Cover, type WindowPosts } from "@onestop/authorization";
import type { PostPosition } from "../posts/entities";

/** A window as the `windowPublished` snapshot describes it. */
export interface ServingWindow extends WindowPosts {
  code: string;
  kind: WindowKind;
  departmentId: string | null;
  actsForDepartmentIds: readonly string[];
  open: boolean;
}

export interface CaseToAssign {
  itemId: string;
  /** The department that keeps the item. */
  departmentId: string;
  /** The window the item entered the hall at (进驻窗口), when the catalog says so. */
  entryWindowId: string | null;
  /** What the assignee must be authorized for: acceptance unless said otherwise. */
  act?: AuthorizedAct;
}

export type AssignmentRoute =
  /** The window the item entered at. */
  | "ENTRY_WINDOW"
  /** Another window of the item's own department. */
  | "DEPARTMENT_WINDOW"
  /** A comprehensive window (综合窗口) acting for the department. */
  | "COMPREHENSIVE_WINDOW";

export type UnassignableReason =
  /** No open window serves the item's department. */
  | "NO_WINDOW"
  /** Windows serve it, but nobody is at any of them. */
  | "NO_ONE_ON_DUTY"
  /** Somebody is on duty, but nobody present holds a letter for the act on this item. */
  | "NO_AUTHORIZED_STAFF";

export type Assignment =
  /** `post` is null, and `coverId` set, for the person of an approved temporary cover (临时顶岗). */
  | { assigned: true; windowId: string; staffId: string; post: PostPosition | null; coverId?: string; route: AssignmentRoute }
  | { assigned: false; reason: UnassignableReason };

const byCode = (x: ServingWindow, y: ServingWindow) => x.code.localeCompare(y.code);

/** The open windows that may take a case of the item, in the order they are tried. */
export function candidateWindows(
  caseToAssign: CaseToAssign,
  windows: readonly ServingWindow[],
): Array<{ window: ServingWindow; route: AssignmentRoute }> {
  const open = windows.filter((w) => w.open);
  const entry = open.find((w) => w.windowId === caseToAssign.entryWindowId);
  const serves = (w: ServingWindow) =>
    w.kind === "COMPREHENSIVE" ? w.actsForDepartmentIds.includes(caseToAssign.departmentId) : w.departmentId === caseToAssign.departmentId;
  const entryRoute: AssignmentRoute = entry?.kind === "COMPREHENSIVE" ? "COMPREHENSIVE_WINDOW" : "ENTRY_WINDOW";
  const own = open.filter((w) => w !== entry && w.kind !== "COMPREHENSIVE" && serves(w)).sort(byCode);
  const comprehensive = open.filter((w) => w !== entry && w.kind === "COMPREHENSIVE" && serves(w)).sort(byCode);
  return [
    ...(entry ? [{ window: entry, route: entryRoute }] : []),
    ...own.map((window) => ({ window, route: "DEPARTMENT_WINDOW" as const })),
    ...comprehensive.map((window) => ({ window, route: "COMPREHENSIVE_WINDOW" as const })),
  ];
}

/**
 * 分派: a new case goes to the on-duty staff member of the window the item entered at (or of
 * its department's other windows, then of a comprehensive window acting for it) who is
 * authorized for the act. At each window the one on duty is asked first (A, the person of an
 * approved temporary cover, or B), then the post holders present.
 */
export function assignCase(
  caseToAssign: CaseToAssign,
  windows: readonly ServingWindow[],
  absences: readonly Absence[],
  letters: readonly AuthorizationLetter[],
  at: Date,
  temporaryCovers: readonly Cover[] = [],
): Assignment {
  const candidates = candidateWindows(caseToAssign, windows);
  if (candidates.length === 0) return { assigned: false, reason: "NO_WINDOW" };
  const act = caseToAssign.act ?? "ACCEPT";
  let anyoneOnDuty = false;
  for (const { window, route } of candidates) {
    const duty = dutyAt(window, absences, at, temporaryCovers);
    if (!duty.staffId) continue;
    anyoneOnDuty = true;
    const holders = [
      { staffId: window.aPostStaffId, post: "A" as const },
      { staffId: window.bPostStaffId, post: "B" as const },
    ].filter((holder): holder is { staffId: string; post: PostPosition } => holder.staffId !== null && holder.staffId !== duty.staffId && !isAbsent(holder.staffId, absences, at));
    const present: Array<{ staffId: string; post: PostPosition | null; coverId?: string }> = [
      { staffId: duty.staffId, post: duty.post, coverId: duty.coverId },
      ...holders,
    ];
    for (const person of present) {
      const decision = decideAuthorization(letters, act, { staffId: person.staffId, departmentId: caseToAssign.departmentId, itemId: caseToAssign.itemId, at });
      if (decision.allowed) return { assigned: true, windowId: window.windowId, staffId: person.staffId, post: person.post, coverId: person.coverId, route };
    }
  }
  return { assigned: false, reason: anyoneOnDuty ? "NO_AUTHORIZED_STAFF" : "NO_ONE_ON_DUTY" };
}
