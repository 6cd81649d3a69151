import type { DataSource } from "typeorm";
import { isDuplicateKey, type Tx } from "@onestop/platform";
import type { CaseStatus } from "./case.rules";
import { CaseRow } from "./entities";

export class CasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** False when the receipt number collided; the caller draws another. */
  async insert(tx: Tx, row: CaseRow): Promise<boolean> {
    try {
      await tx.manager.insert(CaseRow, row);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  find(id: string, tx?: Tx): Promise<CaseRow | null> {
    return (tx?.manager ?? this.dataSource.manager).findOneBy(CaseRow, { id });
  }

  /**
   * Moves the case only if it is still in the expected status: of two concurrent
   * transitions exactly one wins.
   */
  async transition(tx: Tx, id: string, from: CaseStatus, changes: Partial<CaseRow> & { status: CaseStatus }): Promise<boolean> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(CaseRow)
      .set(changes)
      .where("id = :id AND status = :from", { id, from })
      .execute();
    return result.affected === 1;
  }
}
