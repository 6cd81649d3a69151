import type { Role } from "@onestop/platform";
import { Column, Entity, PrimaryColumn } from "typeorm";

const rolesTransformer = {
  to: (roles: readonly Role[]) => roles.join(","),
  from: (value: string) => value.split(",") as Role[],
};

/** The columns of a sign-in by password: a staff member's and a citizen's alike. Its lock-out is the name's, not the row's (accounts.rules.ts). */
export abstract class PasswordSignInColumns {
  /** Only as a memory-hard hash. */
  @Column({ name: "password_hash", type: "varchar", length: 255 })
  passwordHash!: string;

  @Column({ name: "last_login_at", type: "datetime", precision: 3, nullable: true })
  lastLoginAt!: Date | null;
}

/** A staff member's sign-in: one account per person. */
@Entity({ name: "staff_account" })
export class StaffAccountRow extends PasswordSignInColumns {
  @PrimaryColumn({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  /** Stored lower-case; unique across centers, since login names no center. */
  @Column({ type: "varchar", length: 64 })
  username!: string;

  @Column({ type: "varchar", length: 200, transformer: rolesTransformer })
  roles!: Role[];

  @Column({ name: "password_changed_at", type: "datetime", precision: 3 })
  passwordChangedAt!: Date;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;
}

/**
 * A citizen's or an enterprise's sign-in (群众/企业账户): one per ID number. The id is the stable
 * subject of its tokens, which the services record as the applicant's subject.
 */
@Entity({ name: "citizen_account" })
export class CitizenAccountRow extends PasswordSignInColumns {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ type: "varchar", length: 10 })
  kind!: "PERSON" | "ENTERPRISE";

  @Column({ type: "varchar", length: 100 })
  name!: string;

  /** 身份证号 or 统一社会信用代码, upper-case; unique. */
  @Column({ name: "id_number", type: "varchar", length: 18 })
  idNumber!: string;

  /** The registration's mobile number, masked (138****1234): notifications alone keeps it whole, to send SMS. */
  @Column({ type: "varchar", length: 20 })
  phone!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;
}

/** A machine client (the bank's collection point of one center): it signs in with a client id and secret. */
@Entity({ name: "machine_client" })
export class MachineClientRow {
  /** The client id it presents; also the subject of its tokens. */
  @PrimaryColumn({ type: "varchar", length: 64 })
  id!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "varchar", length: 20 })
  role!: "bank";

  @Column({ name: "created_by", type: "varchar", length: 64 })
  createdBy!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;
}

/** One secret of a machine client, hashed like a password; several live at once during a rotation. */
@Entity({ name: "machine_client_secret" })
export class MachineClientSecretRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "client_id", type: "varchar", length: 64 })
  clientId!: string;

  @Column({ name: "secret_hash", type: "varchar", length: 255 })
  secretHash!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "revoked_at", type: "datetime", precision: 3, nullable: true })
  revokedAt!: Date | null;
}

export type AccountKind = "STAFF" | "CITIZEN";

/** The refresh tokens descending from one login; revoked together when one of them is presented twice. */
@Entity({ name: "refresh_family" })
export class RefreshFamilyRow {
  @PrimaryColumn({ type: "char", length: 36 })
  id!: string;

  @Column({ name: "account_kind", type: "varchar", length: 10 })
  accountKind!: AccountKind;

  @Column({ name: "account_id", type: "char", length: 36 })
  accountId!: string;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;

  @Column({ name: "revoked_at", type: "datetime", precision: 3, nullable: true })
  revokedAt!: Date | null;
}

/** A refresh token, stored only as the SHA-256 of its random value. */
@Entity({ name: "refresh_token" })
export class RefreshTokenRow {
  @PrimaryColumn({ name: "token_hash", type: "binary", length: 32 })
  tokenHash!: Buffer;

  @Column({ name: "family_id", type: "char", length: 36 })
  familyId!: string;

  @Column({ name: "issued_at", type: "datetime", precision: 3 })
  issuedAt!: Date;

  @Column({ name: "expires_at", type: "datetime", precision: 3 })
  expiresAt!: Date;

  /** Set once, by compare-and-set, when the token is exchanged for the next one. */
  @Column({ name: "spent_at", type: "datetime", precision: 3, nullable: true })
  spentAt!: Date | null;
}

export const accountsEntities = [StaffAccountRow, CitizenAccountRow, MachineClientRow, MachineClientSecretRow, RefreshFamilyRow, RefreshTokenRow];
