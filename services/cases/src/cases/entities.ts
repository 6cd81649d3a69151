import { Column, Entity, PrimaryColumn } from "typeorm";
import type { CaseStatus } from "./case.rules";

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

  @Column({ name: "item_version", type: "int" })
  itemVersion!: number;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ type: "varchar", length: 20 })
  status!: CaseStatus;

  /** The account that applied: it alone, among citizens, may see the case. */
  @Column({ name: "applicant_subject", type: "varchar", length: 100 })
  applicantSubject!: string;

  @Column({ name: "applicant_name", type: "varchar", length: 100 })
  applicantName!: string;

  @Column({ name: "applicant_id_number", type: "varchar", length: 32 })
  applicantIdNumber!: string;

  @Column({ type: "int" })
  quantity!: number;

  @Column({ name: "handler_id", type: "varchar", length: 100, nullable: true })
  handlerId!: string | null;

  @Column({ name: "submitted_at", type: "datetime", precision: 3 })
  submittedAt!: Date;

  @Column({ name: "accepted_at", type: "datetime", precision: 3, nullable: true })
  acceptedAt!: Date | null;
}
