import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Radio, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { CursorPager } from "../../components/CursorPager";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { SupFollowUpsQuery as SupFollowUpsResult } from "../../gql/graphql";
import { useCursorPages } from "../../lib/cursor-pages";
import { describeError } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { useScope } from "./context";
import { TONES } from "../../lib/tones";
import { useSupT, type SupMessageKey } from "./messages-supervision";
import { AnswerFollowUpMutation, DecideAppealMutation, SupFollowUpsQuery } from "./queries-supervision";

type Rating = SupFollowUpsResult["ratingFollowUps"]["nodes"][number];

const PAGE = 20;

/** 好差评: bad ratings and their follow-ups, open (or overdue) first; answers by the department, appeals decided by the office. */
export function Ratings() {
  const { ta } = useSupT();
  const scope = useScope();
  const [openOnly, setOpenOnly] = useState(true);
  // Another scope or the switch starts again on the first page.
  const pages = useCursorPages(JSON.stringify([scope.centerCode, scope.departmentId, openOnly]));
  const [answering, setAnswering] = useState<Rating | null>(null);
  const [deciding, setDeciding] = useState<Rating | null>(null);
  const [{ data, fetching, error }, reload] = useQuery({
    query: SupFollowUpsQuery,
    variables: { centerCode: scope.centerCode, departmentId: scope.departmentId, openOnly, first: PAGE, after: pages.after },
    requestPolicy: "cache-and-network",
  });
  const page = data?.ratingFollowUps;
  const roles = scope.claims.roles;
  const canAnswer = scope.departmentId !== null && (roles.includes("window_staff") || roles.includes("chief_representative"));
  const canDecide = roles.includes("supervisor");

  return (
    <div data-testid="sup-ratings">
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Switch checked={openOnly} onChange={setOpenOnly} id="sup-open-only" aria-label={ta("sup.ratings.openOnly")} />
        <label htmlFor="sup-open-only">{ta("sup.ratings.openOnly")}</label>
      </Space>
      {error && !data ? <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: "network-only" })} /> : null}
      <Card size="small">
        <Table<Rating>
          size="small"
          rowKey="receiptNo"
          loading={fetching && !data}
          dataSource={page?.nodes ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          caption={<span className="visually-hidden">{ta("sup.ratings.heading")}</span>}
          locale={{ emptyText: <span className="sup-empty">{ta("sup.none")}</span> }}
          columns={[
            { title: ta("sup.ratings.receipt"), dataIndex: "receiptNo", width: 160 },
            { title: ta("sup.warnings.department"), key: "department", width: 140, render: (_: unknown, rating) => rating.department.name },
            { title: ta("sup.ratings.level"), dataIndex: "level", width: 110, render: (level: string, rating) => <Tag style={rating.bad ? TONES.bad : TONES.ok}>{ta(`sup.ratings.level.${level}` as SupMessageKey)}</Tag> },
            { title: ta("sup.ratings.comment"), dataIndex: "comment", render: (comment: string) => comment || "—" },
            { title: ta("sup.ratings.due"), key: "due", width: 140, render: (_: unknown, rating) => (rating.followUp ? formatDateTime(rating.followUp.due) : "—") },
            {
              title: ta("sup.ratings.followUp"),
              key: "followUp",
              width: 200,
              render: (_: unknown, rating) =>
                rating.followUp ? (
                  <Space direction="vertical" size={0}>
                    <Tag style={rating.followUp.status === "OVERDUE" ? TONES.bad : rating.followUp.status === "OPEN" ? TONES.warn : TONES.plain}>{ta(`sup.ratings.status.${rating.followUp.status}` as SupMessageKey)}</Tag>
                    {rating.followUp.answer ? <span>{ta(`sup.ratings.answer.${rating.followUp.answer}` as SupMessageKey)}：{rating.followUp.note}</span> : null}
                  </Space>
                ) : "—",
            },
            {
              title: ta("sup.ratings.appeal"),
              key: "appeal",
              width: 180,
              render: (_: unknown, rating) =>
                rating.appeal ? (rating.appeal.decision ? ta(`sup.ratings.appeal.${rating.appeal.decision}` as SupMessageKey) : ta("sup.ratings.appeal.pending", { reason: rating.appeal.reason })) : "—",
            },
            {
              title: ta("sup.warnings.actions"),
              key: "actions",
              width: 120,
              render: (_: unknown, rating) => (
                <Space>
                  {canAnswer && rating.followUp && !rating.followUp.answer && rating.followUp.status !== "VOIDED" ? <Button size="small" onClick={() => setAnswering(rating)}>{ta("sup.ratings.answer")}</Button> : null}
                  {canDecide && rating.appeal && !rating.appeal.decision ? <Button size="small" onClick={() => setDeciding(rating)}>{ta("sup.ratings.decide")}</Button> : null}
                </Space>
              ),
            },
          ]}
        />
        <CursorPager
          pages={pages}
          nextCursor={page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null}
          counted={page ? { onPage: page.nodes.length, pageSize: PAGE, total: page.totalCount } : null}
          testId="sup-ratings"
        />
      </Card>
      {answering ? <AnswerDialog rating={answering} onClose={() => setAnswering(null)} /> : null}
      {deciding ? <DecideDialog rating={deciding} onClose={() => setDeciding(null)} /> : null}
    </div>
  );
}

function AnswerDialog({ rating, onClose }: { rating: Rating; onClose: () => void }) {
  const { ta, t } = useSupT();
  const { message } = AntApp.useApp();
  const [{ fetching, error }, answer] = useMutation(AnswerFollowUpMutation);
  const described = describeError(error);
  return (
    <Modal open title={ta("sup.ratings.answerTitle")} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph>{rating.receiptNo} · {rating.comment}</Typography.Paragraph>
      <Form layout="vertical" initialValues={{ answer: "CALLBACK" }} onFinish={async (values: { answer: "CALLBACK" | "FIXED" | "EXPLAINED"; note: string }) => {
        const result = await answer({ input: { caseId: rating.case.id, answer: values.answer, note: values.note.trim() } });
        if (!result.error) { void message.success(ta("sup.ratings.done")); onClose(); }
      }}>
        <Form.Item name="answer" label={ta("sup.ratings.answerKind")}>
          <Radio.Group options={(["CALLBACK", "FIXED", "EXPLAINED"] as const).map((value) => ({ value, label: ta(`sup.ratings.answer.${value}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={ta("sup.ratings.note")} rules={[{ required: true, whitespace: true, message: ta("sup.ratings.required") }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        {described ? <Alert type="error" role="alert" showIcon title={t(described.messageKey)} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={fetching}>{ta("sup.ratings.submit")}</Button>
      </Form>
    </Modal>
  );
}

function DecideDialog({ rating, onClose }: { rating: Rating; onClose: () => void }) {
  const { ta, t } = useSupT();
  const { message } = AntApp.useApp();
  const [{ fetching, error }, decide] = useMutation(DecideAppealMutation);
  const described = describeError(error);
  return (
    <Modal open title={ta("sup.ratings.decideTitle")} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph>{rating.receiptNo} · {rating.appeal?.reason}</Typography.Paragraph>
      <Form layout="vertical" initialValues={{ decision: "REJECTED" }} onFinish={async (values: { decision: "UPHELD" | "REJECTED"; note: string }) => {
        const result = await decide({ input: { caseId: rating.case.id, decision: values.decision, note: values.note.trim() } });
        if (!result.error) { void message.success(ta("sup.ratings.done")); onClose(); }
      }}>
        <Form.Item name="decision" label={ta("sup.ratings.decision")}>
          <Radio.Group options={(["UPHELD", "REJECTED"] as const).map((value) => ({ value, label: ta(`sup.ratings.appeal.${value}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={ta("sup.ratings.note")} rules={[{ required: true, whitespace: true, message: ta("sup.ratings.required") }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        {described ? <Alert type="error" role="alert" showIcon title={t(described.messageKey)} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={fetching}>{ta("sup.ratings.submit")}</Button>
      </Form>
    </Modal>
  );
}
