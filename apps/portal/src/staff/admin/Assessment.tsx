import { Button, Card, Descriptions, Empty, Segmented, Select, Space, Spin, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useQuery } from "urql";
import type { HallAdminMonthlyAssessmentQuery, HallAdminQuarterlyAssessmentQuery } from "../../gql/graphql";
import { downloadText, toCsv } from "../../lib/download";
import { BEIJING } from "../../lib/format";
import { currentMonth, decimal, percent, recentMonths } from "../supervision/period";
import { AdminError } from "./AdminError";
import { useHallAdminT, type HallAdminMessageKey } from "./messages-hall-admin";
import { MonthlyAssessmentQuery, QuarterlyAssessmentQuery } from "./queries-hall-admin";

type Ranked = HallAdminMonthlyAssessmentQuery["redFlagRanking"][number];
type QuarterRanked = HallAdminQuarterlyAssessmentQuery["quarterlyReport"]["windows"][number];
type Figures = HallAdminMonthlyAssessmentQuery["monthlyFigures"]["center"];

/** 月度考核 and 季度通报: the figures and the red-flag ranking of a month or a quarter, to download as CSV and to print. */
export function Assessment({ centerCode }: { centerCode: string }) {
  const { ta: th } = useHallAdminT();
  const [view, setView] = useState<"monthly" | "quarterly">("monthly");
  return (
    <section aria-labelledby="assess-heading" data-testid="admin-assessment">
      <Typography.Title level={2} id="assess-heading" style={{ fontSize: 18 }}>{th("assess.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary" className="no-print">{th("assess.intro")}</Typography.Paragraph>
      <Segmented
        className="no-print"
        value={view}
        onChange={setView}
        options={[{ value: "monthly" as const, label: th("assess.monthly") }, { value: "quarterly" as const, label: th("assess.quarterly") }]}
        style={{ marginBottom: 12 }}
        data-testid="admin-assess-view"
      />
      {view === "monthly" ? <Monthly centerCode={centerCode} /> : <Quarterly centerCode={centerCode} />}
    </section>
  );
}

function Monthly({ centerCode }: { centerCode: string }) {
  const { ta: th } = useHallAdminT();
  const [month, setMonth] = useState(currentMonth());
  const [result] = useQuery({ query: MonthlyAssessmentQuery, variables: { centerCode, month }, requestPolicy: "cache-and-network" });
  const data = result.data;
  const ranking = data?.redFlagRanking ?? [];
  const flag = (row: { eligible: boolean; redFlag: boolean }) => th(row.redFlag ? "assess.redFlag" : row.eligible ? "assess.eligible" : "assess.notEligible");
  const csv = () =>
    toCsv([
      [th("assess.col.rank"), th("halls.col.code"), th("assess.col.window"), th("assess.col.department"), th("assess.accepted"), th("assess.concluded"), th("assess.onTime"), th("assess.overdue"), th("assess.onTimeRate"), th("assess.rating"), th("assess.col.score"), th("assess.col.flag")],
      ...ranking.map((row) => [
        row.rank, row.window.code, row.window.name, row.window.department?.name, row.figures.accepted, row.figures.concluded, row.figures.onTime, row.figures.overdue,
        percent(row.figures.onTimeRate), decimal(row.figures.averageRating), decimal(row.score), flag(row),
      ]),
    ]);
  return (
    <div data-testid="admin-assess-monthly">
      <Space wrap className="no-print" style={{ marginBottom: 12 }}>
        <label htmlFor="assess-month">{th("assess.month")}</label>
        <Select id="assess-month" value={month} onChange={setMonth} options={recentMonths(12).map((value) => ({ value, label: value }))} style={{ width: 120 }} data-testid="admin-assess-month" />
        <Button type="primary" disabled={!data} onClick={() => downloadText(`${th("assess.csvName", { period: month })}.csv`, csv())} data-testid="admin-assess-csv">{th("common.csv")}</Button>
        <Button disabled={!data} onClick={() => window.print()} data-testid="admin-assess-print">{th("common.print")}</Button>
      </Space>
      <AdminError error={result.error} />
      {!data && result.fetching ? <Spin description={th("common.loading")} /> : null}
      {data && (
        <>
          <CenterFigures title={th("assess.center", { month: data.monthlyFigures.month })} figures={data.monthlyFigures.center} />
          <RankingTable title={th("assess.ranking", { month })} rows={ranking} flag={flag} testId="admin-assess-ranking" />
        </>
      )}
    </div>
  );
}

function CenterFigures({ title, figures }: { title: string; figures: Partial<Figures> & Pick<Figures, "accepted" | "concluded" | "onTime" | "overdue"> }) {
  const { ta: th } = useHallAdminT();
  const items: Array<[HallAdminMessageKey, string | number]> = [
    ["assess.accepted", figures.accepted],
    ["assess.concluded", figures.concluded],
    ["assess.onTime", figures.onTime],
    ["assess.overdue", figures.overdue],
    ["assess.onTimeRate", percent(figures.onTimeRate)],
  ];
  if ("earlyCompletionRate" in figures) items.push(["assess.earlyRate", percent(figures.earlyCompletionRate)]);
  if ("averageHandlingDays" in figures) items.push(["assess.avgDays", decimal(figures.averageHandlingDays)]);
  items.push(["assess.rating", decimal(figures.averageRating)]);
  return (
    <Card size="small" title={<h3 className="card-heading">{title}</h3>} style={{ marginBottom: 16 }} data-testid="admin-assess-center">
      <Descriptions size="small" column={{ xs: 2, sm: 3, md: 4 }} items={items.map(([key, value]) => ({ key, label: th(key), children: value }))} />
    </Card>
  );
}

type RankRow = Pick<Ranked, "rank" | "score" | "eligible" | "redFlag"> & { window: { id: string; code: string; name: string; department?: { name: string } | null }; figures: { concluded: number; onTimeRate?: number | null; averageRating?: number | null } };

function RankingTable({ title, rows, flag, testId }: { title: string; rows: RankRow[]; flag: (row: RankRow) => string; testId: string }) {
  const { ta: th } = useHallAdminT();
  return (
    <Card size="small" title={<h3 className="card-heading">{title}</h3>}>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
        <Table<RankRow>
          rowKey={(row) => row.window.id}
          size="small"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: <Empty description={th("assess.none")} /> }}
          data-testid={testId}
          columns={[
            { key: "rank", title: th("assess.col.rank"), render: (_: unknown, row: RankRow) => row.rank ?? "—" },
            { key: "window", title: th("assess.col.window"), render: (_: unknown, row: RankRow) => <>{row.window.name} <span className="mono muted">{row.window.code}</span></> },
            { key: "concluded", title: th("assess.concluded"), render: (_: unknown, row: RankRow) => row.figures.concluded },
            { key: "onTimeRate", title: th("assess.onTimeRate"), render: (_: unknown, row: RankRow) => percent(row.figures.onTimeRate) },
            { key: "score", title: th("assess.col.score"), render: (_: unknown, row: RankRow) => decimal(row.score) },
            { key: "flag", title: th("assess.col.flag"), render: (_: unknown, row: RankRow) => <Tag color={row.redFlag ? "red" : undefined}>{flag(row)}</Tag> },
          ]}
        />
      </div>
    </Card>
  );
}

function Quarterly({ centerCode }: { centerCode: string }) {
  const { ta: th } = useHallAdminT();
  const now = dayjs().tz(BEIJING);
  const [year, setYear] = useState(now.year());
  const [quarter, setQuarter] = useState(Math.floor(now.month() / 3) + 1);
  const [result] = useQuery({ query: QuarterlyAssessmentQuery, variables: { centerCode, year, quarter }, requestPolicy: "cache-and-network" });
  const report = result.data?.quarterlyReport;
  const flag = (row: { eligible: boolean; redFlag: boolean }) => th(row.redFlag ? "assess.redFlag" : row.eligible ? "assess.eligible" : "assess.notEligible");
  const period = `${year}Q${quarter}`;
  const csv = (rows: QuarterRanked[]) =>
    toCsv([
      [th("assess.col.rank"), th("halls.col.code"), th("assess.col.window"), th("assess.concluded"), th("assess.onTimeRate"), th("assess.col.score"), th("assess.col.flag")],
      ...rows.map((row) => [row.rank, row.window.code, row.window.name, row.figures.concluded, percent(row.figures.onTimeRate), decimal(row.score), flag(row)]),
      [],
      [th("assess.summary")],
      [report?.summary ?? ""],
    ]);
  return (
    <div data-testid="admin-assess-quarterly">
      <Space wrap className="no-print" style={{ marginBottom: 12 }}>
        <label htmlFor="assess-year">{th("assess.year")}</label>
        <Select id="assess-year" value={year} onChange={setYear} options={[0, 1, 2].map((back) => ({ value: now.year() - back, label: String(now.year() - back) }))} style={{ width: 100 }} />
        <label htmlFor="assess-quarter">{th("assess.quarter")}</label>
        <Select id="assess-quarter" value={quarter} onChange={setQuarter} options={[1, 2, 3, 4].map((n) => ({ value: n, label: th("assess.quarterN", { n }) }))} style={{ width: 130 }} data-testid="admin-assess-quarter" />
        <Button type="primary" disabled={!report || result.fetching} onClick={() => report && downloadText(`${th("assess.quarterCsvName", { period })}.csv`, csv(report.windows))} data-testid="admin-assess-quarter-csv">{th("common.csv")}</Button>
        <Button disabled={!report || result.fetching} onClick={() => window.print()}>{th("common.print")}</Button>
      </Space>
      <AdminError error={result.error} />
      {/* The quarter's report gathers three months of cases, ratings and attendance: say so while it does. */}
      <Spin spinning={result.fetching} description={th("assess.preparing")} data-testid="admin-assess-preparing">
        {report ? (
          <>
            <Typography.Title level={3} style={{ fontSize: 16 }}>{th("assess.quarterTitle", { year: report.year, quarter: report.quarter })}</Typography.Title>
            <CenterFigures title={th("assess.center", { month: report.months.join(th("common.listSeparator")) })} figures={report.center} />
            <Card size="small" title={<h3 className="card-heading">{th("assess.summary")}</h3>} style={{ marginBottom: 16 }}>
              <p style={{ whiteSpace: "pre-wrap" }} data-testid="admin-assess-summary">{report.summary}</p>
            </Card>
            <Card size="small" title={<h3 className="card-heading">{th("assess.flagsByMonth")}</h3>} style={{ marginBottom: 16 }}>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {report.redFlagsByMonth.map((month) => {
                  const flagged = month.windows.filter((row) => row.redFlag);
                  return <li key={month.month}>{th("assess.monthFlags", { month: month.month, windows: flagged.length > 0 ? flagged.map((row) => row.window.name).join(th("common.listSeparator")) : th("assess.noFlags") })}</li>;
                })}
              </ul>
            </Card>
            <RankingTable title={th("assess.quarterRanking")} rows={report.windows} flag={flag} testId="admin-assess-quarter-ranking" />
          </>
        ) : (
          <div style={{ minHeight: 120 }} />
        )}
      </Spin>
    </div>
  );
}
