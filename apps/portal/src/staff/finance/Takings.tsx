import { DatePicker, Empty, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useQuery } from "urql";
import type { FinanceTakingsQuery } from "../../gql/graphql";
import { BEIJING, formatFen } from "../../lib/format";
import { FinanceError } from "./FinanceError";
import { useFinanceT } from "./messages-finance";
import { TakingsQuery } from "./queries-finance";

type Row = FinanceTakingsQuery["feeCollections"][number];

/** Today in Beijing, yyyy-MM-dd. */
export const beijingToday = () => dayjs().tz(BEIJING).format("YYYY-MM-DD");

/**
 * 当日收款: one row per department fee account (at most one per department, so the whole day is
 * one short table), today unless another day is chosen.
 */
export function Takings({ centerCode }: { centerCode: string }) {
  const { ta } = useFinanceT();
  const [day, setDay] = useState(beijingToday());
  const [result] = useQuery({ query: TakingsQuery, variables: { centerCode, day }, requestPolicy: "cache-and-network" });
  const rows = result.data?.feeCollections ?? [];
  const sum = (pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const money = (value: number) => <span className="amount">{formatFen(value)}</span>;
  const columns = [
    { key: "department", title: ta("takings.col.department"), render: (_: unknown, row: Row) => row.department.name },
    { key: "account", title: ta("takings.col.account"), render: (_: unknown, row: Row) => <span className="mono break">{row.accountNo}</span>, responsive: ["md" as const] },
    { key: "payments", title: ta("takings.col.payments"), align: "right" as const, render: (_: unknown, row: Row) => row.paymentCount, responsive: ["sm" as const] },
    { key: "collected", title: ta("takings.col.collected"), align: "right" as const, render: (_: unknown, row: Row) => money(row.collectedFen) },
    { key: "refunds", title: ta("takings.col.refunds"), align: "right" as const, render: (_: unknown, row: Row) => row.refundCount, responsive: ["lg" as const] },
    { key: "refunded", title: ta("takings.col.refunded"), align: "right" as const, render: (_: unknown, row: Row) => money(row.refundedFen), responsive: ["md" as const] },
    { key: "net", title: ta("takings.col.net"), align: "right" as const, render: (_: unknown, row: Row) => <strong>{money(row.netFen)}</strong> },
  ];
  return (
    <section aria-labelledby="takings-heading" data-testid="finance-takings">
      <Typography.Title level={2} id="takings-heading" style={{ fontSize: 18 }}>{ta("takings.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{ta("takings.intro")}</Typography.Paragraph>
      <div className="area-filters">
        <label htmlFor="takings-day" className="field-label-inline">{ta("takings.day")}</label>
        <DatePicker
          id="takings-day"
          value={dayjs(day)}
          allowClear={false}
          disabledDate={(candidate: Dayjs) => candidate.format("YYYY-MM-DD") > beijingToday()}
          onChange={(value) => value && setDay(value.format("YYYY-MM-DD"))}
          data-testid="takings-day"
        />
      </div>
      <FinanceError error={result.error} />
      <Table<Row>
        rowKey="accountNo"
        size="small"
        loading={result.fetching && !result.data}
        dataSource={rows}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={ta("takings.none")} /> }}
        data-testid="takings-table"
      />
      {rows.length > 0 && (
        <p className="takings-total">
          {ta("takings.sum")}：{ta("takings.col.collected")} {formatFen(sum((row) => row.collectedFen))} · {ta("takings.col.refunded")} {formatFen(sum((row) => row.refundedFen))} ·{" "}
          {ta("takings.col.net")} <strong data-testid="takings-net-total">{formatFen(sum((row) => row.netFen))}</strong>
        </p>
      )}
    </section>
  );
}
