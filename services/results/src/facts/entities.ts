import { Column, Entity, PrimaryColumn } from "typeorm";

/** What results knows of a case, from cases' stage events: enough to write its documents. */
@Entity({ name: "case_facts" })
export class CaseFactsRow {
  @PrimaryColumn({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ name: "receipt_no", type: "varchar", length: 40 })
  receiptNo!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @Column({ name: "item_version", type: "int" })
  itemVersion!: number;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  /** 代办: the township serving the applicant for a county case; its staff and its village points' read the documents. */
  @Column({ name: "agent_center_code", type: "char", length: 12, nullable: true })
  agentCenterCode!: string | null;

  /** The account that applied: it may read the case's documents and holds its licences. */
  @Column({ name: "applicant_subject", type: "varchar", length: 100, nullable: true })
  applicantSubject!: string | null;

  @Column({ name: "applicant_name", type: "varchar", length: 100, nullable: true })
  applicantName!: string | null;

  @Column({ name: "accepted_at", type: "datetime", precision: 3, nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: "deadline_at", type: "datetime", precision: 3, nullable: true })
  deadlineAt!: Date | null;

  /** The opinion of the decision (批准 or not): a denial's reasons. */
  @Column({ name: "decision_opinion", type: "text", nullable: true })
  decisionOpinion!: string | null;

  /** The last routing-slip step seen. */
  @Column({ name: "last_seq", type: "int" })
  lastSeq!: number;
}

/** Every published item version (a replica of catalog's events): its name, code and materials. */
@Entity({ name: "item_version_replica" })
export class ItemVersionRow {
  @PrimaryColumn({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @PrimaryColumn({ type: "int" })
  version!: number;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Column({ type: "varchar", length: 80, nullable: true })
  code!: string | null;

  @Column({ name: "promised_limit_days", type: "int" })
  promisedLimitDays!: number;

  @Column({ type: "json" })
  materials!: { code: string; name: string }[];
}

/** Departments by id (a replica of staffing's events), for the issuer printed on a document. */
@Entity({ name: "department_replica" })
export class DepartmentRow {
  @PrimaryColumn({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ type: "varchar", length: 200 })
  name!: string;
}

export const factEntities = [CaseFactsRow, ItemVersionRow, DepartmentRow];
