import type { ResultDocumentKind } from "@onestop/events";
import { Column, Entity, PrimaryColumn } from "typeorm";

/** A rendered document: kept once in the store under its SHA-256, the same bytes every time. */
@Entity({ name: "result_document" })
export class DocumentRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: ResultDocumentKind;

  /** What caused it, unique per case and kind: `accepted`, the notice's slip step, the payment notice's id, `concluded`. */
  @Column({ type: "varchar", length: 64 })
  cause!: string;

  @Column({ name: "document_no", type: "varchar", length: 40 })
  documentNo!: string;

  @Column({ name: "verification_code", type: "char", length: 16 })
  verificationCode!: string;

  @Column({ type: "varchar", length: 100 })
  title!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @Column({ name: "item_version", type: "int" })
  itemVersion!: number;

  /** The item template it was written with (null: the kind's default wording). */
  @Column({ name: "template_id", type: "char", length: 36, nullable: true })
  templateId!: string | null;

  @Column({ type: "char", length: 64 })
  sha256!: string;

  @Column({ name: "size_bytes", type: "int" })
  sizeBytes!: number;

  /** The cause's time: printed on it, and the PDF's creation date. */
  @Column({ name: "issued_at", type: "datetime", precision: 3 })
  issuedAt!: Date;
}

/** The last number drawn per center, kind and year. */
@Entity({ name: "document_counter" })
export class DocumentCounterRow {
  @PrimaryColumn({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @PrimaryColumn({ type: "varchar", length: 20 })
  kind!: string;

  @PrimaryColumn({ type: "int" })
  year!: number;

  @Column({ name: "last_seq", type: "int" })
  lastSeq!: number;
}

/**
 * An item's wording for one kind of document, from one of its versions on: a case is written with
 * the template of the highest `from_version` not above the version it was accepted under.
 */
@Entity({ name: "document_template" })
export class TemplateRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @Column({ name: "from_version", type: "int" })
  fromVersion!: number;

  @Column({ type: "varchar", length: 20 })
  kind!: ResultDocumentKind;

  @Column({ type: "varchar", length: 100, nullable: true })
  title!: string | null;

  @Column({ type: "text", nullable: true })
  body!: string | null;

  @Column({ name: "validity_years", type: "int", nullable: true })
  validityYears!: number | null;

  @Column({ name: "created_by", type: "varchar", length: 100 })
  createdBy!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;
}

export const documentEntities = [DocumentRow, DocumentCounterRow, TemplateRow];
