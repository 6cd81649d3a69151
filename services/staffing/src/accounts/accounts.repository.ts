import type { DataSource } from "typeorm";
import { isDuplicateKey, type Tx } from "@onestop/platform";
import { CitizenAccountRow, MachineClientRow, MachineClientSecretRow, RefreshFamilyRow, RefreshTokenRow, StaffAccountRow } from "./entities";

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

  async recordSuccess(staffId: string, at: Date): Promise<void> {
    await this.dataSource.query("UPDATE staff_account SET last_login_at = ? WHERE staff_id = ?", [
      at,
      staffId,
    ]);
  }

  async setPassword(tx: Tx, staffId: string, passwordHash: string, at: Date): Promise<void> {
    await tx.manager.update(StaffAccountRow, { staffId }, { passwordHash, passwordChangedAt: at });
  }

  async setRoles(tx: Tx, staffId: string, roles: StaffAccountRow["roles"]): Promise<void> {
    await tx.manager.update(StaffAccountRow, { staffId }, { roles });
  }

  /** The unique ID number decides: of two registrations at once, one inserts and the other learns it exists. */
  async insertCitizen(tx: Tx, account: CitizenAccountRow): Promise<"inserted" | "already_registered"> {
    try {
      await tx.manager.insert(CitizenAccountRow, account);
      return "inserted";
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return "already_registered";
    }
  }

  findCitizenByIdNumber(idNumber: string): Promise<CitizenAccountRow | null> {
    return this.dataSource.getRepository(CitizenAccountRow).findOneBy({ idNumber });
  }

  findCitizen(id: string): Promise<CitizenAccountRow | null> {
    return this.dataSource.getRepository(CitizenAccountRow).findOneBy({ id });
  }

  async recordCitizenSuccess(id: string, at: Date): Promise<void> {
    await this.dataSource.query("UPDATE citizen_account SET last_login_at = ? WHERE id = ?", [at, id]);
  }

  async insertMachineClient(tx: Tx, client: MachineClientRow, secret: MachineClientSecretRow): Promise<void> {
    await tx.manager.insert(MachineClientRow, client);
    await tx.manager.insert(MachineClientSecretRow, secret);
  }

  findMachineClient(id: string): Promise<MachineClientRow | null> {
    return this.dataSource.getRepository(MachineClientRow).findOneBy({ id });
  }

  machineClientsOfCenter(centerCode: string): Promise<MachineClientRow[]> {
    return this.dataSource.getRepository(MachineClientRow).find({ where: { centerCode }, order: { createdAt: "ASC" } });
  }

  secretsOf(clientId: string): Promise<MachineClientSecretRow[]> {
    return this.dataSource.getRepository(MachineClientSecretRow).find({ where: { clientId }, order: { createdAt: "ASC" } });
  }

  async insertSecret(tx: Tx, secret: MachineClientSecretRow): Promise<void> {
    await tx.manager.insert(MachineClientSecretRow, secret);
  }

  /** Compare-and-set: true when this call revoked the still-live secret. */
  async revokeSecret(tx: Tx, clientId: string, secretId: string, at: Date): Promise<boolean> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(MachineClientSecretRow)
      .set({ revokedAt: at })
      .where("id = :secretId AND client_id = :clientId AND revoked_at IS NULL", { secretId, clientId })
      .execute();
    return result.affected === 1;
  }

  async insertRefreshFamily(tx: Tx, family: RefreshFamilyRow): Promise<void> {
    await tx.manager.insert(RefreshFamilyRow, family);
  }

  async insertRefreshToken(tx: Tx, token: RefreshTokenRow): Promise<void> {
    await tx.manager.insert(RefreshTokenRow, token);
  }

  findRefreshToken(tx: Tx, tokenHash: Buffer): Promise<RefreshTokenRow | null> {
    return tx.manager.findOneBy(RefreshTokenRow, { tokenHash });
  }

  /** The family, locked: its rotations and its revocation take turns. */
  lockRefreshFamily(tx: Tx, id: string): Promise<RefreshFamilyRow | null> {
    return tx.manager.createQueryBuilder(RefreshFamilyRow, "family").setLock("pessimistic_write").where("family.id = :id", { id }).getOne();
  }

  /** Compare-and-set: true for the one exchange that spends the token. */
  async spendRefreshToken(tx: Tx, tokenHash: Buffer, at: Date): Promise<boolean> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(RefreshTokenRow)
      .set({ spentAt: at })
      .where("token_hash = :tokenHash AND spent_at IS NULL", { tokenHash })
      .execute();
    return result.affected === 1;
  }

  async revokeRefreshFamiliesOf(tx: Tx, accountKind: RefreshFamilyRow["accountKind"], accountId: string, at: Date): Promise<void> {
    await tx.manager
      .createQueryBuilder()
      .update(RefreshFamilyRow)
      .set({ revokedAt: at })
      .where("account_kind = :accountKind AND account_id = :accountId AND revoked_at IS NULL", { accountKind, accountId })
      .execute();
  }

  async revokeRefreshFamily(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.manager.createQueryBuilder().update(RefreshFamilyRow).set({ revokedAt: at }).where("id = :id AND revoked_at IS NULL", { id }).execute();
  }
}
