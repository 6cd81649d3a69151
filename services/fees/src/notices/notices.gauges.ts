import type { DomainGauge } from "@onestop/platform";
import type { DataSource } from "typeorm";

/** Notices unpaid (and of them expired) and the reconciliation's open discrepancies: sampled counts, not per scrape. */
export function feesGauges(dataSource: DataSource, now: () => Date): DomainGauge[] {
  return [
    {
      name: "onestop_fees_notices_unpaid",
      help: "Payment notices issued and not paid, by whether they are past their expiry",
      labelNames: ["expired"],
      sample: async () => {
        const [row] = (await dataSource.query(
          "SELECT COUNT(*) AS n, COALESCE(SUM(expires_at < ?), 0) AS expired FROM payment_notice WHERE status = 'ISSUED'",
          [now()],
        )) as Array<{ n: string | number; expired: string | number }>;
        const expired = Number(row?.expired ?? 0);
        return [
          { labels: { expired: "no" }, value: Number(row?.n ?? 0) - expired },
          { labels: { expired: "yes" }, value: expired },
        ];
      },
    },
    {
      name: "onestop_fees_notices_unpaid_fen",
      help: "The amount of the payment notices issued and not paid, in fen",
      sample: async () => {
        const [row] = (await dataSource.query("SELECT COALESCE(SUM(amount_fen), 0) AS fen FROM payment_notice WHERE status = 'ISSUED'")) as Array<{ fen: string | number }>;
        return [{ value: Number(row?.fen ?? 0) }];
      },
    },
    {
      name: "onestop_fees_reconciliation_discrepancies",
      help: "Lines of the bank statements of the last 7 days that did not match the records here, by category",
      labelNames: ["category"],
      sample: async () => {
        const since = new Date(now().getTime() - 7 * 24 * 60 * 60 * 1000);
        const rows = (await dataSource.query(
          `SELECT d.category AS category, COUNT(*) AS n FROM bank_statement_discrepancy d JOIN bank_statement s ON s.id = d.statement_id
            WHERE s.statement_date >= ? AND d.category <> 'MATCHED' GROUP BY d.category`,
          [since.toISOString().slice(0, 10)],
        )) as Array<{ category: string; n: string | number }>;
        return rows.map((row) => ({ labels: { category: row.category }, value: Number(row.n) }));
      },
    },
  ];
}
