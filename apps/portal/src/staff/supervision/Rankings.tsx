import { Card, Radio, Space, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { useQuery } from "urql";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Chart } from "./Chart";
import { useScope } from "./context";
import { useSupT } from "./messages-supervision";
import { TONES } from "../../lib/tones";
import { currentMonth, decimal, monthPeriod, percent, recentMonths } from "./period";
import { SupRankingQuery, SupStaffFiguresQuery } from "./queries-supervision";

type Of = "DEPARTMENT" | "WINDOW" | "STAFF";

export function MonthSelect({ value, onChange, id }: { value: string; onChange: (month: string) => void; id: string }) {
  const { ta } = useSupT();
  return (
    <label htmlFor={id} className="sup-select">
      {ta("sup.period.month")}
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} data-testid={id}>
        {recentMonths(12).map((month) => <option key={month} value={month}>{month}</option>)}
      </select>
    </label>
  );
}

interface Row {
  key: string;
  name: string;
  rank: number | null;
  score: number | null;
  redFlag: boolean;
  accepted: number;
  concluded: number;
  onTimeRate: number | null;
  satisfaction: number | null;
  redWarnings: number;
}

export function Rankings() {
  const { ta } = useSupT();
  const scope = useScope();
  const [of, setOf] = useState<Of>("DEPARTMENT");
  const [month, setMonth] = useState(currentMonth());
  const period = monthPeriod(month);
  const [ranking] = useQuery({ query: SupRankingQuery, variables: { centerCode: scope.centerCode, period, of: of === "STAFF" ? "DEPARTMENT" : of }, pause: of === "STAFF", requestPolicy: "cache-and-network" });
  const [staff] = useQuery({ query: SupStaffFiguresQuery, variables: { centerCode: scope.centerCode, period, departmentId: scope.departmentId }, pause: of !== "STAFF", requestPolicy: "cache-and-network" });
  const current = of === "STAFF" ? staff : ranking;

  const rows: Row[] = useMemo(() => {
    if (of === "STAFF") {
      return (staff.data?.supervisionFigures ?? [])
        .filter((row) => row.key !== "")
        .map((row) => ({ key: row.key, name: row.name ?? row.key, rank: null, score: null, redFlag: false, ...row.figures }))
        .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.concluded - a.concluded)
        .map((row, index) => ({ ...row, rank: row.concluded > 0 ? index + 1 : null }));
    }
    return (ranking.data?.supervisionRanking.rows ?? []).map((row) => ({
      key: row.key, name: row.name ?? row.key, rank: row.rank ?? null, score: row.score ?? null, redFlag: row.redFlag, ...row.figures,
    }));
  }, [of, staff.data, ranking.data]);

  const charted = rows.filter((row) => (of === "STAFF" ? row.onTimeRate !== null : row.score !== null)).slice(0, 15);
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", max: of === "STAFF" ? 100 : 100 },
      yAxis: { type: "category", inverse: true, data: charted.map((row) => row.name), axisLabel: { width: 120, overflow: "truncate" } },
      series: [{ type: "bar", itemStyle: { color: "#b71c1c" }, label: { show: true, position: "right" }, data: charted.map((row) => Number(((of === "STAFF" ? (row.onTimeRate ?? 0) * 100 : row.score) ?? 0).toFixed(1))) }],
    }),
    [charted, of],
  );
  const ofLabel = ta(`sup.rank.${of}`);

  return (
    <div data-testid="sup-rankings">
      <Space wrap className="no-print" style={{ marginBottom: 12 }}>
        <Radio.Group value={of} onChange={(event) => setOf(event.target.value as Of)} optionType="button" aria-label={ta("sup.rank.of")}
          options={(["DEPARTMENT", "WINDOW", "STAFF"] as const).map((value) => ({ value, label: ta(`sup.rank.${value}`) }))} />
        <MonthSelect value={month} onChange={setMonth} id="sup-rank-month" />
      </Space>
      {current.error && !current.data ? <ErrorNotice error={current.error} /> : null}
      <Card size="small">
        {charted.length > 0 ? (
          <Chart option={option} label={of === "STAFF" ? ta("sup.rank.staffChart") : ta("sup.rank.chart", { of: ofLabel })} height={Math.max(160, 30 + charted.length * 26)} testId="sup-rank-chart" />
        ) : null}
        <Table<Row>
          size="small"
          rowKey="key"
          loading={current.fetching && !current.data}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 720 }}
          caption={<span className="visually-hidden">{ta("sup.rank.caption", { of: ofLabel, period: month })}</span>}
          locale={{ emptyText: <span className="sup-empty">{ta("sup.none")}</span> }}
          data-testid="sup-rank-table"
          columns={[
            { title: ta("sup.rank.rank"), dataIndex: "rank", width: 70, render: (rank: number | null) => rank ?? ta("sup.rank.unranked") },
            { title: ta("sup.rank.name"), dataIndex: "name", render: (name: string, row) => <>{name} {row.redFlag ? <Tag style={TONES.bad}>{ta("sup.rank.redFlag")}</Tag> : null}</> },
            ...(of === "STAFF" ? [] : [{ title: ta("sup.rank.score"), dataIndex: "score", width: 80, render: (score: number | null) => decimal(score) }]),
            { title: ta("sup.rank.accepted"), dataIndex: "accepted", width: 80 },
            { title: ta("sup.rank.concluded"), dataIndex: "concluded", width: 80 },
            { title: ta("sup.rank.onTime"), dataIndex: "onTimeRate", width: 100, render: (rate: number | null) => percent(rate) },
            { title: ta("sup.rank.satisfaction"), dataIndex: "satisfaction", width: 100, render: (rate: number | null) => percent(rate) },
            { title: ta("sup.rank.redWarnings"), dataIndex: "redWarnings", width: 70 },
          ]}
        />
      </Card>
    </div>
  );
}
