import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import type { WarningLevel } from "@onestop/calendar";
import type { CompletedStep } from "./joint-saga.steps";
import type { CaseStatus, JointStatus, ParticipantOutcome, ParticipantStatus } from "./joint-approvals.rules";

const flag = { type: "tinyint" as const, width: 1, transformer: { to: (v: boolean) => (v ? 1 : 0), from: (v: number | boolean) => Boolean(v) } };
const json = <T>() => ({
  type: "longtext" as const,
  transformer: { to: (v: T) => JSON.stringify(v), from: (v: string | null) => (v ? (JSON.parse(v) as T) : ([] as unknown as T)) },
});

/** 并联审批: one project decided by several departments in parallel, led by one department; the saga's state. */
@Entity({ name: "joint_approval" })
export class JointApprovalRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  /** 项目代码: the project's code; a joint approval is opened once per code in a center. */
  @Column({ name: "project_code", type: "varchar", length: 64 })
  projectCode!: string;

  @Column({ name: "project_name", type: "varchar", length: 200 })
  projectName!: string;

  /** 牵头部门 */
  @Column({ name: "lead_department_id", type: "char", length: 36 })
  leadDepartmentId!: string;

  @Column({ type: "varchar", length: 20 })
  status!: JointStatus;

  @Column({ name: "opened_at", type: "datetime", precision: 3 })
  openedAt!: Date;

  @Column({ name: "opened_by", type: "varchar", length: 100 })
  openedBy!: string;

  /** The account the joint cases are opened for: it may see them and pays their fees. */
  @Column({ name: "applicant_subject", type: "varchar", length: 100 })
  applicantSubject!: string;

  @Column({ name: "applicant_name", type: "varchar", length: 200 })
  applicantName!: string;

  /** 统一社会信用代码 of an enterprise, or a resident ID number. */
  @Column({ name: "applicant_id_number", type: "varchar", length: 32 })
  applicantIdNumber!: string;

  @Column({ name: "deadline_working_days", type: "int" })
  deadlineWorkingDays!: number;

  /** 绿色通道: a priority project, shown as such to every participant. */
  @Column({ name: "green_channel", ...flag })
  greenChannel!: boolean;

  /** What the opening request said, to tell a retry from a conflicting request with the same code. */
  @Column({ name: "request_fingerprint", type: "char", length: 64 })
  requestFingerprint!: string;

  /** The overall deadline; null while the joint clock is stopped. */
  @Column({ name: "deadline_at", type: "datetime", precision: 3, nullable: true })
  deadlineAt!: Date | null;

  @Column({ ...flag })
  paused!: boolean;

  @Column({ name: "warning_level", type: "varchar", length: 10 })
  warningLevel!: WarningLevel;

  /** The overall deadline passed with participants still open. */
  @Column({ name: "timed_out_at", type: "datetime", precision: 3, nullable: true })
  timedOutAt!: Date | null;

  @Column({ name: "participants_total", type: "int" })
  participantsTotal!: number;

  /** Participants' outcomes counted so far; each participant counts once. */
  @Column({ name: "outcomes_counted", type: "int" })
  outcomesCounted!: number;

  @Column({ name: "approvals_counted", type: "int" })
  approvalsCounted!: number;

  /** The saga's completed steps, latest first, with what each handed to its compensation. */
  @Column({ name: "completed_steps", ...json<CompletedStep[]>() })
  completedSteps!: CompletedStep[];

  /** How many notice steps and extensions it has recorded: with none, its clocks need neither read. */
  @Column({ name: "clock_facts", type: "int", default: 0 })
  clockFacts!: number;

  /** The key of its durable timer: set for the next instant one of its clocks needs the saga. */
  @Column({ name: "alarm_key", type: "varchar", length: 100, nullable: true })
  alarmKey!: string | null;

  /** The overall deadline its yellow warning was raised for. */
  @Column({ name: "yellow_raised_for", type: "datetime", precision: 3, nullable: true })
  yellowRaisedFor!: Date | null;

  @Column({ name: "concluded_at", type: "datetime", precision: 3, nullable: true })
  concludedAt!: Date | null;

  @Column({ name: "conclusion_reason", type: "varchar", length: 500, nullable: true })
  conclusionReason!: string | null;

  @Column({ name: "deciding_participant_id", type: "char", length: 36, nullable: true })
  decidingParticipantId!: string | null;
}

/** One participating department with its item, and what the saga knows of its joint case (联办件). */
@Entity({ name: "joint_participant" })
export class JointParticipantRow {
  /** The participant id: cases opens the joint case once per participant. */
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "joint_approval_id", type: "char", length: 36 })
  jointApprovalId!: string;

  @Column({ type: "int" })
  position!: number;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "varchar", length: 64 })
  departmentId!: string;

  @Column({ name: "department_name", type: "varchar", length: 200 })
  departmentName!: string;

  @Column({ name: "item_id", type: "varchar", length: 64 })
  itemId!: string;

  /** The item as it stood when the joint approval opened. */
  @Column({ name: "item_version", type: "int" })
  itemVersion!: number;

  @Column({ name: "item_name", type: "varchar", length: 300 })
  itemName!: string;

  @Column({ name: "promised_limit_days", type: "int" })
  promisedLimitDays!: number;

  @Column({ name: "deemed_approval", ...flag })
  deemedApproval!: boolean;

  @Column({ name: "veto_escalation", type: "varchar", length: 30 })
  vetoEscalation!: string;

  @Column({ type: "varchar", length: 30 })
  status!: ParticipantStatus;

  @Column({ name: "case_id", type: "varchar", length: 36, nullable: true })
  caseId!: string | null;

  @Column({ name: "receipt_no", type: "varchar", length: 20, nullable: true })
  receiptNo!: string | null;

  @Column({ name: "case_status", type: "varchar", length: 30, nullable: true })
  caseStatus!: CaseStatus | null;

  /** The routing-slip step the case status was read from: an older step arriving late changes nothing. */
  @Column({ name: "case_slip_seq", type: "int" })
  caseSlipSeq!: number;

  @Column({ name: "handler_id", type: "varchar", length: 100, nullable: true })
  handlerId!: string | null;

  /** The department's latest opinion on the routing slip (审核/批准意见). */
  @Column({ type: "varchar", length: 4000, nullable: true })
  opinion!: string | null;

  @Column({ name: "accepted_at", type: "datetime", precision: 3, nullable: true })
  acceptedAt!: Date | null;

  /** The participant's deadline on the joint clock; null while it is stopped. */
  @Column({ name: "deadline_at", type: "datetime", precision: 3, nullable: true })
  deadlineAt!: Date | null;

  @Column({ name: "warning_level", type: "varchar", length: 10 })
  warningLevel!: WarningLevel;

  /** The deadline its yellow warning was raised for. */
  @Column({ name: "yellow_raised_for", type: "datetime", precision: 3, nullable: true })
  yellowRaisedFor!: Date | null;

  @Column({ type: "varchar", length: 20, nullable: true })
  outcome!: ParticipantOutcome | null;

  @Column({ name: "concluded_at", type: "datetime", precision: 3, nullable: true })
  concludedAt!: Date | null;

  /** When its outcome was counted: set once, by compare-and-set. */
  @Column({ name: "counted_at", type: "datetime", precision: 3, nullable: true })
  countedAt!: Date | null;

  @Column({ name: "deemed_consent_requested_at", type: "datetime", precision: 3, nullable: true })
  deemedConsentRequestedAt!: Date | null;

  @Column({ name: "timed_out_at", type: "datetime", precision: 3, nullable: true })
  timedOutAt!: Date | null;

  /** The saga asked cases to close the case as withdrawn (compensation). */
  @Column({ name: "withdrawal_requested_at", type: "datetime", precision: 3, nullable: true })
  withdrawalRequestedAt!: Date | null;

  @Column({ name: "urge_count", type: "int" })
  urgeCount!: number;

  @Column({ name: "last_urged_at", type: "datetime", precision: 3, nullable: true })
  lastUrgedAt!: Date | null;
}

/** A step of a participant's case that touched a one-time notice: the facts the joint clock's stops come from. */
@Entity({ name: "joint_notice_step" })
export class NoticeStepRow {
  @PrimaryColumn({ name: "participant_id", type: "char", length: 36 })
  participantId!: string;

  @PrimaryColumn({ name: "slip_seq", type: "int" })
  slipSeq!: number;

  @Column({ name: "joint_approval_id", type: "char", length: 36 })
  jointApprovalId!: string;

  @Column({ name: "from_status", type: "varchar", length: 30, nullable: true })
  fromStatus!: CaseStatus | null;

  @Column({ name: "to_status", type: "varchar", length: 30 })
  toStatus!: CaseStatus;

  @Column({ name: "occurred_at", type: "datetime", precision: 3 })
  occurredAt!: Date;
}

/** 延期 approved on a participant's case: its deadline on the joint clock grows by as much. */
@Entity({ name: "joint_extension" })
export class ExtensionRow {
  /** The case event's id. */
  @PrimaryColumn({ type: "varchar", length: 64 })
  id!: string;

  @Column({ name: "participant_id", type: "char", length: 36 })
  participantId!: string;

  @Column({ name: "joint_approval_id", type: "char", length: 36 })
  jointApprovalId!: string;

  @Column({ name: "working_days", type: "int" })
  workingDays!: number;

  @Column({ name: "approved_at", type: "datetime", precision: 3 })
  approvedAt!: Date;
}

export type HistoryKind =
  | "OPENED"
  | "CASE_STEP"
  | "PAUSED"
  | "RESUMED"
  | "DEADLINE_EXTENDED"
  | "URGED"
  | "WARNING"
  | "DEEMED_CONSENT_REQUESTED"
  | "ESCALATED"
  | "OUTCOME_COUNTED"
  | "WITHDRAWAL_REQUESTED"
  | "CONCLUDED";

/** The joint approval's history, in the order the saga learned things (the order of its key). */
@Entity({ name: "joint_history" })
export class HistoryRow {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "joint_approval_id", type: "char", length: 36 })
  jointApprovalId!: string;

  @Column({ type: "datetime", precision: 3 })
  at!: Date;

  @Column({ type: "varchar", length: 40 })
  kind!: HistoryKind;

  @Column({ name: "participant_id", type: "char", length: 36, nullable: true })
  participantId!: string | null;

  /** Who acted: a staff id, the bureau's account, the applicant, or `system`. */
  @Column({ type: "varchar", length: 100, nullable: true })
  actor!: string | null;

  @Column({ type: "varchar", length: 4000, nullable: true })
  note!: string | null;

  @Column({ type: "longtext", nullable: true })
  details!: string | null;
}

export const jointApprovalEntities = [JointApprovalRow, JointParticipantRow, NoticeStepRow, ExtensionRow, HistoryRow];
