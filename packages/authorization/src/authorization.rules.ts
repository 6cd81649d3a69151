import type { ItemKind, staffingEvents } from "@onestop/events";

export type AuthorizedAct = staffingEvents.AuthorizedAct;

/** One authorization letter (授权书) as the rule needs it: staffing's own row or a replica's. */
export interface AuthorizationLetter {
  letterId: string;
  centerCode: string;
  staffId: string;
  departmentId: string;
  /** null: the letter covers every item of the department. */
  itemId: string | null;
  acts: readonly AuthorizedAct[];
  validFrom: Date;
  validUntil: Date | null;
  revokedAt: Date | null;
}

/** Who the department's chief representative (首席代表) is now, as far as the checker knows. */
export interface ChiefRepresentative {
  departmentId: string;
  staffId: string;
}

/**
 * Who the department's principal (单位主要负责人) is now. Vetoes are theirs by virtue of the
 * office, not of a letter, so no letter rule asks for it: the acts that need it check it.
 */
export interface DepartmentPrincipal {
  departmentId: string;
  staffId: string;
}

/** One act somebody is about to perform on a case of an item. */
export interface ActRequest {
  staffId: string;
  /** The department that keeps the item (the case's department). */
  departmentId: string;
  itemId: string;
  at: Date;
  /** When given, letters of another service center never count. */
  centerCode?: string;
}

export type RefusalReason =
  /** No letter of this staff member covers the item. */
  | "NO_LETTER"
  /** Letters cover the item, but none allows this act. */
  | "ACT_NOT_GRANTED"
  /** The only letters that would allow it are revoked, expired or not yet valid. */
  | "LETTER_NOT_IN_FORCE";

export type AuthorizationDecision = { allowed: true; letterId: string } | { allowed: false; reason: RefusalReason };

/** A letter covers an item when it names the item, or names none and is the item's department's. */
export function coversItem(letter: AuthorizationLetter, request: Pick<ActRequest, "departmentId" | "itemId">): boolean {
  if (letter.departmentId !== request.departmentId) return false;
  return letter.itemId === null || letter.itemId === request.itemId;
}

/** In force at `at`: valid from then, not expired, not revoked by then. Revocation binds the next act. */
export function inForce(letter: AuthorizationLetter, at: Date): boolean {
  if (letter.validFrom.getTime() > at.getTime()) return false;
  if (letter.validUntil && letter.validUntil.getTime() <= at.getTime()) return false;
  if (letter.revokedAt && letter.revokedAt.getTime() <= at.getTime()) return false;
  return true;
}

/**
 * Nobody may act beyond their letter: the act is allowed when a letter of the staff member
 * covers the item, allows the act and is in force at that moment.
 */
export function decideAuthorization(letters: readonly AuthorizationLetter[], act: AuthorizedAct, request: ActRequest): AuthorizationDecision {
  const covering = letters.filter(
    (letter) =>
      letter.staffId === request.staffId &&
      (request.centerCode === undefined || letter.centerCode === request.centerCode) &&
      coversItem(letter, request),
  );
  if (covering.length === 0) return { allowed: false, reason: "NO_LETTER" };
  const granting = covering.filter((letter) => letter.acts.includes(act));
  if (granting.length === 0) return { allowed: false, reason: "ACT_NOT_GRANTED" };
  const effective = granting.find((letter) => inForce(letter, request.at));
  if (!effective) return { allowed: false, reason: "LETTER_NOT_IN_FORCE" };
  return { allowed: true, letterId: effective.letterId };
}

export function isAuthorized(letters: readonly AuthorizationLetter[], act: AuthorizedAct, request: ActRequest): boolean {
  return decideAuthorization(letters, act, request).allowed;
}

/** Whether the staff member is the department's principal now: the only one who signs its vetoes (否决). */
export function isDepartmentPrincipal(principals: readonly DepartmentPrincipal[], staffId: string, departmentId: string): boolean {
  return principals.some((principal) => principal.departmentId === departmentId && principal.staffId === staffId);
}

/** The act a pre-review of a case needs, by the item's kind; instant items are decided, not pre-reviewed. */
export function preReviewActFor(kind: ItemKind): AuthorizedAct {
  switch (kind) {
    case "INSTANT":
      return "DECIDE_INSTANT";
    case "PROMISED":
      return "PRE_REVIEW_PROMISED";
    case "JOINT":
      return "PRE_REVIEW_JOINT";
    case "REPORTED":
      return "PRE_REVIEW_REPORTED";
  }
}
