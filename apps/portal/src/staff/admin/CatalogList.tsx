import { Skeleton, Checkbox, Empty, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useQuery } from "urql";
import type { AdminItemsQuery as AdminItemsResult, ItemStatus } from "../../gql/graphql";
import { useCursorPages } from "../../lib/cursor-pages";
import { linkHandler } from "../../lib/router";
import { AdminError } from "./AdminError";
import { useAdminT } from "./messages-admin";
import { AdminItemsQuery } from "./queries-admin";
import { CursorPager } from "../../components/CursorPager";

type Row = AdminItemsResult["administeredItems"]["nodes"][number];
const PAGE_SIZE = 20;

export const itemPath = (id: string) => `/staff/admin/catalog/${encodeURIComponent(id)}`;

/** 事项目录管理: every item of the center, drafts and retired ones too, 20 a page from the server. */
export function CatalogList({ centerCode }: { centerCode: string }) {
  const { ta } = useAdminT();
  const [typed, setTyped] = useState("");
  const [keyword, setKeyword] = useState("");
  const [status, setStatus] = useState<ItemStatus | null>(null);
  const [withDraft, setWithDraft] = useState(false);
  const pages = useCursorPages(JSON.stringify([keyword, status, withDraft]));
  const [result] = useQuery({
    query: AdminItemsQuery,
    variables: { centerCode, keyword: keyword || null, status, withDraft: withDraft ? true : null, first: PAGE_SIZE, after: pages.after },
    requestPolicy: "cache-and-network",
  });
  const connection = result.data?.administeredItems;

  const columns = [
    { key: "code", title: ta("catalog.col.code"), render: (_: unknown, row: Row) => <span className="mono">{row.code}</span>, responsive: ["md" as const] },
    {
      key: "name",
      title: ta("catalog.col.name"),
      render: (_: unknown, row: Row) => (
        <a href={itemPath(row.id)} onClick={linkHandler(itemPath(row.id))} data-testid="admin-item-link">{row.name}</a>
      ),
    },
    { key: "department", title: ta("catalog.col.department"), render: (_: unknown, row: Row) => row.department.name, responsive: ["lg" as const] },
    {
      key: "status",
      title: ta("catalog.col.status"),
      render: (_: unknown, row: Row) => (
        <Space size={4} wrap>
          <Tag>{ta(`status.${row.status}`)}</Tag>
          {row.versionStatus !== "PUBLISHED" && <Tag>{ta(`versionStatus.${row.versionStatus}`)}</Tag>}
        </Space>
      ),
    },
    { key: "version", title: ta("catalog.col.version"), render: (_: unknown, row: Row) => ta("version", { n: row.version }), responsive: ["sm" as const] },
  ];

  return (
    <section aria-labelledby="catalog-heading" data-testid="admin-catalog">
      <Typography.Title level={2} id="catalog-heading" style={{ fontSize: 18 }}>{ta("catalog.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{ta("catalog.intro")}</Typography.Paragraph>
      <form
        role="search"
        className="area-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setKeyword(typed.trim());
        }}
      >
        <Input.Search
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onSearch={(value) => setKeyword(value.trim())}
          placeholder={ta("catalog.search")}
          aria-label={ta("catalog.search")}
          enterButton={ta("catalog.searchButton")}
          allowClear
          maxLength={100}
          style={{ maxWidth: 420 }}
          data-testid="admin-catalog-search"
        />
        <Select<ItemStatus | "">
          value={status ?? ""}
          onChange={(value) => setStatus(value === "" ? null : value)}
          aria-label={ta("catalog.status")}
          style={{ minWidth: 140 }}
          options={[
            { value: "", label: ta("catalog.status.any") },
            { value: "ACTIVE", label: ta("status.ACTIVE") },
            { value: "CANCELLED", label: ta("status.CANCELLED") },
            { value: "MERGED", label: ta("status.MERGED") },
          ]}
        />
        <Checkbox checked={withDraft} onChange={(event) => setWithDraft(event.target.checked)} data-testid="admin-catalog-with-draft">
          {ta("catalog.withDraft")}
        </Checkbox>
      </form>
      <AdminError error={result.error} />
      <div aria-live="polite" className="area-count" data-testid="admin-catalog-total">
        {connection ? ta("catalog.total", { n: connection.totalCount }) : ""}
      </div>
      {!connection && result.fetching ? (
        <Skeleton active aria-label={ta("admin.loading")} />
      ) : (
      <Table<Row>
        rowKey="id"
        size="small"
        dataSource={connection?.nodes ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={ta("catalog.empty")} /> }}
        data-testid="admin-catalog-table"
      />
      )}
      <CursorPager pages={pages} nextCursor={connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null} testId="admin-catalog" />
    </section>
  );
}
