import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import type { ActorKind, CaseStage, ItemKind } from "@onestop/events";
import type { CaseAction, CaseOutcome, CaseStatus, CommitmentState } from "./cases.rules";

const flag = { type: "tinyint" as const, width: 1, transformer: { to: (v: boolean) => (v ? 1 : 0), from: (v: number | boolean) => Boolean(v) } };

@Entity({ name: "service_case" })
export class CaseRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "receipt_no", type: "varchar", length: 20, unique: true })
  receiptNo!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  /** The version the case is judged by: the current one when it was accepted. */
  @Column({ name: "item_version", type: "int" })
  itemVersion!: number;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: ItemKind;

  @Column({ type: "varchar", length: 30 })
  status!: CaseStatus;

  @Column({ type: "varchar", length: 20, nullable: true })
  outcome!: CaseOutcome | null;

  /** The account that applied: it alone, among citizens, may see the case. */
  @Column({ name: "applicant_subject", type: "varchar", length: 100 })
  applicantSubject!: string;

  @Column({ name: "applicant_name", type: "varchar", length: 100 })
  applicantName!: string;

  @Column({ name: "applicant_id_number", type: "varchar", length: 32 })
  applicantIdNumber!: string;

  @Column({ type: "int" })
  quantity!: number;

  /** 首问负责: the staff member who first handled the case; it owns the case until it concludes. */
  @Column({ name: "handler_id", type: "varchar", length: 100, nullable: true })
  handlerId!: string | null;

  /** The window the case is at now: the item's entry window, the accepting one, or the one it was referred to. */
  @Column({ name: "window_id", type: "varchar", length: 64, nullable: true })
  windowId!: string | null;

  /** 告知承诺: the applicant's written commitment, and its verification after approval. */
  @Column({ name: "on_commitment", ...flag })
  onCommitment!: boolean;

  @Column({ name: "commitment_state", type: "varchar", length: 20, nullable: true })
  commitmentState!: CommitmentState | null;

  @Column({ name: "fee_required", ...flag })
  feeRequired!: boolean;

  @Column({ name: "submitted_at", type: "datetime", precision: 3 })
  submittedAt!: Date;

  @Column({ name: "accepted_at", type: "datetime", precision: 3, nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: "reviewed_at", type: "datetime", precision: 3, nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: "decided_at", type: "datetime", precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ name: "decided_by", type: "varchar", length: 100, nullable: true })
  decidedBy!: string | null;

  @Column({ name: "decision_opinion", type: "text", nullable: true })
  decisionOpinion!: string | null;

  @Column({ name: "concluded_at", type: "datetime", precision: 3, nullable: true })
  concludedAt!: Date | null;

  @Column({ name: "delivered_at", type: "datetime", precision: 3, nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: "delivery_method", type: "varchar", length: 20, nullable: true })
  deliveryMethod!: string | null;

  /** 上报件: the higher authority it went to, and the document its result came in. */
  @Column({ name: "forwarded_to", type: "varchar", length: 200, nullable: true })
  forwardedTo!: string | null;

  @Column({ name: "forwarded_at", type: "datetime", precision: 3, nullable: true })
  forwardedAt!: Date | null;

  @Column({ name: "higher_authority_document_no", type: "varchar", length: 100, nullable: true })
  higherAuthorityDocumentNo!: string | null;

  /** The day the higher authority's document is dated (YYYY-MM-DD, Beijing). */
  @Column({ name: "higher_authority_document_date", type: "char", length: 10, nullable: true })
  higherAuthorityDocumentDate!: string | null;

  /** The promised limit of the version it was accepted under. */
  @Column({ name: "promised_days", type: "int", nullable: true })
  promisedDays!: number | null;

  /** 24:00 of the deadline day; null before acceptance and while the clock is on hold. */
  @Column({ name: "deadline_at", type: "datetime", precision: 3, nullable: true })
  deadlineAt!: Date | null;

  @Column({ name: "deadline_day", type: "char", length: 10, nullable: true })
  deadlineDay!: string | null;

  @Column({ name: "on_hold", ...flag })
  onHold!: boolean;

  /** How many suspensions and extensions were recorded: none means the clocks need no look-up. */
  @Column({ name: "clock_events", type: "int" })
  clockEvents!: number;

  @Column({ type: "varchar", length: 20, nullable: true })
  stage!: CaseStage | null;

  @Column({ name: "stage_started_at", type: "datetime", precision: 3, nullable: true })
  stageStartedAt!: Date | null;

  @Column({ name: "stage_due_at", type: "datetime", precision: 3, nullable: true })
  stageDueAt!: Date | null;

  /** 容缺: the day deferred materials must follow by, while any is outstanding. */
  @Column({ name: "deficiency_due_day", type: "char", length: 10, nullable: true })
  deficiencyDueDay!: string | null;

  @Column({ name: "joint_approval_id", type: "varchar", length: 64, nullable: true })
  jointApprovalId!: string | null;

  @Column({ name: "participant_id", type: "varchar", length: 64, nullable: true })
  participantId!: string | null;

  /** The department that leads the joint approval (牵头部门), from the saga's request: its bureau and staff read the case. */
  @Column({ name: "joint_lead_department_id", type: "varchar", length: 64, nullable: true })
  jointLeadDepartmentId!: string | null;

  /** The hall's queue ticket (取号) the case was served from (issue 21). */
  @Column({ name: "ticket_id", type: "varchar", length: 64, nullable: true })
  ticketId!: string | null;

  /** The applicant's key for a retried submission. */
  /** 代办 (issue 22): the township center serving the applicant for this case of the county, as agent; null for the center's own intake. */
  @Column({ name: "agent_center_code", type: "char", length: 12, nullable: true })
  agentCenterCode!: string | null;

  /** Where the application was taken in, when elsewhere than the case's center: a village point (村代办点) or a township. */
  @Column({ name: "intake_center_code", type: "char", length: 12, nullable: true })
  intakeCenterCode!: string | null;

  @Column({ name: "submit_key", type: "varchar", length: 100, nullable: true })
  submitKey!: string | null;

  /** The number of the last routing-slip entry. */
  @Column({ name: "slip_seq", type: "int" })
  slipSeq!: number;

  @Column({ name: "last_step_at", type: "datetime", precision: 3 })
  lastStepAt!: Date;

  /** The durable timers set for the case now, as `kind|key|due epoch ms`. */
  @Column({ type: "text", nullable: true, transformer: { to: (v: string[]) => JSON.stringify(v ?? []), from: (v: string | null) => (v ? (JSON.parse(v) as string[]) : []) } })
  timers!: string[];
}

/** 流转单: one step of a case. Rows are only ever appended. */
@Entity({ name: "case_routing_entry" })
export class RoutingEntryRow {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ type: "int" })
  seq!: number;

  @Column({ type: "varchar", length: 40 })
  action!: CaseAction;

  @Column({ name: "from_status", type: "varchar", length: 30, nullable: true })
  fromStatus!: CaseStatus | null;

  @Column({ name: "to_status", type: "varchar", length: 30 })
  toStatus!: CaseStatus;

  @Column({ name: "actor_id", type: "varchar", length: 100 })
  actorId!: string;

  @Column({ name: "actor_kind", type: "varchar", length: 10 })
  actorKind!: ActorKind;

  @Column({ name: "actor_window_id", type: "varchar", length: 64, nullable: true })
  actorWindowId!: string | null;

  /** The service center the actor acted at, when a staff member acted at another center than the case's (代办); null otherwise. */
  @Column({ name: "actor_center_code", type: "char", length: 12, nullable: true })
  actorCenterCode!: string | null;

  @Column({ type: "text", nullable: true })
  opinion!: string | null;

  @Column({ name: "occurred_at", type: "datetime", precision: 3 })
  occurredAt!: Date;

  /** Time since the previous step: elapsed, and in working days. */
  @Column({ name: "took_ms", type: "bigint", transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  tookMs!: number;

  @Column({ name: "took_working_days", type: "int" })
  tookWorkingDays!: number;

  @Column({ name: "idempotency_key", type: "varchar", length: 100, nullable: true })
  idempotencyKey!: string | null;

  /** What else the step recorded (materials listed, the window referred to, the extension...), as JSON. */
  @Column({ type: "text", nullable: true })
  details!: string | null;
}
