import type { AuthorizedAct } from "@onestop/authorization";
import { Column, Entity, PrimaryColumn } from "typeorm";

const actsTransformer = {
  to: (acts: readonly AuthorizedAct[]) => acts.join(","),
  // Empty only for a letter revoked when its one act (SIGN_VETO) was retired.
  from: (value: string) => (value === "" ? [] : (value.split(",") as AuthorizedAct[])),
};

/** 授权书: what one staff member may do on one item, or on every item of a department. */
@Entity({ name: "authorization_letter" })
export class AuthorizationLetterRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  @Column({ name: "department_id", type: "char", length: 36 })
  departmentId!: string;

  @Column({ name: "item_id", type: "varchar", length: 64, nullable: true })
  itemId!: string | null;

  @Column({ type: "varchar", length: 500, transformer: actsTransformer })
  acts!: AuthorizedAct[];

  @Column({ name: "valid_from", type: "datetime", precision: 3 })
  validFrom!: Date;

  @Column({ name: "valid_until", type: "datetime", precision: 3, nullable: true })
  validUntil!: Date | null;

  @Column({ name: "granted_by", type: "varchar", length: 64 })
  grantedBy!: string;

  @Column({ name: "granted_at", type: "datetime", precision: 3 })
  grantedAt!: Date;

  @Column({ name: "revoked_at", type: "datetime", precision: 3, nullable: true })
  revokedAt!: Date | null;

  @Column({ name: "revoked_by", type: "varchar", length: 64, nullable: true })
  revokedBy!: string | null;

  @Column({ name: "revoke_reason", type: "varchar", length: 500, nullable: true })
  revokeReason!: string | null;

  /** 1 when granted, 2 once revoked: the replicas keep the highest. */
  @Column({ type: "int" })
  revision!: number;
}

export const authorizationEntities = [AuthorizationLetterRow];
