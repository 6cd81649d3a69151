import { Alert, App as AntApp, Button, Form, Input, Modal, Space, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useMutation, useQuery } from "urql";
import { CursorPager } from "../../components/CursorPager";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { SupWarningsQuery as SupWarningsResult, SupervisionWarningKind, SupervisionWarningLevel, SupervisionWarningStatus } from "../../gql/graphql";
import { useCursorPages } from "../../lib/cursor-pages";
import { describeError } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { useScope } from "./context";
import { AcknowledgeWarningMutation, SupWarningsQuery } from "./queries-supervision";
import { useSupT, type SupMessageKey } from "./messages-supervision";
import { TONES } from "../../lib/tones";
import { deadlineDay, warningDetail } from "./warning-detail";

type Warning = SupWarningsResult["supervisionWarnings"]["nodes"][number];

export const KINDS: SupervisionWarningKind[] = [
  "CASE_DEADLINE", "STAGE_DEADLINE", "JOINT_DEADLINE", "REFUSED_QUALIFYING", "UNREASONED_REJECTION",
  "LATE_FORWARD", "OUT_OF_ORDER", "FEE_IRREGULARITY", "WINDOW_UNATTENDED", "BAD_RATING_UNANSWERED",
];

export function LevelTag({ level }: { level: string }) {
  const { ta } = useSupT();
  // Text on the tag, not colour alone, says the level.
  return <Tag style={level === "RED" ? TONES.bad : TONES.warn} data-level={level}>{ta(`sup.level.${level}` as SupMessageKey)}</Tag>;
}

/** The warnings matching `filter`, a page at a time from the server, reloaded when the stream pushes a change. */
export function WarningTable(props: {
  kinds?: SupervisionWarningKind[];
  levels?: SupervisionWarningLevel[];
  statuses?: SupervisionWarningStatus[];
  pageSize?: number;
  caption: string;
  testId: string;
}) {
  const { ta, locale } = useSupT();
  const scope = useScope();
  const [acknowledging, setAcknowledging] = useState<Warning | null>(null);
  const filterKey = JSON.stringify([props.kinds, props.levels, props.statuses]);
  // Another filter or scope starts again on the first page.
  const pages = useCursorPages(JSON.stringify([filterKey, scope.centerCode, scope.departmentId]));
  const after = pages.after;
  const variables = useMemo(
    () => ({
      filter: { centerCode: scope.centerCode, kinds: props.kinds, levels: props.levels, statuses: props.statuses, departmentId: scope.departmentId },
      first: props.pageSize ?? 20,
      after,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scope.centerCode, scope.departmentId, filterKey, after, props.pageSize],
  );
  const [{ data, fetching, error }, reload] = useQuery({ query: SupWarningsQuery, variables, requestPolicy: "cache-and-network" });
  useEffect(() => {
    if (scope.version > 0) reload({ requestPolicy: "network-only" });
  }, [scope.version, reload]);

  const page = data?.supervisionWarnings;
  const about = (warning: Warning) => {
    if (warning.case) return ta("sup.warnings.case", { receipt: warning.case.receiptNo });
    if (warning.jointApproval) return ta("sup.warnings.joint", { name: warning.jointApproval.projectName });
    if (warning.window) return ta("sup.warnings.window", { name: warning.window.name });
    return "—";
  };

  if (error && !data) return <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: "network-only" })} />;
  return (
    <div data-testid={props.testId}>
      <Table<Warning>
        size="small"
        rowKey="id"
        loading={fetching && !data}
        dataSource={page?.nodes ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        caption={<span className="visually-hidden">{props.caption}</span>}
        locale={{ emptyText: <span className="sup-empty">{ta("sup.none")}</span> }}
        onRow={(warning) => ({ "data-testid": "sup-warning-row", "data-level": warning.level, "data-status": warning.status, "data-case": warning.case?.id ?? "" }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: ta("sup.warnings.level"), dataIndex: "level", width: 80, render: (level: string) => <LevelTag level={level} /> },
          { title: ta("sup.warnings.kind"), dataIndex: "kind", width: 150, render: (kind: string) => ta(`sup.kind.${kind}` as SupMessageKey) },
          { title: ta("sup.warnings.about"), key: "about", width: 200, render: (_: unknown, warning) => about(warning) },
          { title: ta("sup.warnings.department"), key: "department", width: 150, render: (_: unknown, warning) => warning.department?.name ?? "—" },
          { title: ta("sup.warnings.deadline"), dataIndex: "deadline", width: 110, render: (deadline: string | null) => (deadline ? deadlineDay(deadline) : "—") },
          { title: ta("sup.warnings.raisedAt"), dataIndex: "raisedAt", width: 140, render: (at: string) => formatDateTime(at) },
          {
            title: ta("sup.warnings.status"),
            key: "status",
            render: (_: unknown, warning) => (
              <Space direction="vertical" size={0}>
                <span>{ta(`sup.status.${warning.status}` as SupMessageKey)}</span>
                {warning.acknowledgement ? <Typography.Text type="secondary">{ta("sup.warnings.acknowledged", { note: warning.acknowledgement.note })}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            title: ta("sup.warnings.actions"),
            key: "actions",
            width: 110,
            render: (_: unknown, warning) =>
              scope.canAcknowledge && warning.status === "OPEN" ? (
                <Button size="small" onClick={() => setAcknowledging(warning)} data-testid="sup-acknowledge" aria-label={`${ta("sup.warnings.acknowledge")} ${about(warning)}`}>
                  {ta("sup.warnings.acknowledge")}
                </Button>
              ) : null,
          },
        ]}
        expandable={{
          expandedRowRender: (warning) => <p className="prewrap">{warningDetail(warning, ta)}</p>,
          rowExpandable: (warning) => warning.detail.length > 0,
        }}
        key={locale}
      />
      <CursorPager
        pages={pages}
        nextCursor={page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null}
        counted={page ? { onPage: page.nodes.length, pageSize: props.pageSize ?? 20, total: page.totalCount } : null}
        testId={props.testId}
      />
      {acknowledging ? <AcknowledgeDialog warning={acknowledging} label={about(acknowledging)} onClose={() => setAcknowledging(null)} /> : null}
    </div>
  );
}

function AcknowledgeDialog({ warning, label, onClose }: { warning: Warning; label: string; onClose: () => void }) {
  const { ta, t } = useSupT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [{ fetching, error }, acknowledge] = useMutation(AcknowledgeWarningMutation);
  const described = describeError(error);
  const submit = async ({ note }: { note: string }) => {
    const result = await acknowledge({ id: warning.id, note: note.trim() });
    if (!result.error) {
      void message.success(ta("sup.ack.done"));
      onClose();
    }
  };
  return (
    <Modal open title={ta("sup.ack.title")} onCancel={onClose} footer={null} destroyOnHidden>
      <p>
        <LevelTag level={warning.level} /> {ta(`sup.kind.${warning.kind}` as SupMessageKey)} · {label}
      </p>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="sup-ack-form">
        <Form.Item
          name="note"
          label={ta("sup.ack.note")}
          extra={ta("sup.ack.noteHelp")}
          rules={[{ required: true, whitespace: true, message: ta("sup.ack.required") }]}
          validateStatus={described?.field === "note" ? "error" : undefined}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="sup-ack-note" />
        </Form.Item>
        {described ? (
          <Alert type="error" showIcon role="alert" title={described.code === "WARNING_ALREADY_ACKNOWLEDGED" ? ta("sup.ack.WARNING_ALREADY_ACKNOWLEDGED") : t(described.messageKey)} style={{ marginBottom: 12 }} />
        ) : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="sup-ack-submit">{ta("sup.ack.submit")}</Button>
          <Button onClick={onClose}>{ta("sup.ack.cancel")}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
