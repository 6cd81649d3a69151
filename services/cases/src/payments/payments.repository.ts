import type { DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import { laterNoticeState, type NoticeState } from "./payments.rules";
import { CasePaymentNoticeRow } from "./entities";

/** The only code that reads or writes what fees told cases about payment notices. */
export class PaymentNoticesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a notice's new state, under a row lock, never moving it back (events may arrive out of order). */
  async record(tx: Tx, notice: { noticeId: string; caseId: string; noticeNo: string; state: NoticeState; at: Date }): Promise<void> {
    const [current] = (await tx.manager.query("SELECT state FROM case_payment_notice WHERE notice_id = ? FOR UPDATE", [notice.noticeId])) as Array<{ state: NoticeState }>;
    const state = laterNoticeState(current?.state ?? null, notice.state);
    if (current) {
      await tx.manager.query("UPDATE case_payment_notice SET state = ?, updated_at = ? WHERE notice_id = ?", [state, notice.at, notice.noticeId]);
    } else {
      await tx.manager.insert(CasePaymentNoticeRow, { noticeId: notice.noticeId, caseId: notice.caseId, noticeNo: notice.noticeNo, state, updatedAt: notice.at });
    }
  }

  async statesOf(caseId: string, tx?: Tx): Promise<NoticeState[]> {
    const rows = (await (tx?.manager ?? this.dataSource.manager).query("SELECT state FROM case_payment_notice WHERE case_id = ?", [caseId])) as Array<{ state: NoticeState }>;
    return rows.map((row) => row.state);
  }
}
