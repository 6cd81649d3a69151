import { Column, Entity, PrimaryColumn } from "typeorm";
import type { ResultDocumentKind } from "@onestop/events";

/**
 * A document results issued for the case (受理回执, 一次性告知书, 缴款通知书, 证照, 决定书), as its
 * `document.issued` told: recorded on the routing slip with its number and the SHA-256 of its PDF,
 * so the slip proves which bytes were handed out. Rows are only ever added, once per document.
 */
@Entity({ name: "case_document" })
export class CaseDocumentRow {
  @PrimaryColumn({ name: "document_id", type: "varchar", length: 64 })
  documentId!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ type: "varchar", length: 20 })
  kind!: ResultDocumentKind;

  @Column({ name: "document_no", type: "varchar", length: 40 })
  documentNo!: string;

  @Column({ type: "char", length: 64 })
  sha256!: string;

  @Column({ name: "size_bytes", type: "int" })
  sizeBytes!: number;

  /** The time of its cause (the step, the payment notice), as results dates the document. */
  @Column({ name: "issued_at", type: "datetime", precision: 3 })
  issuedAt!: Date;

  @Column({ name: "recorded_at", type: "datetime", precision: 3 })
  recordedAt!: Date;
}
