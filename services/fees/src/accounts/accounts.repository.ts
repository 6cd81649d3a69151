import { In, type DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import { DepartmentReplicaRow, FeeAccountHistoryRow, FeeAccountRow } from "./entities";

export class AccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsertDepartment(tx: Tx, row: DepartmentReplicaRow): Promise<void> {
    await tx.manager.upsert(DepartmentReplicaRow, row, ["id"]);
  }

  /** The department, locked so that two changes of its account run one after the other. */
  async lockDepartment(tx: Tx, id: string): Promise<DepartmentReplicaRow | null> {
    return tx.manager.getRepository(DepartmentReplicaRow).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  }

  async findDepartment(tx: Tx, id: string): Promise<DepartmentReplicaRow | null> {
    return tx.manager.findOneBy(DepartmentReplicaRow, { id });
  }

  /** Several departments' accounts in one statement, in no particular order; departments without one are left out. */
  async findAccounts(departmentIds: readonly string[]): Promise<FeeAccountRow[]> {
    if (departmentIds.length === 0) return [];
    return this.dataSource.getRepository(FeeAccountRow).findBy({ departmentId: In([...departmentIds]) });
  }

  /**
   * The account a notice is issued to, read with a shared lock: when there is none yet the
   * lock covers the gap, so configuring the account waits for this transaction and then
   * sees the case that is waiting for it.
   */
  async accountForIssue(tx: Tx, departmentId: string): Promise<FeeAccountRow | null> {
    // LOCK IN SHARE MODE: understood by MariaDB and MySQL alike (MariaDB has no FOR SHARE).
    const [row] = (await tx.manager.query(
      `SELECT department_id, center_code, account_no, account_name, bank_name, revision, configured_by, configured_at
         FROM fee_account WHERE department_id = ? LOCK IN SHARE MODE`,
      [departmentId],
    )) as Array<Record<string, unknown>>;
    if (!row) return null;
    return {
      departmentId: row.department_id as string,
      centerCode: row.center_code as string,
      accountNo: row.account_no as string,
      accountName: row.account_name as string,
      bankName: row.bank_name as string,
      revision: Number(row.revision),
      configuredBy: row.configured_by as string,
      configuredAt: row.configured_at as Date,
    };
  }

  async findAccountByNo(tx: Tx | null, accountNo: string): Promise<FeeAccountRow | null> {
    const manager = tx?.manager ?? this.dataSource.manager;
    return manager.findOneBy(FeeAccountRow, { accountNo });
  }

  async accountsOfCenter(centerCode: string): Promise<FeeAccountRow[]> {
    return this.dataSource.getRepository(FeeAccountRow).find({ where: { centerCode }, order: { accountNo: "ASC" } });
  }

  /** Writes the account's new revision and keeps it in the history. */
  async saveAccount(tx: Tx, row: FeeAccountRow): Promise<void> {
    await tx.manager.upsert(FeeAccountRow, row, ["departmentId"]);
    await tx.manager.insert(FeeAccountHistoryRow, { ...row });
  }
}
