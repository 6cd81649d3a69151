import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildASTSchema, getNamedType, isObjectType, parse, type GraphQLField, type GraphQLObjectType } from "graphql";
import { applicantKeyOf, type Identity } from "@onestop/platform";
import { eventually, resetEnvironment, startSystem, type RunningSystem } from "@onestop/testkit";
import {
  buildJointCounty,
  errorOf,
  gatewayCaller,
  ok,
  START,
  type Call,
  type JointCounty,
} from "../../services/parallel-approval/test/support/joint-county";
import { testEnvironment } from "../support/environment";

/**
 * 权限矩阵 (issue 8 point 3): every root Query and Mutation field of the supergraph, tried
 * through the gateway by every role, against ONE table of who may call it. A root field without
 * a row fails the test. "Denied" means FORBIDDEN, UNAUTHENTICATED, NOT_AUTHORIZED (the
 * authorization letters) or NOT_DEPARTMENT_PRINCIPAL (a veto is the principal's office); any other outcome (data, NOT_FOUND, BAD_USER_INPUT, INVALID_TRANSITION…)
 * means the caller got past authorization.
 */

jest.setTimeout(180_000);

const environment = testEnvironment("e2e_authz_matrix");
const CENTER = "330110000000";
// NOT_FOR_AGENT and NOT_AN_AGENT_CENTER (代办, issue 22): what a township or village point may not do, or a center that is nobody's agent.
// NOT_ON_DUTY (the hall, issue 21): only the clerk on duty at a window acts for it.
const DENIED = new Set(["FORBIDDEN", "UNAUTHENTICATED", "NOT_AUTHORIZED", "NOT_DEPARTMENT_PRINCIPAL", "NOT_FOR_AGENT", "NOT_AN_AGENT_CENTER", "NOT_ON_DUTY"]);

/**
 * Fields whose service hides another's record rather than refusing it (fees: "someone who may
 * not see the notice learns nothing of it"): on these rows, null or NOT_FOUND for a record the
 * fixture made is a denial too, and an allowed caller must get the record.
 */
const HIDES_RECORDS = new Set([
  "paymentNotice",
  "bankStatement",
  "requestRefund",
  "cancelPaymentNotice",
  "reissuePaymentNotice",
  "requestFeeReduction",
  // results: a licence is shown (and revoked or replaced) only to those who may read it; an item's templates only to who may write them (an empty list otherwise).
  "licence",
  "revokeLicence",
  "replaceLicence",
  "documentTemplates",
]);

/**
 * The callers: every role, plus window staff of department B acting on department A's records
 * (跨部门) and a second citizen acting on the first one's case, notice and joint approval.
 */
const callers = ["anonymous", "citizen", "staffA", "chiefA", "principalA", "admin", "supervisor", "finance", "bank", "bureau", "staffB", "otherCitizen"] as const;

/** What a citizen may do with nobody else's records; every other "citizen" in the table means the fixture's applicant. */
const ANY_CITIZEN = new Set([
  "myCases",
  "submitCase",
  "myCitizenAccount",
  "jointApprovals",
  // The hall: a citizen's own tickets and bookings (the fixture books none: cancelling an unknown one is NOT_FOUND for any citizen).
  "takeTicket",
  "myQueueTickets",
  "bookAppointment",
  "cancelAppointment",
  "myAppointments",
  "myBookingStanding",
  // Notifications: a citizen's own inbox and contact preferences.
  "myNotifications",
  "myUnreadNotificationCount",
  "markNotificationsRead",
  "myContactPreferences",
  "setMyContactPreferences",
  // Results: a citizen's own licences.
  "myLicences",
]);
type Caller = (typeof callers)[number];

/** What the fixture built: the ids rows point their arguments at. */
interface Fixture {
  county: JointCounty;
  departmentA: string;
  departmentB: string;
  itemA: string;
  itemJointA: string;
  itemJointB: string;
  caseA: string;
  receiptNo: string;
  noticeId: string;
  noticeNo: string;
  jointId: string;
  participantId: string;
  hallId: string;
  windowA: string;
  staffA: string;
  spareStaff: string;
  letterId: string;
  statementId: string;
  /** A kiosk ticket called to window A by staffA, the A post holder (the clerk on duty there). */
  ticketId: string;
  /** The licence of a second case of the citizen's, approved and concluded. */
  licenceId: string;
}

type Args = (fx: Fixture) => Record<string, unknown>;

/** "all" = every caller including anonymous; "signedIn" = every caller but anonymous; otherwise the callers named. */
type Allowed = "all" | "signedIn" | Caller[];

const IDNO = "11010519491231002X";
const OTHER_IDNO = "91350100M000100Y43";
/** A signed-in citizen or enterprise account, its token carrying the applicant key of its verified number. */
const citizenOf = (subject: string, idNumber: string): Identity => ({
  subject,
  roles: ["citizen"],
  centerCode: null,
  departmentId: null,
  windowId: null,
  applicantKey: applicantKeyOf(idNumber),
});
/** The fee account buildJointCounty gives a department with a charged item. */
const ACCOUNT_A = "6217000010001234567";
const uuid = () => randomUUID();
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const day = "2026-03-02";
const at = "2026-03-02T02:00:00.000Z";

// -----------------------------------------------------------------------------------------
// THE TABLE: one row per root field. Mutations: supervision changes nothing of the hall's, so
// `supervisor` appears in no mutation's row but its own office's acknowledgeWarning.
const staffOfA: Caller[] = ["staffA", "chiefA"];
const overseers: Caller[] = ["admin", "supervisor"];

const queries: Record<string, [Allowed, Args]> = {
  // The principal reads the department's cases: the vetoes to sign are among them.
  case: [["citizen", ...staffOfA, "principalA", ...overseers], (fx) => ({ id: fx.caseA })],
  cases: [[...staffOfA, "principalA", "staffB", ...overseers], () => ({ centerCode: CENTER })],
  // 窗口工作台's queue: a department's staff get their own departments' cases, overseers the center's.
  caseQueue: [[...staffOfA, "principalA", "staffB", ...overseers], () => ({ centerCode: CENTER })],
  myCases: [["citizen"], () => ({})],
  // 代办 (issue 22): every caller here is of the county center, which took nothing in as agent (NOT_AN_AGENT_CENTER); townships.test.ts lists a township's and a village point's.
  agencyCases: [[], () => ({})],
  // Anonymous, it answers CHALLENGE_REQUIRED here: past authorization, at the proof of work (cases.test.ts tries that).
  caseProgress: ["all", (fx) => ({ receiptNo: fx.receiptNo, idNumber: IDNO })],
  progressLookupChallenge: ["all", () => ({})],
  signInChallenge: ["all", () => ({})],
  item: ["all", (fx) => ({ id: fx.itemA })],
  itemByCode: ["all", () => ({ code: "XK00000000" })],
  itemVersion: ["all", (fx) => ({ itemId: fx.itemA, version: 1 })],
  searchItems: ["all", () => ({ centerCode: CENTER, keyword: "许可" })],
  // Every item of the catalog, drafts and retired ones too: the center's administration edits them.
  administeredItems: [["admin"], () => ({ centerCode: CENTER })],
  items: ["all", () => ({ centerCode: CENTER })],
  entryRate: ["all", () => ({ centerCode: CENTER })],
  paymentNotice: [["citizen", ...staffOfA, ...overseers, "finance", "bank"], (fx) => ({ noticeNo: fx.noticeNo })],
  feeCollections: [[...overseers, "finance", "bank"], () => ({ centerCode: CENTER, day })],
  refunds: [[...staffOfA, "staffB", ...overseers, "finance", "bank"], () => ({ centerCode: CENTER })],
  refundPage: [[...staffOfA, "staffB", ...overseers, "finance", "bank"], () => ({ centerCode: CENTER })],
  bankTransaction: [["bank"], () => ({ centerCode: CENTER, bankTxnId: "ICBC-matrix" })],
  bankTransactions: [["bank"], () => ({ centerCode: CENTER, day })],
  feeReductions: [[...staffOfA, "staffB", ...overseers, "finance"], () => ({ centerCode: CENTER })],
  feeReductionPage: [[...staffOfA, "staffB", ...overseers, "finance"], () => ({ centerCode: CENTER })],
  bankStatement: [[...overseers, "finance", "bank"], (fx) => ({ id: fx.statementId })],
  feeIrregularities: [[...overseers, "finance"], () => ({ centerCode: CENTER })],
  feeIrregularityPage: [[...overseers, "finance"], () => ({ centerCode: CENTER })],
  jointApproval: [["citizen", ...staffOfA, ...overseers, "bureau", "staffB"], (fx) => ({ id: fx.jointId })],
  // A citizen lists only its own joint approvals: the other citizen's list is empty, not refused.
  jointApprovals: [["citizen", ...staffOfA, ...overseers, "bureau", "staffB"], () => ({ filter: { centerCode: CENTER } })],
  department: ["all", (fx) => ({ id: fx.departmentA })],
  departments: ["all", () => ({ centerCode: CENTER })],
  halls: ["all", () => ({ centerCode: CENTER })],
  window: ["all", (fx) => ({ id: fx.windowA })],
  windows: ["all", () => ({ centerCode: CENTER })],
  // 窗口人员公示: a staff member's number, name and department are on the hall's public board.
  staff: ["all", (fx) => ({ id: fx.staffA })],
  staffMembers: ["all", () => ({ centerCode: CENTER })],
  // The center's own people page through its staff (the administration's list).
  staffPage: [[...staffOfA, "principalA", "staffB", ...overseers, "finance", "bank", "bureau"], () => ({ centerCode: CENTER })],
  me: ["all", () => ({})],
  monthlyFigures: [[...overseers, "chiefA"], () => ({ centerCode: CENTER, month: "2026-03" })],
  redFlagRanking: [[...overseers, "chiefA"], () => ({ centerCode: CENTER, month: "2026-03" })],
  quarterlyReport: [[...overseers], () => ({ centerCode: CENTER, year: 2026, quarter: 1 })],
  caseAssignment: [[...staffOfA, "staffB", ...overseers], (fx) => ({ input: { itemId: fx.itemA } })],
  // The hall's display board shows who is on duty at each window.
  dutyRoster: ["all", () => ({ centerCode: CENTER })],
  leaveNotices: [[...staffOfA, "staffB", ...overseers], () => ({ centerCode: CENTER, from: at, until: "2026-03-09T02:00:00.000Z" })],
  dutyWarnings: [[...overseers], () => ({ centerCode: CENTER, from: at, until: "2026-03-09T02:00:00.000Z" })],
  windowCovers: [[...staffOfA, "staffB", ...overseers], () => ({ centerCode: CENTER })],
  authorizationCheck: [["staffA", ...overseers], (fx) => ({ staffId: fx.staffA, act: "ACCEPT", itemId: fx.itemA })],
  postChangeRequests: [[...overseers, "chiefA"], () => ({ centerCode: CENTER })],
  postChangeRequestPage: [[...overseers, "chiefA"], () => ({ centerCode: CENTER, first: 5 })],
  postsDueForRotation: [[...overseers], () => ({ centerCode: CENTER })],
  vacantPosts: [[...overseers, "chiefA"], () => ({ centerCode: CENTER })],
  myCitizenAccount: [["citizen"], () => ({})],
  bankClients: [[...overseers], () => ({ centerCode: CENTER })],
  // 电子监察: the center's overseers see the whole center, a department's staff their own department's.
  supervisionCaseCounts: [[...staffOfA, "staffB", ...overseers], () => ({ centerCode: CENTER })],
  supervisionWarnings: [[...staffOfA, "staffB", ...overseers], () => ({ filter: { centerCode: CENTER } })],
  supervisionWarningCounts: [[...staffOfA, "staffB", ...overseers], () => ({ centerCode: CENTER })],
  caseSupervision: [[...staffOfA, ...overseers], (fx) => ({ caseId: fx.caseA })],
  jointApprovalsAtRisk: [[...staffOfA, "staffB", ...overseers], () => ({ centerCode: CENTER })],
  // 统计与排名: the center's overseers the center, a department's staff their own department's figures.
  supervisionFigures: [[...staffOfA, "staffB", ...overseers], () => ({ centerCode: CENTER, period: { from: "2026-03-01", to: "2026-03-31" }, groupBy: "CENTER" })],
  supervisionRanking: [[...staffOfA, "staffB", ...overseers], () => ({ centerCode: CENTER, period: { from: "2026-03-01", to: "2026-03-31" }, of: "WINDOW" })],
  supervisionHallFigures: [[...staffOfA, "staffB", ...overseers], () => ({ centerCode: CENTER, period: { from: "2026-03-01", to: "2026-03-31" } })],
  supervisionReport: [[...staffOfA, "staffB", ...overseers], () => ({ centerCode: CENTER, month: "2026-03" })],
  // Issue 22: the register of service centers is public; the county's roll-up and the townships' report are the county's overseers'.
  serviceCenter: ["all", () => ({ code: CENTER })],
  serviceCenters: ["all", () => ({ countyCode: CENTER })],
  countySupervisionFigures: [[...overseers], () => ({ countyCode: CENTER, period: { from: "2026-03-01", to: "2026-03-31" } })],
  townshipMonthlyReport: [[...overseers], () => ({ countyCode: CENTER, month: "2026-03" })],
  // 公示: the published monthly report is everybody's (no person's data in it).
  publishedSupervisionReport: ["all", () => ({ centerCode: CENTER, month: "2026-03" })],
  // 好差评: the case's applicant, its department and the center's overseers.
  caseRating: [["citizen", ...staffOfA, ...overseers], (fx) => ({ caseId: fx.caseA })],
  ratingFollowUps: [[...staffOfA, "staffB", ...overseers], () => ({ centerCode: CENTER })],
  // The hall (issue 21): the kiosk, the calling screen, the public board and a ticket by its id are public (no personal data).
  hallServices: ["all", () => ({ centerCode: CENTER })],
  queueTicket: ["all", (fx) => ({ id: fx.ticketId })],
  hallScreen: ["all", () => ({ centerCode: CENTER })],
  hallBoard: ["all", () => ({ centerCode: CENTER, day })],
  appointmentSlots: ["all", (fx) => ({ centerCode: CENTER, departmentId: fx.departmentA, day })],
  myQueueTickets: [["citizen"], () => ({})],
  myAppointments: [["citizen"], () => ({})],
  myBookingStanding: [["citizen"], () => ({})],
  // The clerk's view of a window: the center's window staff and chief representatives, its administration and supervision.
  windowQueue: [[...staffOfA, "staffB", ...overseers], (fx) => ({ windowId: fx.windowA })],
  // Supervision, the center's administration and a department's principal (docs/hall.md, figures).
  hallFigures: [["principalA", ...overseers], () => ({ centerCode: CENTER, from: "2026-03-01T00:00:00.000Z", until: "2026-04-01T00:00:00.000Z" })],
  // Notifications (issue 19): a citizen's own inbox; a case's deliveries to its department's staff and the center's overseers.
  myNotifications: [["citizen"], () => ({ first: 5 })],
  myUnreadNotificationCount: [["citizen"], () => ({})],
  myContactPreferences: [["citizen"], () => ({})],
  caseNotifications: [[...staffOfA, "principalA", ...overseers], (fx) => ({ caseId: fx.caseA })],
  // Results (issue 20): verifying a document's code is public; a licence is its holder's, its department's staff's and the overseers';
  // an item's templates are read by who writes them (the center's administration, the item department's chief representative).
  verifyDocument: ["all", () => ({ code: "0000-0000-0000" })],
  myLicences: [["citizen"], () => ({})],
  licence: [["citizen", ...staffOfA, "principalA", ...overseers], (fx) => ({ id: fx.licenceId })],
  documentTemplates: [["admin", "chiefA"], (fx) => ({ itemId: fx.itemA })],
};

const caseAct = (extra: Record<string, unknown> = {}): Args => (fx) => ({ caseId: fx.caseA, ...extra });

const mutations: Record<string, [Allowed, Args]> = {
  submitCase: [["citizen"], (fx) => ({ input: { itemId: fx.itemA, applicantName: "张三", applicantIdNumber: IDNO, idempotencyKey: uuid() } })],
  // 代办: only a township's or village point's staff take in for the county; every caller here is of the county itself (test/e2e/townships.test.ts has the agents).
  takeInCase: [[], (fx) => ({ input: { itemId: fx.itemA, applicantName: "张三", applicantIdNumber: IDNO, idempotencyKey: uuid() } })],
  // The register is the county administration's; a township's report is the township administration's (none here).
  registerServiceCenter: [["admin"], () => ({ input: { code: CENTER, level: "COUNTY", name: "测试县政务服务中心", address: "测试地址", openingHours: "工作日", phone: "0571-1234567", handles: "县级事项" } })],
  changeServiceCenter: [["admin"], () => ({ input: { code: CENTER, phone: "0571-7654321" } })],
  submitTownshipReport: [[], () => ({ input: { centerCode: "330110101000", month: "2026-03", consultations: 1, informationItems: [] } })],
  acceptCase: [staffOfA, caseAct()],
  refuseCase: [staffOfA, caseAct({ reason: "不属于本部门职权范围" })],
  issueMaterialNotice: [staffOfA, caseAct({ materials: [{ code: "M01", problem: "MISSING" }] })],
  // The window takes materials over the counter for the applicant, too.
  supplyMaterials: [["citizen", ...staffOfA], caseAct({ materials: [{ code: "M01" }] })],
  decideInstantly: [staffOfA, caseAct({ decision: "APPROVE", opinion: "同意" })],
  reviewCase: [staffOfA, caseAct({ opinion: "材料齐全" })],
  // 批准 needs the letter act APPROVE, which department A's letters give its chief representative alone.
  decideCase: [["chiefA"], caseAct({ decision: "APPROVE", opinion: "同意" })],
  // A veto is signed by the department's principal (单位主要负责人), by office, not by letter.
  signVeto: [["principalA"], caseAct({ opinion: "不符合规划" })],
  declineVeto: [["principalA"], caseAct({ opinion: "不予否决" })],
  recordCountyMeetingDecision: [["admin"], caseAct({ decision: "UPHOLD", minutesNo: "县长办公会纪要〔2026〕7号", opinion: "集体决定" })],
  forwardCase: [staffOfA, caseAct({ opinion: "报市局审批" })],
  // The fixture's case is a promised one: past the pre-review letter the act is WRONG_KIND for both.
  recordHigherAuthorityResult: [staffOfA, caseAct({ decision: "APPROVE", opinion: "同意", documentNo: "市住建许〔2026〕1号", documentDate: day })],
  concludeCase: [staffOfA, caseAct()],
  deliverResult: [staffOfA, caseAct({ method: "AT_WINDOW" })],
  withdrawCase: [["citizen"], caseAct({ reason: "不再需要" })],
  referCase: [staffOfA, (fx) => ({ caseId: fx.caseA, toWindowId: fx.windowA, reason: "转窗口" })],
  suspendClock: [staffOfA, caseAct({ reason: "SITE_INSPECTION" })],
  resumeClock: [staffOfA, caseAct()],
  // 延期 needs the letter act APPROVE_EXTENSION (the chief representative's), no longer a role.
  extendDeadline: [["chiefA"], caseAct({ workingDays: 3, reason: "情况复杂", applicantNotice: "延期三个工作日" })],
  verifyCommitment: [staffOfA, caseAct({ result: "VERIFIED", opinion: "核查属实" })],
  createItem: [["admin"], (fx) => ({ input: itemInput(fx.departmentA, `XK9${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`) })],
  editItemDraft: [["admin"], (fx) => ({ itemId: fx.itemA, version: 2, input: { conditions: "已取得用地" } })],
  reviseItem: [["admin"], (fx) => ({ itemId: fx.itemA, input: { conditions: "已取得用地" } })],
  publishItemVersion: [["admin"], (fx) => ({ itemId: fx.itemA, version: 99 })],
  cancelItem: [["admin"], () => ({ itemId: uuid(), reason: "取消" })],
  mergeItem: [["admin"], (fx) => ({ itemId: uuid(), intoItemId: fx.itemA, reason: "合并" })],
  setItemEntry: [["admin"], (fx) => ({ itemId: fx.itemA, input: { windowId: fx.windowA } })],
  recordBankPayment: [["bank"], (fx) => ({ input: { noticeNo: fx.noticeNo, amountFen: 1, bankTxnId: `T${Date.now()}`, paidAt: at, channel: "COUNTER" } })],
  configureFeeAccount: [["admin", "finance"], (fx) => ({ input: { departmentId: fx.departmentB, accountNo: "6222020200112233446", accountName: "生态环境局非税收入户", bankName: "中国工商银行宣汉支行" } })],
  requestRefund: [staffOfA, (fx) => ({ input: { noticeId: fx.noticeId, reason: "多缴", idempotencyKey: uuid() } })],
  decideRefund: [["finance"], () => ({ input: { refundId: uuid(), approve: true } })],
  recordBankRefund: [["bank"], () => ({ input: { refundId: uuid(), amountFen: 1, bankTxnId: `R${Date.now()}`, refundedAt: at } })],
  cancelPaymentNotice: [staffOfA, (fx) => ({ noticeId: fx.noticeId, reason: "开错" })],
  reissuePaymentNotice: [staffOfA, (fx) => ({ noticeId: fx.noticeId, reason: "补开" })],
  requestFeeReduction: [staffOfA, (fx) => ({ input: { noticeId: fx.noticeId, percent: 50, policy: "小微企业减半", reason: "符合政策" } })],
  decideFeeReduction: [["finance"], () => ({ input: { reductionId: uuid(), approve: true } })],
  reconcileBankStatement: [["bank", "finance"], () => ({ input: { statementDate: day, accountNo: ACCOUNT_A, entries: [] } })],
  beginBankStatement: [["bank", "finance"], () => ({ input: { statementDate: day, accountNo: ACCOUNT_A, lineCount: 1, totalFen: 1 } })],
  appendBankStatementLines: [["bank", "finance"], (fx) => ({ input: { statementId: uuid(), partNo: 1, entries: [{ bankTxnId: "T1", noticeNo: fx.noticeNo, amountFen: 1, paidAt: at }] } })],
  closeBankStatement: [["bank", "finance"], () => ({ statementId: uuid() })],
  startJointApproval: [["bureau"], (fx) => ({ input: jointInput(fx) })],
  urgeParticipant: [["bureau"], (fx) => ({ jointApprovalId: fx.jointId, participantId: fx.participantId, note: "请加快", idempotencyKey: uuid() })],
  withdrawJointApproval: [["bureau", "citizen"], (fx) => ({ id: fx.jointId, reason: "项目取消" })],
  registerDepartment: [["admin"], () => ({ input: { centerCode: CENTER, code: `D${Math.floor(Math.random() * 1e6)}`, name: "测试局" } })],
  appointChiefRepresentative: [["admin"], (fx) => ({ input: { departmentId: fx.departmentB, staffId: uuid() } })],
  appointDepartmentPrincipal: [["admin"], (fx) => ({ input: { departmentId: fx.departmentB, staffId: uuid() } })],
  createHall: [["admin"], () => ({ input: { centerCode: CENTER, code: `H${Math.floor(Math.random() * 1e6)}`, name: "测试厅", theme: "GENERAL" } })],
  openWindow: [["admin"], (fx) => ({ input: { centerCode: CENTER, code: `W${Math.floor(Math.random() * 1e6)}`, name: "测试窗口", kind: "RESIDENT", departmentId: fx.departmentA } })],
  changeWindow: [["admin"], (fx) => ({ input: { windowId: fx.windowA, name: "住建窗口" } })],
  registerStaff: [["admin"], (fx) => ({ input: { centerCode: CENTER, code: `S${Math.floor(Math.random() * 1e6)}`, name: "李四", departmentId: fx.departmentA } })],
  login: ["all", () => ({ input: { username: "nobody.here", password: "wrong-password" } })],
  createStaffAccount: [["admin"], (fx) => ({ input: { staffId: fx.spareStaff, username: `u${Math.floor(Math.random() * 1e9)}`, password: "Longer-Passw0rd!", roles: ["window_staff"] } })],
  resetStaffPassword: [["admin"], () => ({ input: { staffId: uuid(), password: "Longer-Passw0rd!" } })],
  setStaffRoles: [["admin"], () => ({ input: { staffId: uuid(), roles: ["window_staff"] } })],
  changeMyPassword: ["signedIn", () => ({ input: { currentPassword: "x", newPassword: "Longer-Passw0rd!" } })],
  clockIn: [[...staffOfA, "staffB"], () => ({})],
  clockOut: [[...staffOfA, "staffB"], () => ({})],
  postLeaveNotice: [[...staffOfA, "staffB", "admin"], () => ({ input: { startsAt: "2026-04-01T01:00:00.000Z", endsAt: "2026-04-01T09:00:00.000Z", reason: "病假" } })],
  cancelLeaveNotice: [[...staffOfA, "staffB", "admin"], () => ({ id: uuid() })],
  // The chief representative issues letters within the department (staffing's letters rule).
  grantAuthorization: [["admin", "chiefA"], (fx) => ({ input: { staffId: fx.spareStaff, departmentId: fx.departmentA, acts: ["ACCEPT"] } })],
  revokeAuthorization: [["admin", "chiefA"], (fx) => ({ input: { letterId: fx.letterId, reason: "调岗" } })],
  acknowledgeWarning: [["supervisor"], () => ({ id: "0".repeat(32), note: "已核实，责令整改" })],
  // 好差评: the applicant rates (the case is not concluded: CASE_NOT_CONCLUDED is past authorization) and adds;
  // the case's department answers, its chief representative appeals, the supervision office decides.
  rateCase: [["citizen"], (fx) => ({ input: { caseId: fx.caseA, level: "SATISFIED", idempotencyKey: `matrix-${uuid()}` } })],
  addToRating: [["citizen"], (fx) => ({ input: { caseId: fx.caseA, text: "补充", idempotencyKey: `matrix-${uuid()}` } })],
  answerRatingFollowUp: [staffOfA, (fx) => ({ input: { caseId: fx.caseA, answer: "CALLBACK", note: "已回访" } })],
  appealRating: [["chiefA"], (fx) => ({ input: { caseId: fx.caseA, reason: "恶意差评" } })],
  decideRatingAppeal: [["supervisor"], (fx) => ({ input: { caseId: fx.caseA, decision: "REJECTED", note: "差评有效" } })],
  requestPostChange: [["admin", "chiefA"], (fx) => ({ input: { windowId: fx.windowA, position: "B", staffId: fx.spareStaff, termYears: 2, reason: "补岗" } })],
  approvePostChange: [["admin"], () => ({ input: { requestId: uuid() } })],
  rejectPostChange: [["admin"], () => ({ input: { requestId: uuid() } })],
  requestWindowCover: [
    ["admin", "chiefA"],
    (fx) => ({ input: { windowId: fx.windowA, staffId: fx.spareStaff, from: inHours(1), until: inHours(5), reason: "临时顶岗" } }),
  ],
  approveWindowCover: [["admin"], () => ({ input: { coverId: uuid() } })],
  rejectWindowCover: [["admin"], () => ({ input: { coverId: uuid() } })],
  cancelWindowCover: [["admin", "chiefA"], () => ({ input: { coverId: uuid() } })],
  // Open to anyone: an all-digit password is refused as input (BAD_USER_INPUT), past authorization.
  registerCitizen: ["all", () => ({ input: { name: "王五", idNumber: IDNO, phone: "13800138000", password: "12345678" } })],
  loginCitizen: ["all", () => ({ input: { idNumber: "110105194912310011", password: "wrong-password" } })],
  refreshAccessToken: ["all", () => ({ refreshToken: "not-a-refresh-token" })],
  logout: ["all", () => ({ refreshToken: "not-a-refresh-token" })],
  clientCredentialsToken: ["all", () => ({ clientId: "bank-unknown", clientSecret: "wrong-secret" })],
  createBankClient: [["admin"], () => ({ input: { centerCode: CENTER, name: "中国工商银行宣汉支行代收点" } })],
  rotateBankClientSecret: [["admin"], () => ({ clientId: "bank-unknown" })],
  revokeBankClientSecret: [["admin"], () => ({ clientId: "bank-unknown", secretId: uuid() })],
  // The hall (issue 21). 取号: the kiosk (signed out, or a signed-in clerk or administrator working it) or a citizen's remote ticket.
  takeTicket: [["anonymous", "citizen", "staffA", "staffB", "admin"], (fx) => ({ input: { centerCode: CENTER, departmentId: fx.departmentA } })],
  // The kiosk shows the appointment's code (its id, a QR code on the phone): whoever holds the code checks in; none is booked here.
  checkInAppointment: ["all", () => ({ appointmentId: uuid() })],
  // At the window: only the clerk on duty there (the A post holder, staffA); others of the center get NOT_ON_DUTY.
  callNextTicket: [["staffA"], (fx) => ({ windowId: fx.windowA })],
  recallTicket: [["staffA"], (fx) => ({ ticketId: fx.ticketId })],
  markTicketNoShow: [["staffA"], (fx) => ({ ticketId: fx.ticketId })],
  transferTicket: [["staffA"], (fx) => ({ ticketId: fx.ticketId, toWindowId: fx.windowA })],
  startCaseFromTicket: [["staffA"], (fx) => ({ ticketId: fx.ticketId })],
  finishTicket: [["staffA"], (fx) => ({ ticketId: fx.ticketId })],
  // 预约: a citizen books (the fixture's day is past: SLOT_UNAVAILABLE) and cancels its own.
  bookAppointment: [["citizen"], (fx) => ({ input: { centerCode: CENTER, departmentId: fx.departmentA, slotStart: at } })],
  cancelAppointment: [["citizen"], () => ({ id: uuid() })],
  // Notifications: a citizen's own inbox and preferences.
  markNotificationsRead: [["citizen"], () => ({ input: { ids: [uuid()] } })],
  setMyContactPreferences: [["citizen"], () => ({ input: { smsCauses: [] } })],
  // Results: 撤销 and 换发 are the issuing department's chief representative's or principal's (its clerk gets FORBIDDEN, the rest NOT_FOUND);
  // the input is checked first, so the reason is a real one (once revoked, the next act is LICENCE_NOT_VALID: past authorization).
  revokeLicence: [["chiefA", "principalA"], (fx) => ({ input: { licenceId: fx.licenceId, reason: "以欺骗手段取得许可" } })],
  replaceLicence: [["chiefA", "principalA"], (fx) => ({ input: { licenceId: fx.licenceId, reason: "证照遗失，申请补发" } })],
  setDocumentTemplate: [["admin", "chiefA"], (fx) => ({ input: { itemId: fx.itemA, fromVersion: 1, kind: "LICENCE", title: "建设工程规划许可证" } })],
};

function itemInput(departmentId: string, baseCode: string) {
  return {
    centerCode: CENTER,
    departmentId,
    baseCode,
    agencyCreditCode: "115117220086510033",
    name: "测试事项",
    category: "ADMINISTRATIVE_LICENCE",
    kind: "PROMISED",
    content: "测试",
    legalBasis: "测试依据",
    conditions: "测试条件",
    procedure: "申请、受理、审查、决定",
    materials: [{ code: "M01", name: "申请表", form: "ORIGINAL" }],
    legalLimitDays: 20,
    promisedLimitDays: 7,
    supervisionContact: "0818-5222110",
    maxVisits: 1,
  };
}

function jointInput(fx: Fixture) {
  return {
    projectName: "年产十万吨饲料加工项目",
    projectCode: `2603-330110-04-01-${Math.floor(100000 + Math.random() * 800000)}`,
    // The fixture's citizen is the applicant by its verified ID number (its token's applicant key).
    applicant: { name: "张三", idNumber: IDNO },
    leadDepartmentId: fx.county.departments.FGJ!.id,
    participants: [
      { departmentId: fx.departmentA, itemId: fx.itemJointA },
      { departmentId: fx.departmentB, itemId: fx.itemJointB },
    ],
    deadlineWorkingDays: 10,
    idempotencyKey: uuid(),
  };
}

// -----------------------------------------------------------------------------------------

const supergraph = buildASTSchema(parse(readFileSync(join(__dirname, "..", "..", "services", "gateway", "supergraph.graphql"), "utf8")), {
  assumeValidSDL: true,
});
const rootFields = (type: GraphQLObjectType | null | undefined) =>
  Object.values(type?.getFields() ?? {}).filter((field) => !["_entities", "_service"].includes(field.name));

/** One operation calling the field alone, with its arguments as variables and `__typename` as the selection. */
function operationFor(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): string {
  const used = field.args.filter((arg) => arg.name in args);
  const declarations = used.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(", ");
  const passed = used.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const selection = isObjectType(getNamedType(field.type)) ? " { __typename }" : "";
  return `${kind}${declarations ? ` (${declarations})` : ""} { ${field.name}${passed ? `(${passed})` : ""}${selection} }`;
}

let system: RunningSystem;
let call: Call;
let fx: Fixture;
let identities: Record<Caller, Identity>;

const uncheckedFields = (kind: "query" | "mutation") => {
  const table = kind === "query" ? queries : mutations;
  const fields = rootFields(kind === "query" ? supergraph.getQueryType() : supergraph.getMutationType());
  return fields.filter((field) => !(field.name in table)).map((field) => field.name);
};

function allowedFor(field: string, allowed: Allowed, caller: Caller): boolean {
  if (allowed === "all") return true;
  if (allowed === "signedIn") return caller !== "anonymous";
  if (caller === "otherCitizen") return allowed.includes("citizen") && ANY_CITIZEN.has(field);
  return allowed.includes(caller);
}

async function buildFixture(): Promise<Fixture> {
  const county = await buildJointCounty(call, {
    centerCode: CENTER,
    departments: [
      { code: "FGJ", name: "发展和改革局" },
      { code: "ZJJ", name: "住房和城乡建设局" },
      { code: "HBJ", name: "生态环境局" },
    ],
    items: [
      { key: "a", department: "ZJJ", name: "建设工程规划许可证核发", kind: "PROMISED", promisedLimitDays: 7, feeFen: 5000 },
      { key: "ja", department: "ZJJ", name: "建设工程规划许可证核发（联办）", promisedLimitDays: 5 },
      { key: "jb", department: "HBJ", name: "建设项目环境影响评价文件审批", promisedLimitDays: 3 },
      // Free of charge, so a case of it concludes and results issues its licence.
      { key: "l", department: "ZJJ", name: "建筑工程施工许可证核发", kind: "PROMISED", promisedLimitDays: 7 },
    ],
    leadDepartment: "FGJ",
  });
  const admin = county.admin;
  const A = county.departments.ZJJ!;
  const B = county.departments.HBJ!;
  const { createHall } = ok(await call<{ createHall: { id: string } }>("staffing", admin, `mutation ($i: CreateHallInput!) { createHall(input: $i) { id } }`, { i: { centerCode: CENTER, code: "H1", name: "综合大厅", theme: "GENERAL" } }));
  const { openWindow } = ok(
    await call<{ openWindow: { id: string } }>("staffing", admin, `mutation ($i: OpenWindowInput!) { openWindow(input: $i) { id } }`, {
      i: { centerCode: CENTER, code: "W01", name: "住建窗口", kind: "RESIDENT", departmentId: A.id, hallId: createHall.id },
    }),
  );
  const { registerStaff } = ok(
    await call<{ registerStaff: { id: string } }>("staffing", admin, `mutation ($i: RegisterStaffInput!) { registerStaff(input: $i) { id } }`, {
      i: { centerCode: CENTER, code: "ZJJ09", name: "赵九", departmentId: A.id },
    }),
  );
  const { grantAuthorization } = ok(
    await call<{ grantAuthorization: { id: string } }>("staffing", admin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
      i: { staffId: registerStaff.id, departmentId: A.id, acts: ["DELIVER"] },
    }),
  );
  // Department A's staff may act on its promised item, and on its payment notices, at every stage the table tries.
  for (const person of [A.clerk, A.chief]) {
    ok(
      await call("staffing", admin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
        i: {
          staffId: person.subject,
          departmentId: A.id,
          itemId: county.items.a!.id,
          acts: ["ACCEPT", "DECIDE_INSTANT", "PRE_REVIEW_PROMISED", "PRE_REVIEW_REPORTED", "DELIVER", "CANCEL_FEE_NOTICE", "REISSUE_FEE_NOTICE", "REQUEST_FEE_REDUCTION", "REQUEST_FEE_REFUND"],
        },
      }),
    );
    ok(
      await call("staffing", admin, `mutation ($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
        i: { staffId: person.subject, departmentId: A.id, itemId: county.items.l!.id, acts: ["ACCEPT", "PRE_REVIEW_PROMISED", "DELIVER"] },
      }),
    );
  }
  // The hall: department A's clerk holds window A's A post, so is the clerk on duty there.
  const { requestPostChange } = ok(
    await call<{ requestPostChange: { id: string } }>("staffing", admin, `mutation ($i: RequestPostChangeInput!) { requestPostChange(input: $i) { id } }`, {
      i: { windowId: openWindow.id, position: "A", staffId: A.clerk.subject, termYears: 1, reason: "进驻" },
    }),
  );
  ok(await call("staffing", admin, `mutation ($i: DecidePostChangeInput!) { approvePostChange(input: $i) { id } }`, { i: { requestId: requestPostChange.id } }));
  await eventually(async () => {
    const result = await call<{ windowQueue: { onDuty: { id: string } | null } }>("cases", admin, `query ($w: ID!) { windowQueue(windowId: $w) { onDuty { id } } }`, { w: openWindow.id });
    return result.errors || result.data?.windowQueue.onDuty?.id !== A.clerk.subject ? null : true;
  }, 20_000);
  // A kiosk ticket, called to window A: the ticket in hand the window's acts are tried on.
  const kiosk: Identity = { subject: "anonymous", roles: ["anonymous"], centerCode: null, departmentId: null, windowId: null };
  await eventually(async () => {
    const result = await call("cases", kiosk, `mutation ($i: TakeTicketInput!) { takeTicket(input: $i) { id } }`, { i: { centerCode: CENTER, departmentId: A.id } });
    return errorOf(result)?.code === "NO_WINDOW_SERVES" ? null : ok(result);
  }, 20_000);
  const { callNextTicket } = ok(await call<{ callNextTicket: { id: string } }>("cases", A.clerk, `mutation ($w: ID!) { callNextTicket(windowId: $w) { id } }`, { w: openWindow.id }));
  // Results: a template of item a's licence, so its readers get a list and the others an empty one.
  await eventually(async () => {
    const result = await call("cases", admin, `mutation ($i: DocumentTemplateInput!) { setDocumentTemplate(input: $i) { id } }`, {
      i: { itemId: county.items.a!.id, fromVersion: 1, kind: "LICENCE", title: "建设工程规划许可证" },
    });
    return errorOf(result)?.code === "NOT_FOUND" ? null : ok(result);
  }, 20_000);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const bank: Identity = { subject: "bank-icbc", roles: ["bank"], centerCode: CENTER, departmentId: null, windowId: null };
  const { beginBankStatement } = ok(
    await call<{ beginBankStatement: { id: string } }>("fees", bank, `mutation ($i: BeginBankStatementInput!) { beginBankStatement(input: $i) { id } }`, {
      i: { statementDate: yesterday, accountNo: ACCOUNT_A, lineCount: 1, totalFen: 1 },
    }),
  );
  const citizen = citizenOf("citizen-matrix", IDNO);
  const submitted = await eventually(async () => {
    const result = await call<{ submitCase: { id: string; receiptNo: string } }>(
      "cases",
      citizen,
      `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id receiptNo } }`,
      { i: { itemId: county.items.a!.id, applicantName: "张三", applicantIdNumber: IDNO, idempotencyKey: "matrix-submission" } },
    );
    return errorOf(result)?.code === "UNKNOWN_ITEM" ? null : ok(result).submitCase;
  }, 20_000);
  // Accepted by department A's clerk, which makes fees issue the payment notice.
  await eventually(async () => {
    const result = await call("cases", A.clerk, `mutation ($id: ID!) { acceptCase(caseId: $id, idempotencyKey: "matrix-accept") { id } }`, { id: submitted.id });
    return ["FORBIDDEN", "NOT_AUTHORIZED"].includes(String(errorOf(result)?.code)) ? null : ok(result);
  }, 20_000);
  const notice = await eventually(async () => {
    const result = await call<{ case: { paymentNotices: Array<{ id: string; noticeNo: string }> } }>(
      "cases",
      admin,
      `query ($id: ID!) { case(id: $id) { paymentNotices { id noticeNo } } }`,
      { id: submitted.id },
    );
    return ok(result).case.paymentNotices[0];
  }, 20_000);
  // Supervision has heard of the case (from cases' events), so its view of it is there to be refused or shown.
  const supervisor: Identity = { subject: "supervisor-1", roles: ["supervisor"], centerCode: CENTER, departmentId: null, windowId: null };
  await eventually(async () => ok(await call<{ caseSupervision: { receiptNo: string } | null }>("cases", supervisor, `query ($id: ID!) { caseSupervision(caseId: $id) { receiptNo } }`, { id: submitted.id })).caseSupervision, 20_000);
  // ...and of who applied (cases' acceptance event), so the applicant's rating rows reach the rules.
  const applicant = citizenOf("citizen-matrix", IDNO);
  await eventually(async () => ((await call("cases", applicant, `query ($id: ID!) { caseRating(caseId: $id) { score } }`, { id: submitted.id })).errors ? null : true), 20_000);
  // Notifications has heard of the case (its acceptance was announced to the applicant).
  await eventually(async () => ((await call("cases", admin, `query ($id: ID!) { caseNotifications(caseId: $id) { __typename } }`, { id: submitted.id })).errors ? null : true), 20_000);
  // A second case of the citizen's, of the free item: accepted, reviewed, approved, concluded; results issues its licence.
  const licensed = await eventually(async () => {
    const result = await call<{ submitCase: { id: string } }>("cases", citizen, `mutation ($i: SubmitCaseInput!) { submitCase(input: $i) { id } }`, {
      i: { itemId: county.items.l!.id, applicantName: "张三", applicantIdNumber: IDNO, idempotencyKey: "matrix-licence" },
    });
    return errorOf(result)?.code === "UNKNOWN_ITEM" ? null : ok(result).submitCase;
  }, 20_000);
  const act = (who: Identity, mutation: string) =>
    eventually(async () => {
      const result = await call("cases", who, mutation, { id: licensed.id });
      return ["FORBIDDEN", "NOT_AUTHORIZED"].includes(String(errorOf(result)?.code)) ? null : ok(result);
    }, 20_000);
  await act(A.clerk, `mutation ($id: ID!) { acceptCase(caseId: $id, idempotencyKey: "matrix-licence-accept") { id } }`);
  await act(A.clerk, `mutation ($id: ID!) { reviewCase(caseId: $id, opinion: "材料齐全，符合条件") { id } }`);
  await act(A.chief, `mutation ($id: ID!) { decideCase(caseId: $id, decision: APPROVE, opinion: "准予许可") { id } }`);
  await act(A.clerk, `mutation ($id: ID!) { concludeCase(caseId: $id) { id } }`);
  const licenceId = await eventually(async () => {
    const result = await call<{ case: { documents: Array<{ kind: string; licence: { id: string } | null }> } }>("cases", admin, `query ($id: ID!) { case(id: $id) { documents { kind licence { id } } } }`, { id: licensed.id });
    return result.errors ? null : (result.data?.case.documents.find((d) => d.kind === "LICENCE")?.licence?.id ?? null);
  }, 30_000);
  const bureau = county.bureauOf("FGJ");
  const started = ok(
    await call<{ startJointApproval: { id: string; participants: Array<{ id: string }> } }>("parallel-approval", bureau, START, {
      input: jointInput({ county, departmentA: A.id, departmentB: B.id, itemJointA: county.items.ja!.id, itemJointB: county.items.jb!.id } as Fixture),
    }),
  ).startJointApproval;
  return {
    county,
    departmentA: A.id,
    departmentB: B.id,
    itemA: county.items.a!.id,
    itemJointA: county.items.ja!.id,
    itemJointB: county.items.jb!.id,
    caseA: submitted.id,
    receiptNo: submitted.receiptNo,
    noticeId: notice.id,
    noticeNo: notice.noticeNo,
    jointId: started.id,
    participantId: started.participants[0]!.id,
    hallId: createHall.id,
    windowA: openWindow.id,
    staffA: A.clerk.subject,
    spareStaff: registerStaff.id,
    letterId: grantAuthorization.id,
    statementId: beginBankStatement.id,
    ticketId: callNextTicket.id,
    licenceId,
  };
}

interface Outcome {
  kind: "query" | "mutation";
  field: string;
  caller: Caller;
  expected: "allow" | "deny";
  actual: "allow" | "deny";
  code: string;
}

async function attempt(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>, caller: Caller, allowed: Allowed, args: Args): Promise<Outcome> {
  const response = await call("cases", identities[caller], operationFor(kind, field, args(fx)), args(fx));
  const codes = (response.errors ?? []).map((error) => String(error.extensions?.code ?? "NO_CODE"));
  const value = response.data?.[field.name];
  const hidden = HIDES_RECORDS.has(field.name) && (codes.includes("NOT_FOUND") || (codes.length === 0 && (value == null || (Array.isArray(value) && value.length === 0))));
  const denied = hidden || codes.some((code) => DENIED.has(code));
  return { kind, field: field.name, caller, expected: allowedFor(field.name, allowed, caller) ? "allow" : "deny", actual: denied ? "deny" : "allow", code: codes[0] ?? "OK" };
}

/** Runs the calls a few at a time: the machine has two cores and five subgraphs. */
async function inBatches<T>(tasks: Array<() => Promise<T>>, size = 12): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += size) results.push(...(await Promise.all(tasks.slice(i, i + size).map((task) => task()))));
  return results;
}

beforeAll(async () => {
  await resetEnvironment(environment);
  system = await startSystem(environment);
  call = gatewayCaller(() => system.gatewayUrl, system.keys);
  fx = await buildFixture();
  const A = fx.county.departments.ZJJ!;
  const B = fx.county.departments.HBJ!;
  const of = (subject: string, roles: Identity["roles"], departmentId: string | null = null): Identity => ({ subject, roles, centerCode: CENTER, departmentId, windowId: null });
  identities = {
    anonymous: { subject: "anonymous", roles: ["anonymous"], centerCode: null, departmentId: null, windowId: null },
    citizen: citizenOf("citizen-matrix", IDNO),
    staffA: A.clerk,
    chiefA: A.chief,
    principalA: A.principal,
    admin: fx.county.admin,
    supervisor: of("supervisor-1", ["supervisor"]),
    finance: of("finance-1", ["finance"]),
    bank: of("bank-icbc", ["bank"]),
    bureau: fx.county.bureauOf("FGJ"),
    staffB: B.clerk,
    otherCitizen: citizenOf("citizen-other", OTHER_IDNO),
  };
}, 150_000);

afterAll(async () => {
  await system?.stop();
});

test("every root field of the supergraph has a row in the table", () => {
  expect({ queries: uncheckedFields("query"), mutations: uncheckedFields("mutation") }).toEqual({ queries: [], mutations: [] });
  const known = new Set(rootFields(supergraph.getQueryType()).map((f) => f.name).concat(rootFields(supergraph.getMutationType()).map((f) => f.name)));
  expect(Object.keys({ ...queries, ...mutations }).filter((name) => !known.has(name))).toEqual([]);
});

test("supervision changes nothing of the hall's: no mutation row allows it but its own office's acts (acknowledging warnings, deciding rating appeals)", () => {
  expect(Object.entries(mutations).filter(([, [allowed]]) => allowed === "all" ? false : allowed === "signedIn" ? false : allowed.includes("supervisor")).map(([name]) => name)).toEqual(["acknowledgeWarning", "decideRatingAppeal"]);
});

test("every role against every root field: allowed and denied exactly as the table says", async () => {
  const plan = (kind: "query" | "mutation", wantDenied: boolean) => {
    const table = kind === "query" ? queries : mutations;
    return rootFields(kind === "query" ? supergraph.getQueryType() : supergraph.getMutationType()).flatMap((field) => {
      const [allowed, args] = table[field.name]!;
      return callers.filter((caller) => allowedFor(field.name, allowed, caller) !== wantDenied).map((caller) => () => attempt(kind, field, caller, allowed, args));
    });
  };
  // The refusals first, against the untouched fixture; then the permitted calls, queries before mutations.
  const outcomes = [
    ...(await inBatches([...plan("query", true), ...plan("mutation", true)])),
    ...(await inBatches(plan("query", false))),
    ...(await inBatches(plan("mutation", false))),
  ];
  const wrong = outcomes.filter((o) => o.expected !== o.actual).map((o) => `${o.kind} ${o.field} by ${o.caller}: expected ${o.expected}, got ${o.code}`);
  expect(wrong).toEqual([]);
  // A crash is neither a grant nor a refusal (parallel verifyDocument misses once deadlocked the throttle: INTERNAL_SERVER_ERROR).
  expect(outcomes.filter((o) => o.code === "INTERNAL_SERVER_ERROR" || o.code === "NO_CODE").map((o) => `${o.kind} ${o.field} by ${o.caller}: ${o.code}`)).toEqual([]);
  expect(outcomes.length).toBe((Object.keys(queries).length + Object.keys(mutations).length) * callers.length);
});
