import type { DomainGauge } from "@onestop/platform";
import type { DataSource } from "typeorm";
import { CLOSED } from "./cases.rules";

/** Cases not yet closed, by the supervised stage running (none: between stages or waiting on the applicant); sampled, not per scrape. */
export function casesGauges(dataSource: DataSource): DomainGauge[] {
  return [
    {
      name: "onestop_cases_open",
      help: "Cases not yet closed, by supervised stage (none when no stage clock runs)",
      labelNames: ["stage"],
      sample: async () => {
        const rows = (await dataSource.query(
          `SELECT COALESCE(stage, 'none') AS stage, COUNT(*) AS n FROM service_case WHERE status NOT IN (${CLOSED.map(() => "?").join(", ")}) GROUP BY stage`,
          [...CLOSED],
        )) as Array<{ stage: string; n: string | number }>;
        return rows.map((row) => ({ labels: { stage: row.stage }, value: Number(row.n) }));
      },
    },
  ];
}
