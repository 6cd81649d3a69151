import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import type { MaterialMediaType } from "./files/file-type.rules";
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

  /** A reference to the supplied document the caller gave as text (files are `case_material_file`'s). */
  @Column({ name: "document_ref", type: "varchar", length: 200, nullable: true })
  documentRef!: string | null;
}

/** A material file's bytes, kept once under their SHA-256 (the store's key) however many upload them. */
@Entity({ name: "material_blob" })
export class MaterialBlobRow {
  @PrimaryColumn({ type: "char", length: 64 })
  sha256!: string;

  @Column({ name: "media_type", type: "varchar", length: 40 })
  mediaType!: MaterialMediaType;

  @Column({ name: "size_bytes", type: "bigint", transformer: { to: (n: number) => n, from: (s: string | number) => Number(s) } })
  sizeBytes!: number;

  @Column({ name: "stored_at", type: "datetime", precision: 3 })
  storedAt!: Date;
}

/**
 * One person's upload of a file: the id the caller is given and refers to, so the same bytes
 * uploaded by someone else never give this person's cases' readers, or this person, the other's.
 * One per uploader and content: uploading the same bytes again answers the same id.
 */
@Entity({ name: "material_upload" })
export class MaterialUploadRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "owner_subject", type: "varchar", length: 100 })
  ownerSubject!: string;

  @Column({ type: "char", length: 64 })
  sha256!: string;

  @Column({ name: "media_type", type: "varchar", length: 40 })
  mediaType!: MaterialMediaType;

  @Column({ name: "size_bytes", type: "bigint", transformer: { to: (n: number) => n, from: (s: string | number) => Number(s) } })
  sizeBytes!: number;

  /** The name the uploader gave, for the download's name only. */
  @Column({ name: "file_name", type: "varchar", length: 200, nullable: true })
  fileName!: string | null;

  @Column({ name: "uploaded_at", type: "datetime", precision: 3 })
  uploadedAt!: Date;
}

/** A file handed in as one of a case's materials: with the application, or answering a notice or a deferral. */
@Entity({ name: "case_material_file" })
export class CaseMaterialFileRow {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ name: "material_code", type: "varchar", length: 50 })
  materialCode!: string;

  @Column({ name: "upload_id", type: "char", length: 36 })
  uploadId!: string;

  /** The notice's or deferral's request it answered; null for a file handed in with the application. */
  @Column({ name: "request_id", type: "bigint", nullable: true })
  requestId!: string | null;

  @Column({ name: "attached_at", type: "datetime", precision: 3 })
  attachedAt!: Date;

  @Column({ name: "attached_by", type: "varchar", length: 100 })
  attachedBy!: string;
}
