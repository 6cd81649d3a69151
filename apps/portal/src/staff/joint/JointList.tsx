import { Button, Card, Empty, List, Progress, Radio, Space, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useQuery } from "urql";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { JointListQuery as JointListResult } from "../../gql/graphql";
import { formatDateTime } from "../../lib/format";
import { linkHandler } from "../../lib/router";
import type { Claims } from "../../lib/session";
import { useJointT } from "./messages-joint";
import { JointListQuery } from "./queries-joint";
import { BASE, CONCLUDED_PARTICIPANT, RUNNING, StatusTag, WarningTag } from "./shared";

type Edge = JointListResult["jointApprovals"]["edges"][number];
type Which = "running" | "ended" | "all";
const PAGE = 20;

/** The joint approvals the caller may see, newest first, a page at a time from the server. */
export function JointList({ claims }: { claims: Claims }) {
  const { ta } = useJointT();
  const [which, setWhich] = useState<Which>("running");
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  useEffect(() => setCursors([null]), [which]);
  const statuses = which === "running" ? [...RUNNING] : which === "ended" ? (["APPROVED", "REJECTED", "WITHDRAWN"] as const) : undefined;
  const isBureau = claims.roles.includes("bureau");
  return (
    <div data-testid="joint-list">
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group value={which} onChange={(event) => setWhich(event.target.value)} optionType="button" aria-label={ta("joint.filter")}
          options={(["running", "ended", "all"] as const).map((value) => ({ value, label: ta(`joint.filter.${value}`) }))} />
        {isBureau ? <Button type="primary" href={`${BASE}/new`} onClick={linkHandler(`${BASE}/new`)} data-testid="joint-new">{ta("joint.new")}</Button> : null}
      </Space>
      {cursors.map((after, index) => (
        <ListPage key={`${which}-${after ?? "first"}`} statuses={statuses ? [...statuses] : undefined} after={after} last={index === cursors.length - 1} onMore={(cursor) => setCursors([...cursors, cursor])} />
      ))}
    </div>
  );
}

function ListPage({ statuses, after, last, onMore }: { statuses?: string[]; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const { ta } = useJointT();
  const [{ data, fetching, error }, reload] = useQuery({
    query: JointListQuery,
    variables: { filter: statuses ? { statuses: statuses as never } : undefined, first: PAGE, after },
    requestPolicy: "cache-and-network",
  });
  // The departments act meanwhile: the first page is asked again every 10 s while shown.
  useEffect(() => {
    if (after) return;
    const timer = setInterval(() => document.visibilityState === "visible" && reload({ requestPolicy: "network-only" }), 10_000);
    return () => clearInterval(timer);
  }, [after, reload]);
  if (fetching && !data) return <Spin description={ta("joint.loading")}><div style={{ minHeight: 80 }} /></Spin>;
  if (error && !data) return <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: "network-only" })} />;
  const edges = data?.jointApprovals.edges ?? [];
  if (!after && edges.length === 0) return <Empty description={ta("joint.none")} />;
  return (
    <>
      <List<Edge>
        dataSource={edges}
        renderItem={({ node }) => {
          const href = `${BASE}/${node.id}`;
          const done = node.participants.filter((participant) => CONCLUDED_PARTICIPANT.includes(participant.status)).length;
          return (
            <List.Item key={node.id} data-testid="joint-row" data-status={node.status}>
              <Card size="small" style={{ width: "100%" }}>
                <h2 className="case-title"><a href={href} onClick={linkHandler(href)}>{node.projectName}</a></h2>
                <div className="result-meta">
                  <StatusTag status={node.status} />
                  {RUNNING.includes(node.status as (typeof RUNNING)[number]) ? <WarningTag level={node.warningLevel} /> : null}
                  <span>{ta("joint.projectCode")}：{node.projectCode}</span>
                  <span>{ta("joint.lead")}：{node.leadDepartment.name}</span>
                  <span>{ta("joint.deadline")}：{node.deadlineDay ?? "—"}</span>
                  <span>{ta("joint.openedAt")}：{formatDateTime(node.openedAt)}</span>
                </div>
                <div className="joint-progress-line">
                  <Typography.Text>{ta("joint.progressValue", { done, total: node.participants.length })}</Typography.Text>
                  <Progress percent={Math.round((done / Math.max(1, node.participants.length)) * 100)} size="small" showInfo={false} aria-label={ta("joint.progressValue", { done, total: node.participants.length })} />
                </div>
              </Card>
            </List.Item>
          );
        }}
      />
      {last && data?.jointApprovals.pageInfo.hasNextPage ? (
        <Button onClick={() => onMore(data.jointApprovals.pageInfo.endCursor!)} data-testid="joint-more">{ta("joint.more")}</Button>
      ) : null}
    </>
  );
}
