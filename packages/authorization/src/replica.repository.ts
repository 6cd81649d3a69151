import type { DataSource, EntityManager } from "typeorm";
import type { staffingEvents } from "@onestop/events";
import type { Tx } from "@onestop/platform";
import type { AuthorizationLetter, AuthorizedAct, ChiefRepresentative, DepartmentPrincipal } from "./authorization.rules";

interface LetterSqlRow {
  letter_id: string;
  center_code: string;
  staff_id: string;
  department_id: string;
  item_id: string | null;
  acts: string;
  valid_from: Date;
  valid_until: Date | null;
  revoked_at: Date | null;
}

const toLetter = (row: LetterSqlRow): AuthorizationLetter => ({
  letterId: row.letter_id,
  centerCode: row.center_code,
  staffId: row.staff_id,
  departmentId: row.department_id,
  itemId: row.item_id,
  acts: row.acts.split(",") as AuthorizedAct[],
  validFrom: row.valid_from,
  validUntil: row.valid_until,
  revokedAt: row.revoked_at,
});

/** The only code that reads or writes the replica tables. */
export class AuthorizationReplicaRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Keeps the snapshot unless the row already holds a higher revision: a redelivered grant
   * arriving after the revocation changes nothing. Columns are assigned before `revision`,
   * which MySQL evaluates left to right.
   */
  async upsertLetter(tx: Tx, letter: staffingEvents.AuthorizationLetterSnapshot): Promise<void> {
    const newer = "VALUES(revision) > revision";
    await tx.manager.query(
      `INSERT INTO authorization_letter_replica
         (letter_id, center_code, staff_id, department_id, item_id, acts, valid_from, valid_until, revoked_at, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         center_code = IF(${newer}, VALUES(center_code), center_code),
         staff_id = IF(${newer}, VALUES(staff_id), staff_id),
         department_id = IF(${newer}, VALUES(department_id), department_id),
         item_id = IF(${newer}, VALUES(item_id), item_id),
         acts = IF(${newer}, VALUES(acts), acts),
         valid_from = IF(${newer}, VALUES(valid_from), valid_from),
         valid_until = IF(${newer}, VALUES(valid_until), valid_until),
         revoked_at = IF(${newer}, VALUES(revoked_at), revoked_at),
         revision = GREATEST(revision, VALUES(revision))`,
      [
        letter.letterId,
        letter.centerCode,
        letter.staffId,
        letter.departmentId,
        letter.itemId,
        letter.acts.join(","),
        new Date(letter.validFrom),
        letter.validUntil ? new Date(letter.validUntil) : null,
        letter.revokedAt ? new Date(letter.revokedAt) : null,
        letter.revision,
      ],
    );
  }

  async upsertChief(tx: Tx, chief: { departmentId: string; centerCode: string; staffId: string; revision: number }): Promise<void> {
    await tx.manager.query(
      `INSERT INTO chief_representative_replica (department_id, center_code, staff_id, revision) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         staff_id = IF(VALUES(revision) > revision, VALUES(staff_id), staff_id),
         revision = GREATEST(revision, VALUES(revision))`,
      [chief.departmentId, chief.centerCode, chief.staffId, chief.revision],
    );
  }

  async upsertPrincipal(tx: Tx, principal: { departmentId: string; centerCode: string; staffId: string; revision: number }): Promise<void> {
    await tx.manager.query(
      `INSERT INTO department_principal_replica (department_id, center_code, staff_id, revision) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE
         staff_id = IF(VALUES(revision) > revision, VALUES(staff_id), staff_id),
         revision = GREATEST(revision, VALUES(revision))`,
      [principal.departmentId, principal.centerCode, principal.staffId, principal.revision],
    );
  }

  /** The staff member's letters that could cover the item: one indexed read per act. */
  async lettersCovering(staffId: string, departmentId: string, itemId: string, tx?: Tx): Promise<AuthorizationLetter[]> {
    const rows: LetterSqlRow[] = await this.manager(tx).query(
      `SELECT letter_id, center_code, staff_id, department_id, item_id, acts, valid_from, valid_until, revoked_at
         FROM authorization_letter_replica
        WHERE staff_id = ? AND department_id = ? AND (item_id IS NULL OR item_id = ?)`,
      [staffId, departmentId, itemId],
    );
    return rows.map(toLetter);
  }

  async chiefOf(departmentId: string, tx?: Tx): Promise<ChiefRepresentative | null> {
    const rows: Array<{ staff_id: string }> = await this.manager(tx).query(
      "SELECT staff_id FROM chief_representative_replica WHERE department_id = ?",
      [departmentId],
    );
    return rows[0] ? { departmentId, staffId: rows[0].staff_id } : null;
  }

  async principalOf(departmentId: string, tx?: Tx): Promise<DepartmentPrincipal | null> {
    const rows: Array<{ staff_id: string }> = await this.manager(tx).query(
      "SELECT staff_id FROM department_principal_replica WHERE department_id = ?",
      [departmentId],
    );
    return rows[0] ? { departmentId, staffId: rows[0].staff_id } : null;
  }

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }
}
