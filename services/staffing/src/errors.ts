import { ChallengeErrorCode, ErrorCode } from "@onestop/platform";

/**
 * The stable codes staffing answers with (`extensions.code`), the platform's shared ones
 * included: clients switch on them, so a code is never renamed or reused. docs/staffing.md
 * lists each one.
 */
export const StaffingErrorCode = {
  ...ErrorCode,
  /** CHALLENGE_REQUIRED, CHALLENGE_FAILED: the proof-of-work challenge an anonymous guess carries (docs/security.md, "Guessing"). */
  ...ChallengeErrorCode,
  UnknownDepartment: "UNKNOWN_DEPARTMENT",
  UnknownHall: "UNKNOWN_HALL",
  UnknownWindow: "UNKNOWN_WINDOW",
  UnknownStaff: "UNKNOWN_STAFF",
  UnknownItem: "UNKNOWN_ITEM",
  /** The code names no registered service center (county, township or village point). */
  UnknownCenter: "UNKNOWN_CENTER",
  /** 代办授权: a letter to staff of a township or village point carries an act an agent may not do (a township: ACCEPT and DELIVER; a village point: DELIVER). */
  ActNotForAgent: "ACT_NOT_FOR_AGENT",
  /** The staff member does not belong to the department (nor sits at a comprehensive window acting for it). */
  StaffNotOfDepartment: "STAFF_NOT_OF_DEPARTMENT",
  /** The B post would be held by the A post's holder (or the other way round). */
  BPostHeldByAHolder: "B_POST_HELD_BY_A_HOLDER",
  /** The staff member already holds the A post of another window. */
  AlreadyOnAPost: "ALREADY_ON_A_POST",
  PostChangePending: "POST_CHANGE_PENDING",
  RequestAlreadyDecided: "REQUEST_ALREADY_DECIDED",
  ItemOfAnotherDepartment: "ITEM_OF_ANOTHER_DEPARTMENT",
  /** Retired (no letter carries the veto any more, issue 14); kept so the code is never reused. */
  VetoNeedsChiefRepresentative: "VETO_NEEDS_CHIEF_REPRESENTATIVE",
  LetterAlreadyRevoked: "LETTER_ALREADY_REVOKED",
  LeaveOverlaps: "LEAVE_OVERLAPS",
  AlreadyClockedIn: "ALREADY_CLOCKED_IN",
  NotClockedIn: "NOT_CLOCKED_IN",
  InvalidCredentials: "INVALID_CREDENTIALS",
  AccountLocked: "ACCOUNT_LOCKED",
  AccountExists: "ACCOUNT_EXISTS",
  UsernameTaken: "USERNAME_TAKEN",
  LoginUnavailable: "LOGIN_UNAVAILABLE",
  /** Someone already registered an account with this ID number or credit code. */
  CitizenAlreadyRegistered: "CITIZEN_ALREADY_REGISTERED",
  /** Unknown, expired or revoked refresh token: sign in again. */
  InvalidRefreshToken: "INVALID_REFRESH_TOKEN",
  /** A refresh token already exchanged was presented again: its whole family is revoked. */
  RefreshTokenReused: "REFRESH_TOKEN_REUSED",
  UnknownMachineClient: "UNKNOWN_MACHINE_CLIENT",
  SecretAlreadyRevoked: "SECRET_ALREADY_REVOKED",
  /** 临时顶岗: the person named holds the window's A or B post; B covers for A without approval. */
  CoverByPostHolder: "COVER_BY_POST_HOLDER",
  /** The window, or the person, already has a pending or approved cover overlapping the box. */
  CoverOverlaps: "COVER_OVERLAPS",
  /** The cover's box is over: it can no longer be approved or cancelled. */
  CoverEnded: "COVER_ENDED",
  /** 审批分离: whoever asked for it may not approve or reject it. */
  SameRequesterAndApprover: "SAME_REQUESTER_AND_APPROVER",
} as const;
