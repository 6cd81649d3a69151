import type { DomainGauge } from "@onestop/platform";
import type { DataSource } from "typeorm";

/** Warnings open, by level (red needs a person today); sampled, not per scrape. */
export function warningGauges(dataSource: DataSource): DomainGauge[] {
  return [
    {
      name: "onestop_supervision_warnings_open",
      help: "Supervision warnings raised and not closed, by level (YELLOW, RED)",
      labelNames: ["level"],
      sample: async () => {
        const rows = (await dataSource.query("SELECT level, COUNT(*) AS n FROM supervision_warning WHERE closed_at IS NULL GROUP BY level")) as Array<{ level: string; n: string | number }>;
        const counts = new Map<string, number>([["YELLOW", 0], ["RED", 0]]);
        for (const row of rows) counts.set(row.level, Number(row.n));
        return [...counts].map(([level, value]) => ({ labels: { level }, value }));
      },
    },
  ];
}
