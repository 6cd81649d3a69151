import { Column, Entity, PrimaryColumn } from "typeorm";

/** What assessment knows of one case, from cases' events (and, later, its rating). */
@Entity({ name: "case_fact" })
export class CaseFactRow {
  @PrimaryColumn({ name: "case_id", type: "varchar", length: 64 })
  caseId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "item_id", type: "varchar", length: 64 })
  itemId!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "window_id", type: "char", length: 36, nullable: true })
  windowId!: string | null;

  @Column({ name: "handler_id", type: "varchar", length: 64, nullable: true })
  handlerId!: string | null;

  @Column({ name: "accepted_at", type: "datetime", precision: 3, nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: "concluded_at", type: "datetime", precision: 3, nullable: true })
  concludedAt!: Date | null;

  @Column({ type: "varchar", length: 20, nullable: true })
  outcome!: string | null;

  @Column({ name: "on_time", type: "boolean", nullable: true })
  onTime!: boolean | null;

  @Column({ name: "working_days_used", type: "int", nullable: true })
  workingDaysUsed!: number | null;

  @Column({ name: "promised_limit_days", type: "int", nullable: true })
  promisedLimitDays!: number | null;

  @Column({ name: "rating_score", type: "tinyint", nullable: true })
  ratingScore!: number | null;

  @Column({ name: "rated_at", type: "datetime", precision: 3, nullable: true })
  ratedAt!: Date | null;

  /** The supervision office upheld an appeal against the rating (恶意差评): it counts nowhere. */
  @Column({ name: "rating_voided", type: "boolean", default: false })
  ratingVoided!: boolean;
}

export const assessmentEntities = [CaseFactRow];
