import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { MaterialProblem, RequestKind } from "./materials.rules";

/** A material a one-time notice (一次性告知) or an acceptance with deficiencies (容缺) asked for. */
@Entity({ name: "case_material_request" })
export class MaterialRequestRow {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: RequestKind;

  /** 1 for the one-time notice, 2... for notices about supplied materials that were wrong; 0 for deferrals. */
  @Column({ name: "notice_seq", type: "int" })
  noticeSeq!: number;

  @Column({ name: "material_code", type: "varchar", length: 50 })
  materialCode!: string;

  @Column({ name: "material_name", type: "varchar", length: 200 })
  materialName!: string;

  @Column({ type: "varchar", length: 10 })
  problem!: MaterialProblem;

  @Column({ type: "text", nullable: true })
  note!: string | null;

  /** 容缺: the day the material must follow by. */
  @Column({ name: "due_day", type: "char", length: 10, nullable: true })
  dueDay!: string | null;

  @Column({ name: "requested_at", type: "datetime", precision: 3 })
  requestedAt!: Date;

  @Column({ name: "requested_by", type: "varchar", length: 100 })
  requestedBy!: string;

  @Column({ name: "supplied_at", type: "datetime", precision: 3, nullable: true })
  suppliedAt!: Date | null;

  @Column({ name: "supplied_by", type: "varchar", length: 100, nullable: true })
  suppliedBy!: string | null;

  /** The supplied file, by its content hash in the file store. */
  @Column({ name: "document_ref", type: "varchar", length: 200, nullable: true })
  documentRef!: string | null;
}
