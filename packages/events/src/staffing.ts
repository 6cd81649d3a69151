import { z } from "zod";
import { centerCode, defineEvent } from "./define";
import { streams } from "./streams";

export const departmentRegistered = defineEvent(
  streams.staffing,
  "department.registered",
  z.object({
    departmentId: z.string(),
    centerCode,
    code: z.string(),
    name: z.string(),
  }),
);

/** A staff member registered at the center: who they are by code and name, for the reports that name them. */
export const staffRegistered = defineEvent(
  streams.staffing,
  "staff.registered",
  z.object({
    staffId: z.string(),
    centerCode,
    code: z.string(),
    name: z.string(),
    departmentId: z.string().nullable(),
  }),
);

/**
 * 注册: a citizen or an enterprise registered an account (its id is the subject of their tokens)
 * with a mobile number. Notifications, the one service that sends SMS, takes it as the applicant's
 * number until they set another on 我的消息. The only event that carries a phone number in full:
 * no other service may read or keep it, and the platform's logger redacts the field.
 */
export const citizenRegistered = defineEvent(
  streams.staffing,
  "citizen.registered",
  z.object({
    accountId: z.string(),
    phone: z.string(),
    registeredAt: z.string(),
  }),
);

/** 常驻窗口, A/B 岗窗口, 综合窗口. */
export const windowKinds = ["RESIDENT", "AB", "COMPREHENSIVE"] as const;
export type WindowKind = (typeof windowKinds)[number];
export const windowKind = z.enum(windowKinds);

/** The two posts of an A/B window (AB岗): A is on duty, B covers while A is away; `windowPublished` names both holders. */
export const postPositions = ["A", "B"] as const;
export type PostPosition = (typeof postPositions)[number];
export const postPosition = z.enum(postPositions);

/**
 * The full current state of a window, published whenever it is opened or changed; the
 * latest one wins. A resident or A/B window serves its own department; a comprehensive
 * window (综合窗口) accepts for the departments it acts for.
 */
export const windowPublished = defineEvent(
  streams.staffing,
  "window.published",
  z.object({
    windowId: z.string(),
    centerCode,
    code: z.string(),
    name: z.string(),
    kind: windowKind,
    departmentId: z.string().nullable(),
    actsForDepartmentIds: z.array(z.string()),
    open: z.boolean(),
    /** The functional hall (功能大厅) the window stands in; null when it is in none. */
    hallId: z.string().nullable().default(null),
    /** Who holds the A and the B post now (AB岗); null while a post is unfilled. */
    aPostStaffId: z.string().nullable().default(null),
    bPostStaffId: z.string().nullable().default(null),
    /** Grows with every change of the window: a consumer keeps the snapshot with the highest one. */
    revision: z.number().int().nonnegative().default(0),
  }),
);

/** What an authorization letter (授权书) may allow, act by act. */
export const authorizedAct = z.enum([
  "ACCEPT",
  "DECIDE_INSTANT",
  "PRE_REVIEW_PROMISED",
  "PRE_REVIEW_JOINT",
  "PRE_REVIEW_REPORTED",
  /** 批准: approve or deny a promised or joint case; never by whoever reviewed it. */
  "APPROVE",
  /** Record the higher authority's answer on a reported case (上报件). */
  "RECORD_HIGHER_AUTHORITY_RESULT",
  /** 延期: approve more working days, within the legal limit. */
  "APPROVE_EXTENSION",
  "DELIVER",
  /** Fee acts on the department's payment notices (缴款通知书). */
  "CANCEL_FEE_NOTICE",
  "REISSUE_FEE_NOTICE",
  "REQUEST_FEE_REDUCTION",
  "REQUEST_FEE_REFUND",
]);
export type AuthorizedAct = z.infer<typeof authorizedAct>;

/**
 * Acts letters once granted and no longer do: a veto (否决) is signed by the department's
 * principal by virtue of the office, not by letter. Events published before still carry it
 * and are read without it (staffing's and the replicas' migrations stripped it from the rows).
 */
const retiredActs: ReadonlySet<unknown> = new Set(["SIGN_VETO"]);
const withoutRetiredActs = (acts: unknown) => (Array.isArray(acts) ? acts.filter((act) => !retiredActs.has(act)) : acts);

/**
 * The full state of one authorization letter. A letter is never edited: it is granted
 * (revision 1) and may later be revoked (revision 2); the snapshot with the highest
 * revision wins, so redelivered or reordered events cannot resurrect a revoked letter.
 */
export const authorizationLetterSnapshot = z.object({
  letterId: z.string(),
  centerCode,
  staffId: z.string(),
  departmentId: z.string(),
  /** null: every item of the department. */
  itemId: z.string().nullable(),
  acts: z.preprocess(withoutRetiredActs, z.array(authorizedAct)),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revision: z.number().int().positive(),
});
export type AuthorizationLetterSnapshot = z.infer<typeof authorizationLetterSnapshot>;

export const authorizationGranted = defineEvent(streams.staffing, "authorization.granted", authorizationLetterSnapshot);
export const authorizationRevoked = defineEvent(streams.staffing, "authorization.revoked", authorizationLetterSnapshot);

/** 首席代表: the department's chief representative changed; the highest revision wins. */
export const chiefRepresentativeAppointed = defineEvent(
  streams.staffing,
  "department.chief-representative-appointed",
  z.object({
    departmentId: z.string(),
    centerCode,
    staffId: z.string(),
    appointedAt: z.string(),
    revision: z.number().int().positive(),
  }),
);

/**
 * 单位主要负责人: the department's principal (the head of the whole department, not the
 * chief representative, who is a section head) changed; vetoes are theirs to sign. The
 * highest revision wins.
 */
export const departmentPrincipalAppointed = defineEvent(
  streams.staffing,
  "department.principal-appointed",
  z.object({
    departmentId: z.string(),
    centerCode,
    staffId: z.string(),
    appointedAt: z.string(),
    revision: z.number().int().positive(),
  }),
);

/** 离岗告示: a staff member will be away from the hall between the two instants. */
export const leaveNoticePosted = defineEvent(
  streams.staffing,
  "leave.posted",
  z.object({
    leaveId: z.string(),
    centerCode,
    staffId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    reason: z.string(),
  }),
);

export const leaveNoticeCancelled = defineEvent(
  streams.staffing,
  "leave.cancelled",
  z.object({ leaveId: z.string(), centerCode, staffId: z.string(), cancelledAt: z.string() }),
);

export const punchKinds = ["IN", "OUT"] as const;
export type PunchKind = (typeof punchKinds)[number];

/** A clock-in or clock-out at the hall (考勤). */
export const attendanceRecorded = defineEvent(
  streams.staffing,
  "attendance.recorded",
  z.object({
    punchId: z.string(),
    centerCode,
    staffId: z.string(),
    kind: z.enum(punchKinds),
    at: z.string(),
  }),
);

/**
 * Why a window stands unattended: a leave notice, a clock-out with no end known, or an
 * approved temporary cover (临时顶岗) cancelled while both post holders are away.
 */
export const unattendedCauses = ["LEAVE", "CLOCK_OUT", "COVER_CANCELLED"] as const;
export type UnattendedCause = (typeof unattendedCauses)[number];

/**
 * Supervision warning: for the interval given, both the A and the B post holder of the
 * window are away, so nobody serves it. `until` is null when the absence has no known end
 * (somebody clocked out).
 */
export const windowUnattended = defineEvent(
  streams.staffing,
  "window.unattended",
  z.object({
    warningId: z.string(),
    centerCode,
    windowId: z.string(),
    windowCode: z.string(),
    aPostStaffId: z.string().nullable(),
    bPostStaffId: z.string().nullable(),
    from: z.string(),
    until: z.string().nullable(),
    cause: z.enum(unattendedCauses),
  }),
);

/**
 * An unattended stretch (`window.unattended`, by its `warningId`) ends earlier than announced:
 * from `endedAt` somebody serves the window again (a leave notice cancelled, a temporary cover
 * approved, someone clocked in). `endedAt` may lie ahead (a cover that starts later); at or
 * before the stretch's `from`, the window was never unattended. Only ever earlier: the earliest wins.
 */
export const windowUnattendedEnded = defineEvent(
  streams.staffing,
  "window.unattended-ended",
  z.object({ warningId: z.string(), centerCode, windowId: z.string(), endedAt: z.string() }),
);

/** Where a temporary cover (临时顶岗) stands: the center approves or rejects a request; either side may cancel it. */
export const coverStatuses = ["PENDING", "APPROVED", "REJECTED", "CANCELLED"] as const;
export type CoverStatus = (typeof coverStatuses)[number];

/**
 * 临时顶岗: somebody other than the window's B post holder serves it between `from` and
 * `until`, once the center approved. While APPROVED (until `cancelledAt`, when cancelled after
 * approval), the person is on duty at the window in that box whenever its A post holder is
 * away. Every state change publishes the full cover; `revision` counts the changes, so a
 * consumer keeps the snapshot with the highest one.
 */
export const windowCoverSnapshot = z.object({
  coverId: z.string(),
  centerCode,
  windowId: z.string(),
  staffId: z.string(),
  from: z.string(),
  until: z.string(),
  status: z.enum(coverStatuses),
  reason: z.string(),
  requestedBy: z.string(),
  decidedBy: z.string().nullable(),
  /** Set when an approved cover was cancelled: it ended then, before `until`. */
  cancelledAt: z.string().nullable(),
  revision: z.number().int().positive(),
});
export type WindowCoverSnapshot = z.infer<typeof windowCoverSnapshot>;

export const windowCoverRequested = defineEvent(streams.staffing, "window.cover-requested", windowCoverSnapshot);
export const windowCoverApproved = defineEvent(streams.staffing, "window.cover-approved", windowCoverSnapshot);
export const windowCoverRejected = defineEvent(streams.staffing, "window.cover-rejected", windowCoverSnapshot);
export const windowCoverCancelled = defineEvent(streams.staffing, "window.cover-cancelled", windowCoverSnapshot);

/**
 * Access tokens that must no longer be honoured before they expire: one sign-in's (its refresh
 * family, the token's `sid`) after logout or a reused refresh token, or every token of the
 * account issued up to `revokedAt` after its password was reset. The gateway refuses them.
 */
export const sessionsRevoked = defineEvent(
  streams.staffing,
  "sessions.revoked",
  z.object({
    accountId: z.string(),
    /** The sign-in (refresh family) ended; null: every token of the account issued up to `revokedAt`. */
    sessionId: z.string().nullable(),
    revokedAt: z.string().datetime(),
    reason: z.enum(["LOGOUT", "REFRESH_TOKEN_REUSED", "PASSWORD_RESET"]),
  }),
);

/**
 * 县政务服务中心 → 乡镇便民服务中心 → 村(社区)便民代办点: the levels of the service centers
 * under one county. A village point only takes in and hands over (代办员); a township handles
 * its own items and acts as agent (代办) for the county's.
 */
export const centerLevels = ["COUNTY", "TOWNSHIP", "VILLAGE"] as const;
export type CenterLevel = (typeof centerLevels)[number];
export const centerLevel = z.enum(centerLevels);

/**
 * A service center as the county's administration registered or last changed it (the full
 * state; the highest revision wins). Staffing owns the hierarchy; others learn it from this.
 */
export const serviceCenterPublished = defineEvent(
  streams.staffing,
  "center.published",
  z.object({
    code: centerCode,
    level: centerLevel,
    /** The county's code for a township, the township's for a village point; null for the county. */
    parentCode: centerCode.nullable(),
    name: z.string(),
    address: z.string(),
    openingHours: z.string(),
    phone: z.string(),
    /** What the center handles, in a sentence for the public (e.g. 社保、民政、计生、农业补贴; 代办县级事项). */
    handles: z.string(),
    open: z.boolean(),
    revision: z.number().int().positive(),
  }),
);
