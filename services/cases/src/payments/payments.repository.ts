import type { DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import { laterNoticeState, type FeeAssessment, type NoticeState } from "./payments.rules";

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

  /** Keeps fees' newest assessment of the case; an older one arriving late changes nothing. */
  async recordAssessment(tx: Tx, assessment: { caseId: string; outcome: FeeAssessment; at: Date }): Promise<void> {
    await tx.manager.query(
      `INSERT INTO case_fee_assessment (case_id, outcome, assessed_at) VALUES (?, ?, ?)
       ON DUPLICATE KEY UPDATE
         outcome = IF(VALUES(assessed_at) >= assessed_at, VALUES(outcome), outcome),
         assessed_at = GREATEST(assessed_at, VALUES(assessed_at))`,
      [assessment.caseId, assessment.outcome, assessment.at],
    );
  }

  /** What the fee gate is judged by: the states of the case's notices and fees' newest assessment. */
  async gateFacts(caseId: string, tx?: Tx): Promise<{ notices: NoticeState[]; assessment: FeeAssessment | null }> {
    const manager = tx?.manager ?? this.dataSource.manager;
    // Inside a step, locking reads: they see a settlement committed a moment ago, whatever the step read before.
    const lock = tx ? " LOCK IN SHARE MODE" : "";
    const notices = (await manager.query(`SELECT state FROM case_payment_notice WHERE case_id = ?${lock}`, [caseId])) as Array<{ state: NoticeState }>;
    const [assessed] = (await manager.query(`SELECT outcome FROM case_fee_assessment WHERE case_id = ?${lock}`, [caseId])) as Array<{ outcome: FeeAssessment }>;
    return { notices: notices.map((row) => row.state), assessment: assessed?.outcome ?? null };
  }
}
