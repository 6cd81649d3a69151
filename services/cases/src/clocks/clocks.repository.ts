import type { DataSource, EntityManager } from "typeorm";
import type { CaseClock, WarningCard } from "@onestop/events";
import type { Tx } from "@onestop/platform";
import type { RecordedExtension, RecordedSuspension } from "./clocks.rules";
import { ExtensionRow, SuspensionRow, WarningRow } from "./entities";

/** The only code that reads or writes the clock events of cases: suspensions, extensions, warnings. */
export class ClocksRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx): EntityManager {
    return tx?.manager ?? this.dataSource.manager;
  }

  suspensionsOf(caseId: string, tx?: Tx): Promise<SuspensionRow[]> {
    return this.manager(tx).find(SuspensionRow, { where: { caseId }, order: { startedAt: "ASC" } });
  }

  extensionsOf(caseId: string, tx?: Tx): Promise<ExtensionRow[]> {
    return this.manager(tx).find(ExtensionRow, { where: { caseId }, order: { approvedAt: "ASC" } });
  }

  /** Both lists as the calendar takes them. */
  async clockEventsOf(caseId: string, tx?: Tx): Promise<{ suspensions: RecordedSuspension[]; extensions: RecordedExtension[] }> {
    const [suspensions, extensions] = [await this.suspensionsOf(caseId, tx), await this.extensionsOf(caseId, tx)];
    return {
      suspensions: suspensions.map((s) => ({ reason: s.reason, from: s.startedAt, until: s.endedAt })),
      extensions: extensions.map((e) => ({ workingDays: e.workingDays, approvedAt: e.approvedAt })),
    };
  }

  async startSuspension(tx: Tx, row: SuspensionRow): Promise<void> {
    await tx.manager.insert(SuspensionRow, row);
  }

  /** Ends the open suspension; false when none was open. */
  async endOpenSuspension(tx: Tx, caseId: string, at: Date, by: string): Promise<boolean> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(SuspensionRow)
      .set({ endedAt: at, endedBy: by })
      .where("case_id = :caseId AND ended_at IS NULL", { caseId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async openSuspension(caseId: string, tx?: Tx): Promise<SuspensionRow | null> {
    return this.manager(tx)
      .createQueryBuilder(SuspensionRow, "s")
      .where("s.case_id = :caseId AND s.ended_at IS NULL", { caseId })
      .getOne();
  }

  async addExtension(tx: Tx, row: ExtensionRow): Promise<void> {
    await tx.manager.insert(ExtensionRow, row);
  }

  /** False when this warning was raised already (a timer fired twice, or two instances raced). */
  async recordWarning(tx: Tx, warning: { caseId: string; clock: CaseClock; level: WarningCard; deadlineAt: Date; raisedAt: Date }): Promise<boolean> {
    const result = (await tx.manager.query(
      "INSERT IGNORE INTO case_warning (case_id, clock, level, deadline_at, raised_at) VALUES (?, ?, ?, ?, ?)",
      [warning.caseId, warning.clock, warning.level, warning.deadlineAt, warning.raisedAt],
    )) as { affectedRows?: number };
    return result.affectedRows === 1;
  }

  warningsOf(caseId: string): Promise<WarningRow[]> {
    return this.manager().find(WarningRow, { where: { caseId }, order: { raisedAt: "ASC" } });
  }
}
