import { Column, Entity, PrimaryColumn } from "typeorm";
import type { SuspensionReason } from "@onestop/calendar";
import type { CaseClock, WarningCard } from "@onestop/events";

/** 暂停计时: an interval in which the case's clocks do not run; open while `endedAt` is null. */
@Entity({ name: "case_suspension" })
export class SuspensionRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ type: "varchar", length: 30 })
  reason!: SuspensionReason;

  @Column({ type: "text", nullable: true })
  note!: string | null;

  @Column({ name: "started_at", type: "datetime", precision: 3 })
  startedAt!: Date;

  @Column({ name: "started_by", type: "varchar", length: 100 })
  startedBy!: string;

  @Column({ name: "ended_at", type: "datetime", precision: 3, nullable: true })
  endedAt!: Date | null;

  @Column({ name: "ended_by", type: "varchar", length: 100, nullable: true })
  endedBy!: string | null;
}

/** 延期: extra working days a leader approved, with the reason and the notice to the applicant. */
@Entity({ name: "case_extension" })
export class ExtensionRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ name: "working_days", type: "int" })
  workingDays!: number;

  @Column({ type: "text" })
  reason!: string;

  @Column({ name: "applicant_notice", type: "text" })
  applicantNotice!: string;

  @Column({ name: "approved_by", type: "varchar", length: 100 })
  approvedBy!: string;

  @Column({ name: "approved_at", type: "datetime", precision: 3 })
  approvedAt!: Date;
}

/** 红黄牌: a warning raised once per clock, level and deadline. */
@Entity({ name: "case_warning" })
export class WarningRow {
  @PrimaryColumn({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @PrimaryColumn({ type: "varchar", length: 20 })
  clock!: CaseClock;

  @PrimaryColumn({ type: "varchar", length: 10 })
  level!: WarningCard;

  @PrimaryColumn({ name: "deadline_at", type: "datetime", precision: 3 })
  deadlineAt!: Date;

  @Column({ name: "raised_at", type: "datetime", precision: 3 })
  raisedAt!: Date;
}
