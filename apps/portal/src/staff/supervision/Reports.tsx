import { Alert, Button, Card, Radio, Space, Spin, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useQuery } from "urql";
import { ErrorNotice } from "../../components/ErrorNotice";
import { BEIJING } from "../../lib/format";
import dayjs from "dayjs";
import { useScope } from "./context";
import { useSupT, type SupMessageKey } from "./messages-supervision";
import { TONES } from "../../lib/tones";
import { currentMonth, decimal, percent } from "./period";
import { SupReportQuery } from "./queries-supervision";
import { MonthSelect } from "./Rankings";
import { downloadText } from "../../lib/download";

const FIGURES: Array<{ key: string; kind: "count" | "rate" | "days"; target?: "instantShare" | "earlyCompletionRate" }> = [
  { key: "accepted", kind: "count" },
  { key: "concluded", kind: "count" },
  { key: "onTimeRate", kind: "rate" },
  { key: "earlyCompletionRate", kind: "rate", target: "earlyCompletionRate" },
  { key: "averageWorkingDaysUsed", kind: "days" },
  { key: "averagePromisedDays", kind: "days" },
  { key: "oneTimeNoticeRate", kind: "rate" },
  { key: "instantShare", kind: "rate", target: "instantShare" },
  { key: "refusals", kind: "count" },
  { key: "deemedApprovals", kind: "count" },
  { key: "warnings", kind: "count" },
  { key: "redWarnings", kind: "count" },
  { key: "ratings", kind: "count" },
  { key: "averageRating", kind: "days" },
  { key: "satisfaction", kind: "rate" },
  { key: "badRatings", kind: "count" },
];

interface RankRow {
  key: string;
  name?: string | null;
  rank?: number | null;
  score?: number | null;
  redFlag?: boolean;
  figures: { concluded: number; onTimeRate?: number | null };
}

export function Reports() {
  const { ta } = useSupT();
  const scope = useScope();
  const now = dayjs().tz(BEIJING);
  const [kind, setKind] = useState<"MONTHLY" | "QUARTERLY">("MONTHLY");
  const [month, setMonth] = useState(currentMonth());
  const [year, setYear] = useState(now.year());
  const [quarter, setQuarter] = useState(Math.floor(now.month() / 3) + 1);
  const variables = kind === "MONTHLY" ? { centerCode: scope.centerCode, month } : { centerCode: scope.centerCode, year, quarter };
  const [{ data, fetching, error }, reload] = useQuery({ query: SupReportQuery, variables, requestPolicy: "cache-and-network" });
  const report = data?.supervisionReport;
  const years = [now.year(), now.year() - 1, now.year() - 2];

  return (
    <div data-testid="sup-reports" className="sup-report">
      <Space wrap className="no-print" style={{ marginBottom: 12 }}>
        <Radio.Group value={kind} onChange={(event) => setKind(event.target.value)} optionType="button" aria-label={ta("sup.report.kind")}
          options={[{ value: "MONTHLY", label: ta("sup.report.monthly") }, { value: "QUARTERLY", label: ta("sup.report.quarterly") }]} />
        {kind === "MONTHLY" ? (
          <MonthSelect value={month} onChange={setMonth} id="sup-report-month" />
        ) : (
          <>
            <label htmlFor="sup-report-year" className="sup-select">{ta("sup.period.year")}
              <select id="sup-report-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>{years.map((y) => <option key={y} value={y}>{y}</option>)}</select>
            </label>
            <label htmlFor="sup-report-quarter" className="sup-select">{ta("sup.period.quarter")}
              <select id="sup-report-quarter" value={quarter} onChange={(event) => setQuarter(Number(event.target.value))} data-testid="sup-report-quarter">
                {[1, 2, 3, 4].map((q) => <option key={q} value={q}>{ta("sup.period.q", { n: q })}</option>)}
              </select>
            </label>
          </>
        )}
        <Button type="primary" disabled={!report} onClick={() => report && downloadText(`${report.title}.csv`, report.csv)} data-testid="sup-report-csv">{ta("sup.report.download")}</Button>
        <Button disabled={!report} onClick={() => window.print()} data-testid="sup-report-print">{ta("sup.report.print")}</Button>
      </Space>
      {error && !data ? <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: "network-only" })} /> : null}
      {fetching && !report ? <Spin description={ta("sup.report.preparing")}><div style={{ minHeight: 120 }} /></Spin> : null}
      {report ? (
        <Card size="small" data-testid="sup-report">
          <h2 className="sup-report-title" data-testid="sup-report-title">{report.title}</h2>
          <Space wrap size={[16, 4]}>
            <Typography.Text>{ta("sup.report.period", { from: report.from, to: report.to })}</Typography.Text>
            <Typography.Text>{ta("sup.report.due", { day: report.dueOn })}</Typography.Text>
          </Space>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            style={{ marginTop: 12 }}
            caption={<span className="visually-hidden">{report.title}</span>}
            dataSource={FIGURES.map((figure) => {
              const value = (report.center as Record<string, number | null>)[figure.key];
              return {
                key: figure.key,
                name: ta(`sup.report.${figure.key}` as SupMessageKey),
                value: figure.kind === "rate" ? percent(value) : figure.kind === "days" ? decimal(value, 2) : String(value ?? "—"),
                target: figure.target ? `≥ ${percent(report.targets[figure.target])}` : "",
                below: figure.target && value !== null && value !== undefined && value < report.targets[figure.target],
              };
            })}
            columns={[
              { title: ta("sup.report.figure"), dataIndex: "name" },
              { title: ta("sup.report.value"), dataIndex: "value", render: (value: string, row) => (row.below ? <Tag style={TONES.bad}>{value}</Tag> : value) },
              { title: ta("sup.report.target"), dataIndex: "target" },
            ]}
          />
          <div className="sup-report-rankings">
            {(["departments", "windows"] as const).map((which) => (
              <section key={which}>
                <h3 className="card-heading" style={{ margin: "12px 0 4px" }}>{ta(`sup.report.${which}`)}</h3>
                <Table<RankRow>
                  size="small"
                  rowKey="key"
                  pagination={false}
                  caption={<span className="visually-hidden">{ta(`sup.report.${which}`)}</span>}
                  locale={{ emptyText: <span className="sup-empty">{ta("sup.none")}</span> }}
                  dataSource={report[which].rows as RankRow[]}
                  columns={[
                    { title: ta("sup.rank.rank"), dataIndex: "rank", width: 60, render: (rank: number | null) => rank ?? "—" },
                    { title: ta("sup.rank.name"), dataIndex: "name", render: (name: string | null, row) => <>{name ?? row.key} {row.redFlag ? <Tag style={TONES.bad}>{ta("sup.rank.redFlag")}</Tag> : null}</> },
                    { title: ta("sup.rank.score"), dataIndex: "score", width: 70, render: (score: number | null) => decimal(score) },
                    { title: ta("sup.rank.concluded"), key: "concluded", width: 70, render: (_: unknown, row) => row.figures.concluded },
                    { title: ta("sup.rank.onTime"), key: "onTime", width: 90, render: (_: unknown, row) => percent(row.figures.onTimeRate) },
                  ]}
                />
              </section>
            ))}
          </div>
          <section data-testid="sup-report-hall">
            <h3 className="card-heading" style={{ margin: "12px 0 4px" }}>{ta("sup.section.hall")}</h3>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: 640 }}
              caption={<span className="visually-hidden">{ta("sup.section.hall")}</span>}
              dataSource={[{ key: "", name: ta("sup.scope.center"), figures: report.hall.center }, ...report.hall.windows.map((w) => ({ key: w.key, name: w.name ?? w.key, figures: w.figures }))]}
              columns={[
                { title: ta("sup.hall.name"), dataIndex: "name" },
                { title: ta("sup.hall.issued"), key: "issued", width: 64, render: (_: unknown, row) => row.figures.issued },
                { title: ta("sup.hall.served"), key: "served", width: 64, render: (_: unknown, row) => row.figures.served },
                { title: ta("sup.hall.noShows"), key: "noShows", width: 64, render: (_: unknown, row) => row.figures.noShows },
                { title: ta("sup.hall.waitingMinutes"), key: "waiting", width: 90, render: (_: unknown, row) => decimal(row.figures.meanWaitingSeconds === null || row.figures.meanWaitingSeconds === undefined ? null : row.figures.meanWaitingSeconds / 60) },
                { title: ta("sup.hall.handlingMinutes"), key: "handling", width: 90, render: (_: unknown, row) => decimal(row.figures.meanHandlingSeconds === null || row.figures.meanHandlingSeconds === undefined ? null : row.figures.meanHandlingSeconds / 60) },
                { title: ta("sup.hall.ticketsPerHour"), key: "perHour", width: 80, render: (_: unknown, row) => decimal(row.figures.ticketsPerHour) },
              ]}
            />
            <Typography.Text>{ta("sup.hall.missedCount", { n: report.hall.missedAppointments })}</Typography.Text>
          </section>
        </Card>
      ) : null}
      {report && report.departments.rows.length === 0 && report.center.accepted === 0 ? <Alert style={{ marginTop: 12 }} type="info" title={ta("sup.none")} className="no-print" /> : null}
    </div>
  );
}
