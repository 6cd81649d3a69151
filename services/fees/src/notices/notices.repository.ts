import type { DataSource } from "typeorm";
import type { Tx } from "@onestop/platform";
import { PaymentNoticeRow } from "./entities";
import type { NoticeLine } from "./notice.rules";

const parseLines = (row: PaymentNoticeRow): PaymentNoticeRow => {
  if (typeof row.lineItems === "string") row.lineItems = JSON.parse(row.lineItems) as NoticeLine[];
  return row;
};

export class NoticesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The next serial of the day in this center, atomically, in the caller's transaction. */
  async nextSerial(tx: Tx, centerCode: string, day: string): Promise<number> {
    await tx.manager.query(
      `INSERT INTO notice_serial (center_code, issue_day, last_serial) VALUES (?, ?, LAST_INSERT_ID(1))
       ON DUPLICATE KEY UPDATE last_serial = LAST_INSERT_ID(last_serial + 1)`,
      [centerCode, day],
    );
    const [{ serial }] = (await tx.manager.query("SELECT LAST_INSERT_ID() AS serial")) as Array<{ serial: string | number }>;
    return Number(serial);
  }

  async existsForCase(tx: Tx, caseId: string): Promise<boolean> {
    return (await tx.manager.countBy(PaymentNoticeRow, { caseId })) > 0;
  }

  async insert(tx: Tx, row: PaymentNoticeRow): Promise<void> {
    await tx.manager.insert(PaymentNoticeRow, row);
  }

  async forCase(caseId: string): Promise<PaymentNoticeRow[]> {
    const rows = await this.dataSource.getRepository(PaymentNoticeRow).find({ where: { caseId }, order: { issuedAt: "ASC" } });
    return rows.map(parseLines);
  }

  async find(id: string): Promise<PaymentNoticeRow | null> {
    const row = await this.dataSource.getRepository(PaymentNoticeRow).findOneBy({ id });
    return row && parseLines(row);
  }
}
