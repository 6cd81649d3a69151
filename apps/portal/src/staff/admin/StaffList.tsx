import { Skeleton, Empty, Input, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useQuery } from "urql";
import type { AdminStaffPageQuery } from "../../gql/graphql";
import { useCursorPages } from "../../lib/cursor-pages";
import { linkHandler } from "../../lib/router";
import { AdminError } from "./AdminError";
import { useAdminT } from "./messages-admin";
import { StaffPageQuery } from "./queries-admin";
import { CursorPager } from "../../components/CursorPager";

type Row = AdminStaffPageQuery["staffPage"]["nodes"][number];
export const staffPath = (id: string) => `/staff/admin/staff/${encodeURIComponent(id)}`;

/** 人员: the hall's staff by code, 20 a page from the server; each opens to their letters. */
export function StaffList({ centerCode }: { centerCode: string }) {
  const { ta } = useAdminT();
  const [typed, setTyped] = useState("");
  const [keyword, setKeyword] = useState("");
  const pages = useCursorPages(keyword);
  const [result] = useQuery({ query: StaffPageQuery, variables: { centerCode, keyword: keyword || null, first: 20, after: pages.after }, requestPolicy: "cache-and-network" });
  const page = result.data?.staffPage;
  return (
    <section aria-labelledby="staff-heading" data-testid="admin-staff">
      <Typography.Title level={2} id="staff-heading" style={{ fontSize: 18 }}>{ta("staff.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{ta("staff.intro")}</Typography.Paragraph>
      <form role="search" className="area-filters" onSubmit={(event) => { event.preventDefault(); setKeyword(typed.trim()); }}>
        <Input.Search
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onSearch={(value) => setKeyword(value.trim())}
          aria-label={ta("staff.search")}
          placeholder={ta("staff.search")}
          enterButton={ta("catalog.searchButton")}
          allowClear
          maxLength={50}
          style={{ maxWidth: 420 }}
          data-testid="admin-staff-search"
        />
      </form>
      <AdminError error={result.error} />
      <div aria-live="polite" className="area-count">{page ? ta("catalog.total", { n: page.totalCount }) : ""}</div>
      {!page && result.fetching ? (
        <Skeleton active aria-label={ta("admin.loading")} />
      ) : (
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={page?.nodes ?? []}
        locale={{ emptyText: <Empty description={ta("catalog.empty")} /> }}
        columns={[
          { key: "code", title: ta("staff.col.code"), render: (_: unknown, row: Row) => <span className="mono">{row.code}</span> },
          { key: "name", title: ta("staff.col.name"), render: (_: unknown, row: Row) => <a href={staffPath(row.id)} onClick={linkHandler(staffPath(row.id))} data-testid="admin-staff-link">{row.name}</a> },
          { key: "department", title: ta("staff.col.department"), render: (_: unknown, row: Row) => row.department?.name ?? ta("staff.centerOffice"), responsive: ["sm"] },
          {
            key: "roles",
            title: ta("staff.col.roles"),
            responsive: ["md"],
            render: (_: unknown, row: Row) => (
              <Space size={4} wrap>
                {row.isChiefRepresentative && <Tag color="red">{ta("staff.chief")}</Tag>}
                {row.isDepartmentPrincipal && <Tag color="blue">{ta("staff.principal")}</Tag>}
              </Space>
            ),
          },
        ]}
        data-testid="admin-staff-table"
      />
      )}
      <CursorPager pages={pages} nextCursor={page?.nextCursor} testId="admin-staff" />
    </section>
  );
}
