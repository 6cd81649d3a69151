import type { DataSource, EntityManager } from "typeorm";
import type { Tx } from "@onestop/platform";
import { AuthorizationLetterRow } from "./entities";

export class LettersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  async insert(tx: Tx, letter: AuthorizationLetterRow): Promise<void> {
    await tx.manager.insert(AuthorizationLetterRow, letter);
  }

  lock(tx: Tx, id: string): Promise<AuthorizationLetterRow | null> {
    return tx.manager.createQueryBuilder(AuthorizationLetterRow, "l").setLock("pessimistic_write").where("l.id = :id", { id }).getOne();
  }

  async revoke(tx: Tx, id: string, changes: Pick<AuthorizationLetterRow, "revokedAt" | "revokedBy" | "revokeReason" | "revision">): Promise<void> {
    await tx.manager.update(AuthorizationLetterRow, { id }, changes);
  }

  lettersOfStaff(staffIds: readonly string[], tx?: Tx): Promise<AuthorizationLetterRow[]> {
    if (staffIds.length === 0) return Promise.resolve([]);
    return this.manager(tx)
      .createQueryBuilder(AuthorizationLetterRow, "l")
      .where("l.staff_id IN (:...staffIds)", { staffIds })
      .orderBy("l.granted_at", "ASC")
      .getMany();
  }
}
