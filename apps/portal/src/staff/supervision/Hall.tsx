import { Card, Col, Radio, Row, Space, Statistic, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useQuery } from "urql";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { SupHallNumbersFragment } from "../../gql/graphql";
import { Chart } from "./Chart";
import { useScope } from "./context";
import { useSupT } from "./messages-supervision";
import { currentMonth, decimal, monthPeriod, percent } from "./period";
import { SupHallFiguresQuery } from "./queries-supervision";
import { MonthSelect } from "./Rankings";

type By = "WINDOW" | "ITEM" | "DEPARTMENT";

interface HallRow extends SupHallNumbersFragment {
  key: string;
  name: string;
}

const minutes = (seconds: number | null | undefined): number | null => (seconds === null || seconds === undefined ? null : Math.round(seconds / 6) / 10);

/**
 * 大厅效能: the hall floor as supervision counts it from the hall's events, for a month: the
 * center's figures, tickets by hour of the day (a chart, and its table), and waiting and handling
 * time per window, item or department (a chart of the worst waits first, and the full table).
 */
export function Hall() {
  const { ta } = useSupT();
  const scope = useScope();
  const [month, setMonth] = useState(currentMonth());
  const [by, setBy] = useState<By>("WINDOW");
  const [{ data, fetching, error }, reload] = useQuery({
    query: SupHallFiguresQuery,
    variables: { centerCode: scope.centerCode, period: monthPeriod(month), departmentId: scope.departmentId },
    requestPolicy: "cache-and-network",
  });
  const hall = data?.supervisionHallFigures;
  const inMinutes = (seconds: number | null | undefined) => {
    const value = minutes(seconds);
    return value === null ? "—" : ta("sup.hall.minutes", { n: value.toFixed(1) });
  };

  const rows: HallRow[] = useMemo(() => {
    if (!hall) return [];
    if (by === "WINDOW") return hall.windows.map((r) => ({ ...r.figures, key: r.key, name: r.name ?? r.key }));
    if (by === "DEPARTMENT") return hall.departments.map((r) => ({ ...r.figures, key: r.key, name: r.name ?? r.key }));
    return hall.items.map((r) => ({
      ...r.figures,
      key: `${r.department?.id ?? ""}:${r.key}`,
      name: r.key === "" ? `${r.department?.name ?? ""} · ${ta("sup.hall.serviceGroup")}` : (r.item?.name ?? r.name ?? r.key),
    }));
  }, [hall, by, ta]);

  // Every hour of the working day on the axis (and any hour outside it that had tickets), so a quiet hour shows as one.
  const hours = useMemo(() => {
    const byHour = new Map((hall?.hours ?? []).map((h) => [h.hour, h]));
    const first = Math.min(8, ...byHour.keys());
    const last = Math.max(17, ...byHour.keys());
    return Array.from({ length: last - first + 1 }, (_, i) => byHour.get(first + i) ?? { hour: first + i, issued: 0, called: 0, meanWaitingSeconds: null });
  }, [hall]);
  const hoursOption = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: hours.map((h) => `${h.hour}:00`) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: ta("sup.hall.issued"), type: "bar", barMaxWidth: 24, itemStyle: { color: "#1677ff" }, data: hours.map((h) => h.issued) },
        { name: ta("sup.hall.called"), type: "bar", barMaxWidth: 24, itemStyle: { color: "#389e0d" }, data: hours.map((h) => h.called) },
      ],
    }),
    [hours, ta],
  );
  // The longest waits first: where the office would look.
  const charted = [...rows].filter((r) => r.meanWaitingSeconds !== null || r.meanHandlingSeconds !== null).sort((a, b) => (b.meanWaitingSeconds ?? 0) - (a.meanWaitingSeconds ?? 0)).slice(0, 12);
  const timesOption = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value" },
      yAxis: { type: "category", inverse: true, data: charted.map((r) => r.name), axisLabel: { width: 120, overflow: "truncate" } },
      series: [
        { name: ta("sup.hall.waitingMinutes"), type: "bar", barMaxWidth: 24, itemStyle: { color: "#d48806" }, label: { show: true, position: "right" }, data: charted.map((r) => minutes(r.meanWaitingSeconds) ?? 0) },
        { name: ta("sup.hall.handlingMinutes"), type: "bar", barMaxWidth: 24, itemStyle: { color: "#13a8a8" }, label: { show: true, position: "right" }, data: charted.map((r) => minutes(r.meanHandlingSeconds) ?? 0) },
      ],
    }),
    [charted, ta],
  );
  const byLabel = ta(`sup.hall.${by}`);
  const center = hall?.center;

  return (
    <div data-testid="sup-hall">
      <Typography.Paragraph>{ta("sup.hall.intro")}</Typography.Paragraph>
      <Space wrap className="no-print" style={{ marginBottom: 12 }}>
        <MonthSelect value={month} onChange={setMonth} id="sup-hall-month" />
        <Radio.Group value={by} onChange={(event) => setBy(event.target.value as By)} optionType="button" aria-label={ta("sup.hall.by")}
          options={(["WINDOW", "ITEM", "DEPARTMENT"] as const).map((value) => ({ value, label: ta(`sup.hall.${value}`) }))} />
      </Space>
      {error && !data ? <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: "network-only" })} /> : null}
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.hall.issued")} value={center?.issued ?? "—"} data-testid="sup-hall-issued" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.hall.meanWaiting")} value={inMinutes(center?.meanWaitingSeconds)} data-testid="sup-hall-waiting" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.hall.meanHandling")} value={inMinutes(center?.meanHandlingSeconds)} data-testid="sup-hall-handling" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.hall.ticketsPerHour")} value={decimal(center?.ticketsPerHour)} data-testid="sup-hall-per-hour" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.hall.served")} value={center?.served ?? "—"} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.hall.noShows")} value={center ? `${center.noShows} (${percent(center.noShowRate)})` : "—"} data-testid="sup-hall-no-shows" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.hall.transferred")} value={center?.transferred ?? "—"} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.hall.missed")} value={hall?.missedAppointments ?? "—"} /></Card></Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={10}>
          <Card size="small" title={<h2 className="card-heading">{ta("sup.hall.hours")}</h2>}>
            {(hall?.hours.length ?? 0) > 0 ? <Chart option={hoursOption} label={ta("sup.hall.hoursChart")} height={240} testId="sup-hall-hours-chart" /> : null}
            <Table
              size="small"
              rowKey="hour"
              loading={fetching && !data}
              dataSource={hall?.hours ?? []}
              pagination={false}
              caption={<span className="visually-hidden">{ta("sup.hall.hoursCaption", { period: month })}</span>}
              locale={{ emptyText: <span className="sup-empty">{ta("sup.none")}</span> }}
              columns={[
                { title: ta("sup.hall.hour"), dataIndex: "hour", render: (hour: number) => `${hour}:00–${hour + 1}:00` },
                { title: ta("sup.hall.issued"), dataIndex: "issued" },
                { title: ta("sup.hall.called"), dataIndex: "called" },
                { title: ta("sup.hall.meanWaiting"), dataIndex: "meanWaitingSeconds", render: (seconds: number | null) => inMinutes(seconds) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={<h2 className="card-heading">{ta("sup.hall.times")}</h2>}>
            {charted.length > 0 ? <Chart option={timesOption} label={ta("sup.hall.timesChart", { by: byLabel })} height={Math.max(160, 48 + charted.length * 40)} testId="sup-hall-times-chart" /> : null}
            <Table<HallRow>
              size="small"
              rowKey="key"
              loading={fetching && !data}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1000 }}
              caption={<span className="visually-hidden">{ta("sup.hall.caption", { by: byLabel, period: month })}</span>}
              locale={{ emptyText: <span className="sup-empty">{ta("sup.none")}</span> }}
              data-testid="sup-hall-table"
              onRow={(row) => ({ "data-testid": "sup-hall-row", "data-key": row.key }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: ta("sup.hall.name"), dataIndex: "name", fixed: "left", width: 160 },
                { title: ta("sup.hall.issued"), dataIndex: "issued", width: 64 },
                { title: ta("sup.hall.called"), dataIndex: "called", width: 64 },
                { title: ta("sup.hall.served"), dataIndex: "served", width: 64 },
                { title: ta("sup.hall.noShows"), dataIndex: "noShows", width: 64 },
                { title: ta("sup.hall.noShowRate"), dataIndex: "noShowRate", width: 80, render: (rate: number | null) => percent(rate) },
                { title: ta("sup.hall.meanWaiting"), dataIndex: "meanWaitingSeconds", width: 100, render: (seconds: number | null) => inMinutes(seconds) },
                { title: ta("sup.hall.maxWaiting"), dataIndex: "maxWaitingSeconds", width: 100, render: (seconds: number | null) => inMinutes(seconds) },
                { title: ta("sup.hall.meanHandling"), dataIndex: "meanHandlingSeconds", width: 100, render: (seconds: number | null) => inMinutes(seconds) },
                { title: ta("sup.hall.ticketsPerHour"), dataIndex: "ticketsPerHour", width: 90, render: (value: number | null) => decimal(value) },
                { title: ta("sup.hall.transferred"), dataIndex: "transferred", width: 72 },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
