import { Column, Entity, PrimaryColumn } from "typeorm";

/** 电子证照: one issued licence. Its status is read from these columns and the calendar (licences.rules.ts). */
@Entity({ name: "licence" })
export class LicenceRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "licence_no", type: "varchar", length: 40 })
  licenceNo!: string;

  /** The document that carries it; its verification code is the licence's. */
  @Column({ name: "document_id", type: "char", length: 36 })
  documentId!: string;

  @Column({ name: "verification_code", type: "char", length: 16 })
  verificationCode!: string;

  @Column({ name: "case_id", type: "char", length: 36 })
  caseId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "item_id", type: "char", length: 36 })
  itemId!: string;

  @Column({ name: "item_name", type: "varchar", length: 200 })
  itemName!: string;

  @Column({ name: "holder_subject", type: "varchar", length: 100 })
  holderSubject!: string;

  @Column({ name: "holder_name", type: "varchar", length: 100 })
  holderName!: string;

  @Column({ name: "valid_from", type: "char", length: 10 })
  validFrom!: string;

  /** The last valid day (Asia/Shanghai); null: long-term (长期). */
  @Column({ name: "valid_until", type: "char", length: 10, nullable: true })
  validUntil!: string | null;

  @Column({ name: "issued_at", type: "datetime", precision: 3 })
  issuedAt!: Date;

  @Column({ name: "revoked_at", type: "datetime", precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ name: "replaced_by_id", type: "char", length: 36, nullable: true })
  replacedById!: string | null;

  /** The licence this one replaced (换发). */
  @Column({ name: "replaces_id", type: "char", length: 36, nullable: true })
  replacesId!: string | null;
}

/** The licence's audit trail: every act on it, by whom, when and why. */
@Entity({ name: "licence_act" })
export class LicenceActRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "licence_id", type: "char", length: 36 })
  licenceId!: string;

  @Column({ type: "varchar", length: 20 })
  act!: "ISSUE" | "REVOKE" | "REPLACE";

  @Column({ name: "actor_id", type: "varchar", length: 100 })
  actorId!: string;

  @Column({ type: "text", nullable: true })
  reason!: string | null;

  @Column({ name: "occurred_at", type: "datetime", precision: 3 })
  occurredAt!: Date;

  /** A retried revocation or replacement (the same key) is answered with the first one's result. */
  @Column({ name: "idempotency_key", type: "varchar", length: 100, nullable: true })
  idempotencyKey!: string | null;
}

export const licenceEntities = [LicenceRow, LicenceActRow];
