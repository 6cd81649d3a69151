import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * A consuming service's copy of staffing's authorization letters (授权书), fed by the
 * `authorizationGranted` / `authorizationRevoked` events; a row is only ever replaced by a
 * snapshot with a higher revision.
 */
@Entity({ name: "authorization_letter_replica" })
@Index("ix_authorization_letter_replica_staff", ["staffId"])
export class AuthorizationLetterReplicaRow {
  @PrimaryColumn({ name: "letter_id", type: "char", length: 36 })
  letterId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "item_id", type: "varchar", length: 64, nullable: true })
  itemId!: string | null;

  /** The allowed acts, comma-separated. */
  @Column({ type: "varchar", length: 500 })
  acts!: string;

  @Column({ name: "valid_from", type: "datetime", precision: 3 })
  validFrom!: Date;

  @Column({ name: "valid_until", type: "datetime", precision: 3, nullable: true })
  validUntil!: Date | null;

  @Column({ name: "revoked_at", type: "datetime", precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ type: "int" })
  revision!: number;
}

/** Who each department's chief representative (首席代表) is. */
@Entity({ name: "chief_representative_replica" })
export class ChiefRepresentativeReplicaRow {
  @PrimaryColumn({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  @Column({ type: "int" })
  revision!: number;
}

/** Who each department's principal (单位主要负责人) is: the one who signs its vetoes. */
@Entity({ name: "department_principal_replica" })
export class DepartmentPrincipalReplicaRow {
  @PrimaryColumn({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  @Column({ type: "int" })
  revision!: number;
}

export const authorizationReplicaEntities = [AuthorizationLetterReplicaRow, ChiefRepresentativeReplicaRow, DepartmentPrincipalReplicaRow];
