import type { DataSource } from "typeorm";
import { isDuplicateKey, type Tx } from "@onestop/platform";
import { StaffAccountRow } from "./entities";

export class AccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the account unless the staff member has one or the username is taken. */
  async insert(tx: Tx, account: StaffAccountRow): Promise<"inserted" | "username_taken" | "account_exists"> {
    if (await tx.manager.findOneBy(StaffAccountRow, { staffId: account.staffId })) return "account_exists";
    try {
      await tx.manager.insert(StaffAccountRow, account);
      return "inserted";
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (await tx.manager.findOneBy(StaffAccountRow, { staffId: account.staffId })) ? "account_exists" : "username_taken";
    }
  }

  findByUsername(username: string): Promise<StaffAccountRow | null> {
    return this.dataSource.getRepository(StaffAccountRow).findOneBy({ username });
  }

  findByStaff(staffId: string): Promise<StaffAccountRow | null> {
    return this.dataSource.getRepository(StaffAccountRow).findOneBy({ staffId });
  }

  /**
   * One more wrong password, counted in the database so that parallel attempts all count:
   * at the limit the account locks and the count starts over. `locked_until` is assigned
   * first because MySQL evaluates SET left to right.
   */
  async recordFailure(staffId: string, maxFailures: number, lockUntil: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE staff_account
          SET locked_until = IF(failed_attempts + 1 >= ?, ?, locked_until),
              failed_attempts = IF(failed_attempts + 1 >= ?, 0, failed_attempts + 1)
        WHERE staff_id = ?`,
      [maxFailures, lockUntil, maxFailures, staffId],
    );
  }

  async recordSuccess(staffId: string, at: Date): Promise<void> {
    await this.dataSource.query("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE staff_id = ?", [
      at,
      staffId,
    ]);
  }

  async setPassword(tx: Tx, staffId: string, passwordHash: string, at: Date): Promise<void> {
    await tx.manager.update(StaffAccountRow, { staffId }, { passwordHash, passwordChangedAt: at, failedAttempts: 0, lockedUntil: null });
  }

  async setRoles(tx: Tx, staffId: string, roles: StaffAccountRow["roles"]): Promise<void> {
    await tx.manager.update(StaffAccountRow, { staffId }, { roles });
  }
}
