import { Alert, Button, Card, Empty, Input, Popconfirm, Segmented, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import type { HallAdminPostRequestsQuery, PostChangeStatus, PostPosition } from "../../gql/graphql";
import { useCursorPages } from "../../lib/cursor-pages";
import { formatDateTime } from "../../lib/format";
import { answerTo } from "../../lib/search-answer";
import { AdminError } from "./AdminError";
import { HallNotice, type Notice } from "./HallNotice";
import { useHallAdminT, type HallAdminMessageKey } from "./messages-hall-admin";
import { StaffPageQuery } from "./queries-admin";
import { ApprovePostChangeMutation, PostRequestsQuery, PostWindowsQuery, RejectPostChangeMutation, RequestPostChangeMutation } from "./queries-hall-admin";
import { CursorPager } from "../../components/CursorPager";

type Request = HallAdminPostRequestsQuery["postChangeRequestPage"]["nodes"][number];
type Filter = PostChangeStatus | "ALL";
const FILTERS: Filter[] = ["PENDING", "APPROVED", "REJECTED", "ALL"];
const STATUS_COLOUR: Record<PostChangeStatus, string> = { PENDING: "orange", APPROVED: "green", REJECTED: "default" };
const positionKey = (value: PostPosition): HallAdminMessageKey => `posts.position.${value}`;

/** AB岗: who is proposed for which post, 20 requests a page from the server, pending first; approve or reject with a note. */
export function PostRequests({ centerCode }: { centerCode: string }) {
  const { ta: th } = useHallAdminT();
  const [filter, setFilter] = useState<Filter>("PENDING");
  const [notice, setNotice] = useState<Notice>(null);
  const pages = useCursorPages(filter);
  const [result, reload] = useQuery({
    query: PostRequestsQuery,
    variables: { centerCode, status: filter === "ALL" ? null : filter, first: 20, after: pages.after },
    requestPolicy: "cache-and-network",
  });
  const [windows, reloadWindows] = useQuery({ query: PostWindowsQuery, variables: { centerCode }, requestPolicy: "cache-and-network" });
  const page = result.data?.postChangeRequestPage;
  const vacant = windows.data?.vacantPosts ?? [];
  const position = (value: PostPosition) => th(positionKey(value));
  const refresh = () => {
    reload({ requestPolicy: "network-only" });
    reloadWindows({ requestPolicy: "network-only" });
  };

  return (
    <section aria-labelledby="posts-heading" data-testid="admin-posts">
      <Typography.Title level={2} id="posts-heading" style={{ fontSize: 18 }}>{th("posts.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{th("posts.intro")}</Typography.Paragraph>
      {vacant.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={th("posts.vacant", { n: vacant.length, list: vacant.slice(0, 8).map((post) => `${post.window.name}${position(post.position)}`).join(th("common.listSeparator")) + (vacant.length > 8 ? "…" : "") })}
          data-testid="admin-posts-vacant"
        />
      )}
      <HallNotice notice={notice} testId="admin-posts-notice" />
      <div className="area-filters">
        <span id="posts-filter-label">{th("posts.filter")}</span>
        <Segmented<Filter>
          aria-labelledby="posts-filter-label"
          value={filter}
          onChange={setFilter}
          options={FILTERS.map((value) => ({ value, label: value === "ALL" ? th("posts.all") : th(`posts.status.${value}` as HallAdminMessageKey) }))}
          data-testid="admin-posts-filter"
        />
      </div>
      <AdminError error={result.error} />
      <div aria-live="polite" className="area-count" data-testid="admin-posts-total">{page ? th("common.total", { n: page.totalCount }) : ""}</div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={th("posts.heading")}>
        <Table<Request>
          rowKey="id"
          size="small"
          pagination={false}
          loading={result.fetching && !page}
          dataSource={page?.nodes ?? []}
          locale={{ emptyText: <Empty description={th("common.none")} /> }}
          data-testid="admin-posts-table"
          columns={[
            { key: "window", title: th("posts.col.window"), render: (_: unknown, request: Request) => <>{request.window.name} <span className="mono muted">{request.window.code}</span></> },
            { key: "position", title: th("posts.col.position"), render: (_: unknown, request: Request) => position(request.position) },
            { key: "holder", title: th("posts.col.holder"), render: (_: unknown, request: Request) => `${request.proposedHolder.name}（${request.proposedHolder.code}）` },
            { key: "previous", title: th("posts.col.previous"), render: (_: unknown, request: Request) => request.previousHolder?.name ?? th("posts.none") },
            { key: "term", title: th("posts.col.term"), render: (_: unknown, request: Request) => th("posts.years", { n: request.termYears }) },
            { key: "reason", title: th("posts.col.reason"), render: (_: unknown, request: Request) => request.reason },
            {
              key: "requested",
              title: th("posts.col.requested"),
              render: (_: unknown, request: Request) => (
                <>
                  {formatDateTime(request.requestedAt)}
                  {request.requester && <div className="muted" data-testid="admin-post-requester">{th("posts.requestedBy", { name: request.requester.name })}</div>}
                </>
              ),
            },
            {
              key: "status",
              title: th("posts.col.status"),
              render: (_: unknown, request: Request) => (
                <>
                  <Tag color={STATUS_COLOUR[request.status]}>{th(`posts.status.${request.status}` as HallAdminMessageKey)}</Tag>
                  {request.decidedAt && <div className="muted">{th(request.decider ? "posts.decidedBy" : "posts.decided", { at: formatDateTime(request.decidedAt), name: request.decider?.name ?? "" })}{request.decisionNote ? ` · ${request.decisionNote}` : ""}</div>}
                </>
              ),
            },
            {
              key: "actions",
              title: "",
              render: (_: unknown, request: Request) =>
                request.status === "PENDING" ? <Decide request={request} onNotice={setNotice} onDone={refresh} /> : null,
            },
          ]}
        />
      </div>
      <CursorPager pages={pages} nextCursor={page?.nextCursor} testId="admin-posts" />
      <RequestForm centerCode={centerCode} windows={windows.data?.windows ?? []} onNotice={setNotice} onDone={() => { setFilter("PENDING"); refresh(); }} />
    </section>
  );
}

function Decide({ request, onNotice, onDone }: { request: Request; onNotice: (notice: Notice) => void; onDone: () => void }) {
  const { ta: th } = useHallAdminT();
  const [note, setNote] = useState("");
  const [approving, approve] = useMutation(ApprovePostChangeMutation);
  const [rejecting, reject] = useMutation(RejectPostChangeMutation);
  const noteField = <Input aria-label={th("posts.note")} placeholder={th("posts.note")} value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} data-testid="admin-post-note" />;
  const decide = async (approved: boolean) => {
    onNotice(null);
    const input = { requestId: request.id, note: note.trim() || null };
    const answer = approved ? await approve({ input }) : await reject({ input });
    if (answer.error) onNotice({ kind: "error", error: answer.error });
    else {
      onNotice(approved ? { kind: "success", key: "posts.approved", vars: { name: request.proposedHolder.name, window: request.window.name, position: { key: positionKey(request.position) } } } : { kind: "success", key: "posts.rejected" });
      onDone();
    }
  };
  return (
    <span style={{ display: "inline-flex", gap: 8, flexWrap: "wrap" }}>
      <Popconfirm title={th("posts.approveConfirm")} description={noteField} okText={th("posts.approve")} cancelText={th("common.cancel")} onConfirm={() => decide(true)}>
        <Button size="small" type="primary" loading={approving.fetching} data-testid="admin-post-approve" data-request={request.id}>{th("posts.approve")}</Button>
      </Popconfirm>
      <Popconfirm title={th("posts.rejectConfirm")} description={noteField} okText={th("posts.reject")} cancelText={th("common.cancel")} onConfirm={() => decide(false)}>
        <Button size="small" danger loading={rejecting.fetching} data-testid="admin-post-reject" data-request={request.id}>{th("posts.reject")}</Button>
      </Popconfirm>
    </span>
  );
}

type PostWindow = { id: string; code: string; name: string; open: boolean };

function RequestForm({ centerCode, windows, onNotice, onDone }: { centerCode: string; windows: PostWindow[]; onNotice: (notice: Notice) => void; onDone: () => void }) {
  const { ta: th } = useHallAdminT();
  const [windowId, setWindowId] = useState<string | null>(null);
  const [position, setPosition] = useState<PostPosition>("A");
  const [staffId, setStaffId] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [termYears, setTermYears] = useState(2);
  const [reason, setReason] = useState("");
  const [staff] = useQuery({ query: StaffPageQuery, variables: { centerCode, keyword: search.trim() || null, first: 20, after: null } });
  const [state, request] = useMutation(RequestPostChangeMutation);
  const ready = windowId && staffId && reason.trim();
  return (
    <Card size="small" className="no-print" title={<h3 className="card-heading">{th("posts.new")}</h3>} style={{ marginTop: 16 }} data-testid="admin-post-request">
      <div className="form-row">
        <div>
          <label htmlFor="post-window" className="field-label">{th("posts.field.window")}</label>
          <Select
            id="post-window"
            showSearch={{ optionFilterProp: "label" }}
            value={windowId}
            onChange={setWindowId}
            options={windows.filter((window) => window.open).map((window) => ({ value: window.id, label: `${window.name}（${window.code}）` }))}
            style={{ width: "100%" }}
            data-testid="admin-post-window"
          />
        </div>
        <div>
          <label htmlFor="post-position" className="field-label">{th("posts.field.position")}</label>
          <Select id="post-position" value={position} onChange={setPosition} options={(["A", "B"] as const).map((value) => ({ value, label: th(positionKey(value)) }))} style={{ width: "100%" }} data-testid="admin-post-position" />
        </div>
        <div>
          <label htmlFor="post-term" className="field-label">{th("posts.field.term")}</label>
          <Select id="post-term" value={termYears} onChange={setTermYears} options={[1, 2].map((n) => ({ value: n, label: th("posts.years", { n }) }))} style={{ width: "100%" }} />
        </div>
      </div>
      <label htmlFor="post-staff" className="field-label" style={{ marginTop: 12 }}>{th("posts.field.staff")}</label>
      <Select
        id="post-staff"
        showSearch={{ filterOption: false, onSearch: setSearch }}
        value={staffId}
        onChange={setStaffId}
        loading={staff.fetching}
        options={(answerTo(staff, search.trim() || null)?.staffPage.nodes ?? []).map((person) => ({ value: person.id, label: `${person.name}（${person.code}）${person.department ? ` · ${person.department.name}` : ""}` }))}
        style={{ width: "100%" }}
        data-testid="admin-post-staff"
      />
      <label htmlFor="post-reason" className="field-label" style={{ marginTop: 12 }}>{th("posts.field.reason")}</label>
      <Input id="post-reason" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} data-testid="admin-post-reason" />
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        disabled={!ready}
        loading={state.fetching}
        data-testid="admin-post-submit"
        onClick={async () => {
          onNotice(null);
          const answer = await request({ input: { windowId: windowId!, position, staffId: staffId!, termYears, reason: reason.trim() } });
          if (answer.error) onNotice({ kind: "error", error: answer.error });
          else {
            onNotice({ kind: "success", key: "posts.requested" });
            setReason("");
            setStaffId(null);
            onDone();
          }
        }}
      >
        {th("posts.submit")}
      </Button>
    </Card>
  );
}
