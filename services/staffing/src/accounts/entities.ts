import type { Role } from "@onestop/platform";
import { Column, Entity, PrimaryColumn } from "typeorm";

const rolesTransformer = {
  to: (roles: readonly Role[]) => roles.join(","),
  from: (value: string) => value.split(",") as Role[],
};

/** A staff member's sign-in: one account per person, the password only as a memory-hard hash. */
@Entity({ name: "staff_account" })
export class StaffAccountRow {
  @PrimaryColumn({ name: "staff_id", type: "char", length: 36 })
  staffId!: string;

  @Column({ name: "center_code", type: "char", length: 12 })
  centerCode!: string;

  /** Stored lower-case; unique across centers, since login names no center. */
  @Column({ type: "varchar", length: 64 })
  username!: string;

  @Column({ name: "password_hash", type: "varchar", length: 255 })
  passwordHash!: string;

  @Column({ type: "varchar", length: 200, transformer: rolesTransformer })
  roles!: Role[];

  /** Consecutive failures since the last success or lock. */
  @Column({ name: "failed_attempts", type: "int", default: 0 })
  failedAttempts!: number;

  @Column({ name: "locked_until", type: "datetime", precision: 3, nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: "last_login_at", type: "datetime", precision: 3, nullable: true })
  lastLoginAt!: Date | null;

  @Column({ name: "password_changed_at", type: "datetime", precision: 3 })
  passwordChangedAt!: Date;

  @Column({ name: "created_at", type: "datetime", precision: 3 })
  createdAt!: Date;
}

export const accountsEntities = [StaffAccountRow];
