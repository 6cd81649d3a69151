import { Button, Card, Empty, Input, Modal, Progress, Radio, Select, Skeleton, Table, Tag, Typography, type ButtonProps } from "antd";
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import type { HallAdminEntryItemsQuery, HallAdminEntryRateQuery } from "../../gql/graphql";
import { useCursorPages } from "../../lib/cursor-pages";
import { percent } from "../supervision/period";
import { AdminError } from "./AdminError";
import { HallNotice, type Notice } from "./HallNotice";
import { useHallAdminT, type HallAdminMessageKey } from "./messages-hall-admin";
import type { Worded } from "./notice";
import { EntryItemsQuery, EntryRateQuery, SetItemEntryMutation } from "./queries-hall-admin";
import { CursorPager } from "../../components/CursorPager";

type Item = HallAdminEntryItemsQuery["administeredItems"]["nodes"][number];
type DepartmentRate = HallAdminEntryRateQuery["entryRate"]["departments"][number];

/**
 * 事项进驻: the entry rate of the center and of each department, and the items 20 a page from the
 * server with where each is entered; choosing a department filters both the list and the figures.
 */
export function HallEntry({ centerCode }: { centerCode: string }) {
  const { ta: th } = useHallAdminT();
  const [rates, reloadRates] = useQuery({ query: EntryRateQuery, variables: { centerCode }, requestPolicy: "cache-and-network" });
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const [keyword, setKeyword] = useState("");
  const [notice, setNotice] = useState<Notice>(null);
  const pages = useCursorPages(`${departmentId ?? ""}|${keyword}`);
  const [items, reloadItems] = useQuery({
    query: EntryItemsQuery,
    variables: { centerCode, departmentId, keyword: keyword || null, first: 20, after: pages.after },
    requestPolicy: "cache-and-network",
  });
  const [editing, setEditing] = useState<Item | null>(null);
  const rate = rates.data?.entryRate;
  // Departments with no item in the catalog have no rate to speak of; the lowest rates come first.
  const departments = (rate?.departments ?? []).filter((row) => row.rate.total > 0).sort((a, b) => a.rate.rate - b.rate.rate || a.department.name.localeCompare(b.department.name, "zh-CN"));
  const page = items.data?.administeredItems;

  return (
    <section aria-labelledby="entry-heading" data-testid="admin-entry">
      <Typography.Title level={2} id="entry-heading" style={{ fontSize: 18 }}>{th("entry.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{th("entry.intro")}</Typography.Paragraph>
      <AdminError error={rates.error} />
      <HallNotice notice={notice} testId="admin-entry-notice" />
      {rate ? (
        <Card size="small" title={<h3 className="card-heading">{th("entry.centerRate")}</h3>} data-testid="admin-entry-rate">
          <Progress percent={Math.round(rate.rate.rate * 1000) / 10} aria-label={th("entry.centerRate")} />
          <p>{th("entry.counts", { ...rate.rate })}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={th("entry.byDepartment")}>
            <Table<DepartmentRate>
              rowKey={(row) => row.department.id}
              size="small"
              pagination={false}
              dataSource={departments}
              data-testid="admin-entry-departments"
              columns={[
                { key: "department", title: th("common.department"), render: (_: unknown, row: DepartmentRate) => row.department.name },
                { key: "rate", title: th("entry.col.rate"), render: (_: unknown, row: DepartmentRate) => percent(row.rate.rate) },
                { key: "entered", title: th("entry.col.entered"), render: (_: unknown, row: DepartmentRate) => row.rate.entered },
                { key: "notEntered", title: th("entry.col.notEntered"), render: (_: unknown, row: DepartmentRate) => row.rate.notEntered },
                { key: "undecided", title: th("entry.col.undecided"), render: (_: unknown, row: DepartmentRate) => row.rate.undecided },
                { key: "total", title: th("entry.col.total"), render: (_: unknown, row: DepartmentRate) => row.rate.total },
              ]}
            />
          </div>
        </Card>
      ) : rates.fetching ? (
        <Skeleton active aria-label={th("common.loading")} />
      ) : null}

      <Card size="small" title={<h3 className="card-heading">{th("entry.items")}</h3>} style={{ marginTop: 16 }}>
        <form role="search" className="area-filters" onSubmit={(event) => { event.preventDefault(); setKeyword(typed.trim()); }}>
          <Select
            aria-label={th("common.department")}
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={th("common.allDepartments")}
            value={departmentId}
            onChange={(value) => setDepartmentId(value ?? null)}
            options={(rate?.departments ?? []).map((row) => ({ value: row.department.id, label: row.department.name }))}
            style={{ minWidth: 200, maxWidth: "100%" }}
            data-testid="admin-entry-department"
          />
          <Input.Search
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onSearch={(value) => setKeyword(value.trim())}
            aria-label={th("entry.searchItems")}
            placeholder={th("entry.searchItems")}
            enterButton={th("common.search")}
            allowClear
            maxLength={50}
            style={{ maxWidth: 360 }}
          />
        </form>
        <AdminError error={items.error} />
        <div aria-live="polite" className="area-count" data-testid="admin-entry-total">{page ? th("common.total", { n: page.totalCount }) : ""}</div>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={th("entry.items")}>
          <Table<Item>
            rowKey="id"
            size="small"
            pagination={false}
            loading={items.fetching && !page}
            dataSource={page?.nodes ?? []}
            locale={{ emptyText: <Empty description={th("common.none")} /> }}
            data-testid="admin-entry-items"
            columns={[
              { key: "item", title: th("entry.col.item"), render: (_: unknown, item: Item) => <>{item.name} <span className="mono muted">{item.code}</span></> },
              { key: "department", title: th("common.department"), render: (_: unknown, item: Item) => item.department.name },
              { key: "entry", title: th("entry.col.status"), render: (_: unknown, item: Item) => <EntryTag item={item} /> },
              {
                key: "actions",
                title: "",
                render: (_: unknown, item: Item) => (
                  <Button size="small" onClick={() => setEditing(item)} data-testid="admin-entry-set" data-item={item.code}>{th("entry.set")}</Button>
                ),
              },
            ]}
          />
        </div>
        <CursorPager pages={pages} nextCursor={page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null} testId="admin-entry" />
      </Card>
      {editing && (
        <EntryDialog
          item={editing}
          onClose={() => setEditing(null)}
          onSaved={(done) => {
            setEditing(null);
            setNotice({ kind: "success", ...done });
            reloadRates({ requestPolicy: "network-only" });
            reloadItems({ requestPolicy: "network-only" });
          }}
        />
      )}
    </section>
  );
}

function EntryTag({ item }: { item: Item }) {
  const { ta: th } = useHallAdminT();
  if (!item.entry) return <Tag>{th("entry.undecided")}</Tag>;
  if (item.entry.status === "ENTERED") return <Tag color="green">{th("entry.entered", { window: item.entry.window?.name ?? "" })}</Tag>;
  return <Tag color="orange">{th("entry.notEntered", { reason: item.entry.notEnteredReason ?? "" })}</Tag>;
}

/** Enter the item at one of its department's open windows, or say why it stays out of the hall. */
function EntryDialog({ item, onClose, onSaved }: { item: Item; onClose: () => void; onSaved: (done: Worded<HallAdminMessageKey>) => void }) {
  const { ta: th } = useHallAdminT();
  const windows = item.department.windows.filter((window) => window.open);
  const [choice, setChoice] = useState<"enter" | "not">(item.entry?.status === "NOT_ENTERED" ? "not" : "enter");
  const [windowId, setWindowId] = useState<string | null>(item.entry?.window?.id ?? windows[0]?.id ?? null);
  const [reason, setReason] = useState(item.entry?.notEnteredReason ?? "");
  const [state, save] = useMutation(SetItemEntryMutation);
  const ready = choice === "enter" ? Boolean(windowId) : reason.trim().length > 0;
  return (
    <Modal
      open
      title={th("entry.dialogTitle", { item: item.name })}
      onCancel={onClose}
      cancelText={th("common.cancel")}
      okText={th("entry.save")}
      okButtonProps={{ disabled: !ready, loading: state.fetching, "data-testid": "admin-entry-save" } as ButtonProps}
      onOk={async () => {
        const answer = await save({ itemId: item.id, input: choice === "enter" ? { windowId } : { notEnteredReason: reason.trim() } });
        if (!answer.error) onSaved({ key: "entry.done", vars: { item: item.name } });
      }}
    >
      <div data-testid="admin-entry-dialog">
        <fieldset className="plain-fieldset">
          <legend className="field-label">{th("entry.choice")}</legend>
          <Radio.Group value={choice} onChange={(event) => setChoice(event.target.value as "enter" | "not")}>
            <Radio value="enter">{th("entry.choiceEnter")}</Radio>
            <Radio value="not" data-testid="admin-entry-not">{th("entry.choiceNot")}</Radio>
          </Radio.Group>
        </fieldset>
        {choice === "enter" ? (
          <div style={{ marginTop: 12 }}>
            <label htmlFor="entry-window" className="field-label">{th("entry.window")}</label>
            <Select id="entry-window" value={windowId} onChange={setWindowId} options={windows.map((window) => ({ value: window.id, label: `${window.name}（${window.code}）` }))} style={{ width: "100%" }} data-testid="admin-entry-window" />
            {windows.length === 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{th("entry.noWindow")}</Typography.Paragraph>}
          </div>
        ) : (
          <div style={{ marginTop: 12 }}>
            <label htmlFor="entry-reason" className="field-label">{th("entry.reason")}</label>
            <Input.TextArea id="entry-reason" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} rows={3} data-testid="admin-entry-reason" />
          </div>
        )}
        <div style={{ marginTop: 12 }}><AdminError error={state.error} /></div>
      </div>
    </Modal>
  );
}
