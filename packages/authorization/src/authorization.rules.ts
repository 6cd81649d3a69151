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
  | "LETTER_NOT_IN_FORCE"
  /** A veto needs the department's current chief representative. */
  | "NOT_CHIEF_REPRESENTATIVE";

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
 * covers the item, allows the act and is in force at that moment. A veto additionally needs
 * the staff member to be the department's chief representative right now, whatever old
 * letters say.
 */
export function decideAuthorization(
  letters: readonly AuthorizationLetter[],
  act: AuthorizedAct,
  request: ActRequest,
  chiefs: readonly ChiefRepresentative[] = [],
): AuthorizationDecision {
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
  if (act === "SIGN_VETO") {
    const chief = chiefs.find((c) => c.departmentId === request.departmentId);
    if (chief?.staffId !== request.staffId) return { allowed: false, reason: "NOT_CHIEF_REPRESENTATIVE" };
  }
  return { allowed: true, letterId: effective.letterId };
}

export function isAuthorized(
  letters: readonly AuthorizationLetter[],
  act: AuthorizedAct,
  request: ActRequest,
  chiefs: readonly ChiefRepresentative[] = [],
): boolean {
  return decideAuthorization(letters, act, request, chiefs).allowed;
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
