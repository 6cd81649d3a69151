import { Table } from "antd";
import { useQuery } from "urql";
import { CursorPager } from "../../components/CursorPager";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { SupFeeIrregularitiesQuery as SupFeeIrregularitiesResult } from "../../gql/graphql";
import { useCursorPages } from "../../lib/cursor-pages";
import { formatDateTime, formatFen } from "../../lib/format";
import { useScope } from "./context";
import { isSupMessageKey, useSupT } from "./messages-supervision";
import { SupFeeIrregularitiesQuery } from "./queries-supervision";

type Irregularity = SupFeeIrregularitiesResult["feeIrregularityPage"]["nodes"][number];

const PAGE = 20;

/** 违规收费明细: what fees found, a page at a time from the server, with the amounts; the kinds and sources in the reader's words. */
export function FeeIrregularities() {
  const { ta, locale } = useSupT();
  const scope = useScope();
  const pages = useCursorPages(scope.centerCode);
  const [{ data, fetching, error }, reload] = useQuery({
    query: SupFeeIrregularitiesQuery,
    variables: { centerCode: scope.centerCode, first: PAGE, after: pages.after },
    requestPolicy: "cache-and-network",
  });
  const page = data?.feeIrregularityPage;
  const word = (prefix: "sup.feeKind" | "sup.feeSource", code: string) => {
    const key = `${prefix}.${code}`;
    return isSupMessageKey(key) ? ta(key) : code;
  };
  if (error && !data) return <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: "network-only" })} />;
  return (
    <div data-testid="sup-fee-irregularities">
      <Table<Irregularity>
        size="small"
        rowKey="id"
        loading={fetching && !data}
        dataSource={page?.nodes ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        caption={<span className="visually-hidden">{ta("sup.fees.details")}</span>}
        locale={{ emptyText: <span className="sup-empty">{ta("sup.none")}</span> }}
        key={locale}
        columns={[
          { title: ta("sup.fees.kind"), dataIndex: "kind", width: 150, render: (kind: string) => word("sup.feeKind", kind) },
          { title: ta("sup.fees.source"), dataIndex: "source", width: 110, render: (source: string) => word("sup.feeSource", source) },
          { title: ta("sup.fees.department"), key: "department", width: 140, render: (_: unknown, row) => row.department?.name ?? "—" },
          { title: ta("sup.fees.notice"), key: "notice", width: 160, render: (_: unknown, row) => row.noticeNo ?? row.bankTxnId ?? row.feeCode ?? "—" },
          { title: ta("sup.fees.expected"), dataIndex: "expectedFen", width: 100, align: "right", render: (fen: number | null) => (fen === null ? "—" : formatFen(fen)) },
          { title: ta("sup.fees.actual"), dataIndex: "actualFen", width: 100, align: "right", render: (fen: number | null) => (fen === null ? "—" : formatFen(fen)) },
          { title: ta("sup.fees.detectedAt"), dataIndex: "detectedAt", width: 140, render: (at: string) => formatDateTime(at) },
          { title: ta("sup.fees.detail"), dataIndex: "detail", render: (detail: string) => <span className="prewrap">{detail}</span> },
        ]}
      />
      <CursorPager pages={pages} nextCursor={page?.nextCursor} counted={page ? { onPage: page.nodes.length, pageSize: PAGE, total: page.totalCount } : null} testId="sup-fee-irregularities" />
    </div>
  );
}
