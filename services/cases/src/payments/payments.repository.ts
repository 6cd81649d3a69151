import type { DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import { laterNoticeState, type NoticeState } from "./payments.rules";

/** The only code that reads or writes what fees told cases about payment notices. */
export class PaymentNoticesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a notice's new state, never moving it back (events may arrive out of order). The
   * insert comes first so two events about a new notice queue on its row instead of deadlocking.
   */
  async record(tx: Tx, notice: { noticeId: string; caseId: string; noticeNo: string; state: NoticeState; at: Date }): Promise<void> {
    const inserted = (await tx.manager.query(
      "INSERT IGNORE INTO case_payment_notice (notice_id, case_id, notice_no, state, updated_at) VALUES (?, ?, ?, ?, ?)",
      [notice.noticeId, notice.caseId, notice.noticeNo, notice.state, notice.at],
    )) as { affectedRows?: number };
    if (inserted.affectedRows === 1) return;
    const [current] = (await tx.manager.query("SELECT state FROM case_payment_notice WHERE notice_id = ? FOR UPDATE", [notice.noticeId])) as Array<{ state: NoticeState }>;
    const state = laterNoticeState(current?.state ?? null, notice.state);
    if (state !== current?.state) {
      await tx.manager.query("UPDATE case_payment_notice SET state = ?, updated_at = ? WHERE notice_id = ?", [state, notice.at, notice.noticeId]);
    }
  }

  async statesOf(caseId: string, tx?: Tx): Promise<NoticeState[]> {
    // Inside a step, a locking read: it sees a settlement committed a moment ago, whatever the step read before.
    const rows = (await (tx?.manager ?? this.dataSource.manager).query(
      `SELECT state FROM case_payment_notice WHERE case_id = ?${tx ? " LOCK IN SHARE MODE" : ""}`,
      [caseId],
    )) as Array<{ state: NoticeState }>;
    return rows.map((row) => row.state);
  }
}
