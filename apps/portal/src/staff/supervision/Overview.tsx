import { Card, Col, List, Row, Statistic, Table, Typography } from "antd";
import { useEffect, useMemo } from "react";
import { useQuery } from "urql";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDateTime } from "../../lib/format";
import { Chart } from "./Chart";
import { useScope } from "./context";
import { useSupT, type SupMessageKey } from "./messages-supervision";
import { SupCaseCountsQuery, SupWarningsQuery } from "./queries-supervision";
import { LevelTag, WarningTable } from "./Warnings";
import { warningDetail } from "./warning-detail";

/**
 * How often the running counts are asked again while the page is visible: the stream says when
 * they changed, so this only catches a hint lost (it is not kept anywhere) while connected, and
 * covers the time the stream is broken until it reconnects (which reloads them too).
 */
export const COUNTS_FALLBACK_MS = { live: 30_000, broken: 5_000 };

const STATUS_ORDER = ["SUBMITTED", "MATERIALS_REQUESTED", "ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED", "AWAITING_COUNTY_MEETING", "APPROVED", "DENIED"];
const STATUS_COLOURS = ["#8c8c8c", "#d48806", "#1677ff", "#13a8a8", "#722ed1", "#c41d7f", "#eb2f96", "#389e0d", "#cf1322"];

function useActiveCount(level: "RED" | "YELLOW") {
  const scope = useScope();
  const [{ data }, reload] = useQuery({
    query: SupWarningsQuery,
    variables: { filter: { centerCode: scope.centerCode, departmentId: scope.departmentId, levels: [level], statuses: ["OPEN", "ACKNOWLEDGED"] }, first: 1 },
    requestPolicy: "cache-and-network",
  });
  useEffect(() => {
    if (scope.version > 0) reload({ requestPolicy: "network-only" });
  }, [scope.version, reload]);
  return data?.supervisionWarnings.totalCount;
}

export function Overview() {
  const { ta } = useSupT();
  const scope = useScope();
  const [{ data, error }, reload] = useQuery({
    query: SupCaseCountsQuery,
    variables: { centerCode: scope.centerCode, departmentId: scope.departmentId },
    requestPolicy: "cache-and-network",
  });
  // Counts change with every step of every case: asked again when the stream hints they changed or
  // pushes a warning, and on a slow poll while the tab is shown.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") reload({ requestPolicy: "network-only" });
    }, scope.live ? COUNTS_FALLBACK_MS.live : COUNTS_FALLBACK_MS.broken);
    return () => clearInterval(timer);
  }, [reload, scope.live]);
  useEffect(() => {
    if (scope.version > 0 || scope.countsHint > 0) reload({ requestPolicy: "network-only" });
  }, [scope.version, scope.countsHint, reload]);
  const red = useActiveCount("RED");
  const yellow = useActiveCount("YELLOW");

  const counts = data?.supervisionCaseCounts ?? [];
  const { rows, statuses, running, overdue } = useMemo(() => {
    const byDepartment = new Map<string, { key: string; name: string; total: number; overdue: number; byStatus: Record<string, number> }>();
    const seen = new Set<string>();
    for (const count of counts) {
      const row = byDepartment.get(count.department.id) ?? { key: count.department.id, name: count.department.name, total: 0, overdue: 0, byStatus: {} };
      row.total += count.count;
      row.overdue += count.overdue;
      row.byStatus[count.status] = (row.byStatus[count.status] ?? 0) + count.count;
      seen.add(count.status);
      byDepartment.set(count.department.id, row);
    }
    const ordered = [...byDepartment.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "zh-CN"));
    return {
      rows: ordered,
      statuses: STATUS_ORDER.filter((status) => seen.has(status)).concat([...seen].filter((status) => !STATUS_ORDER.includes(status))),
      running: ordered.reduce((sum, row) => sum + row.total, 0),
      overdue: ordered.reduce((sum, row) => sum + row.overdue, 0),
    };
  }, [counts]);

  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: "scroll" },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: rows.map((row) => row.name), axisLabel: { width: 110, overflow: "truncate" } },
      series: statuses.map((status) => ({
        name: ta(`sup.caseStatus.${status}` as SupMessageKey),
        type: "bar",
        stack: "cases",
        itemStyle: { color: STATUS_COLOURS[STATUS_ORDER.indexOf(status)] ?? "#595959" },
        data: rows.map((row) => row.byStatus[status] ?? 0),
      })),
    }),
    [rows, statuses, ta],
  );

  return (
    <div data-testid="sup-overview">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.stat.running")} value={running} data-testid="sup-stat-running" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.stat.overdue")} value={overdue} valueStyle={{ color: overdue ? "#c62828" : undefined }} data-testid="sup-stat-overdue" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.stat.red")} value={red ?? "—"} valueStyle={{ color: red ? "#c62828" : undefined }} data-testid="sup-stat-red" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={ta("sup.stat.yellow")} value={yellow ?? "—"} data-testid="sup-stat-yellow" /></Card></Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={15}>
          <Card size="small" title={<h2 className="card-heading">{ta("sup.counts.heading")}</h2>}>
            {error && !data ? <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: "network-only" })} /> : null}
            {rows.length > 0 ? <Chart option={option} label={ta("sup.counts.chart")} height={Math.max(160, 40 + rows.length * 28)} testId="sup-counts-chart" /> : null}
            <Table
              size="small"
              rowKey="key"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 480 }}
              caption={<span className="visually-hidden">{ta("sup.counts.caption")}</span>}
              locale={{ emptyText: <span className="sup-empty">{ta("sup.none")}</span> }}
              data-testid="sup-counts-table"
              onRow={(row) => ({ "data-testid": "sup-count-row", "data-department": row.key }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: ta("sup.counts.department"), dataIndex: "name", fixed: "left", width: 140 },
                { title: ta("sup.counts.total"), dataIndex: "total", width: 64, render: (total: number) => <span data-testid="sup-count-total">{total}</span> },
                { title: ta("sup.counts.overdue"), dataIndex: "overdue", width: 64, render: (value: number) => <span className={value ? "sup-overdue" : undefined} data-testid="sup-count-overdue">{value}</span> },
                ...statuses.map((status) => ({
                  title: ta(`sup.caseStatus.${status}` as SupMessageKey),
                  key: status,
                  width: 90,
                  render: (_: unknown, row: (typeof rows)[number]) => <span data-testid={`sup-count-${status}`}>{row.byStatus[status] ?? 0}</span>,
                })),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={<h2 className="card-heading">{ta("sup.feed.heading")}</h2>}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{ta("sup.feed.hint")}</Typography.Paragraph>
            <div role="log" aria-live="polite" aria-label={ta("sup.feed.heading")} data-testid="sup-feed">
              <List
                size="small"
                dataSource={scope.feed}
                locale={{ emptyText: <span className="sup-empty">{ta("sup.feed.empty")}</span> }}
                renderItem={(change) => (
                  <List.Item key={`${change.warningId}-${change.change}-${change.changedAt}`} data-testid="sup-feed-item" data-level={change.level} data-change={change.change} data-case={change.caseId ?? ""}>
                    <div>
                      <LevelTag level={change.level} />
                      <strong>{ta(`sup.change.${change.change}` as SupMessageKey)}</strong> · {ta(`sup.kind.${change.kind}` as SupMessageKey)}
                      <div className="sup-feed-detail">{warningDetail(change, ta)}</div>
                      <Typography.Text type="secondary">{formatDateTime(change.changedAt)}</Typography.Text>
                    </div>
                  </List.Item>
                )}
              />
            </div>
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16 }} title={<h2 className="card-heading">{ta("sup.warnings.open")}</h2>}>
        <WarningTable statuses={["OPEN"]} pageSize={10} caption={ta("sup.warnings.open")} testId="sup-open-warnings" />
      </Card>
    </div>
  );
}
