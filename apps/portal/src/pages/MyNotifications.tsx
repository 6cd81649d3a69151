import { Alert, Badge, Button, Card, Checkbox, Empty, Form, Input, List, Spin, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { ErrorNotice } from "../components/ErrorNotice";
import { RequireSignIn } from "../components/RequireSignIn";
import type { MyNotificationsQuery as MyNotificationsResult, NotificationCause } from "../gql/graphql";
import { describeError } from "../lib/errors";
import { formatDateTime, formatDay, formatFen } from "../lib/format";
import { useNotificationsT, type NotificationMessageKey } from "../lib/messages-notifications";
import {
  INBOX_CHANGED,
  MarkNotificationsReadMutation,
  MyContactPreferencesQuery,
  MyNotificationsQuery,
  SetMyContactPreferencesMutation,
} from "../lib/queries-notifications";
import { linkHandler } from "../lib/router";

type Notification = MyNotificationsResult["myNotifications"]["nodes"][number];
const PAGE_SIZE = 10;
const CAUSES: NotificationCause[] = ["ACCEPTED", "MATERIALS_REQUESTED", "FEE_DUE", "DEADLINE_EXTENDED", "RESULT_READY", "FOLLOW_UP_ANSWERED"];

/** A deadline instant (24:00 Beijing of its day) as that day. */
const dayOf = (instant: string) => formatDay(new Date(new Date(instant).getTime() - 1).toISOString());

/** The notification in the reader's language, from its details (the Chinese text is the SMS's and the staff's). */
function NotificationText({ n }: { n: Notification }) {
  const { tn } = useNotificationsT();
  const d = n.details;
  const r = d.receiptNo;
  const window = d.windowName ?? tn("inbox.hallWindow");
  switch (n.cause) {
    case "ACCEPTED":
      return <p>{d.deadline ? tn("inbox.ACCEPTED.body", { receiptNo: r, deadline: dayOf(d.deadline) }) : tn("inbox.ACCEPTED.bodyNoDeadline", { receiptNo: r })}</p>;
    case "MATERIALS_REQUESTED":
      return (
        <>
          <p>{tn("inbox.MATERIALS_REQUESTED.body", { receiptNo: r })}</p>
          <ol className="inbox-materials">
            {(d.materials ?? []).map((m, i) => (
              <li key={i}>
                {tn(m.note ? "inbox.materialLineNote" : "inbox.materialLine", { name: m.name, problem: tn(`inbox.problem.${m.problem}` as NotificationMessageKey), note: m.note ?? "" })}
              </li>
            ))}
          </ol>
          <p>{tn("inbox.MATERIALS_REQUESTED.where", { window })}</p>
        </>
      );
    case "FEE_DUE":
      return (
        <>
          <p>{tn("inbox.FEE_DUE.body", { receiptNo: r, amount: formatFen(d.amountFen ?? 0), noticeNo: d.noticeNo ?? "" })}</p>
          <p>
            {tn("inbox.FEE_DUE.where")}
            {d.expiresAt ? ` ${tn("inbox.FEE_DUE.until", { day: dayOf(d.expiresAt) })}` : ""}
          </p>
        </>
      );
    case "DEADLINE_EXTENDED":
      return (
        <>
          <p>
            {tn("inbox.DEADLINE_EXTENDED.body", { receiptNo: r, days: d.workingDays ?? 0 })}
            {d.deadline ? ` ${tn("inbox.DEADLINE_EXTENDED.until", { day: dayOf(d.deadline) })}` : ""}
          </p>
          {d.reason && <p>{tn("inbox.DEADLINE_EXTENDED.reason", { reason: d.reason })}</p>}
        </>
      );
    case "RESULT_READY": {
      const outcome = tn(`inbox.outcome.${d.outcome}` as NotificationMessageKey);
      const key = d.outcome === "REFUSED" || d.outcome === "RETURNED" ? "inbox.RESULT_READY.refused" : d.outcome === "DENIED" ? "inbox.RESULT_READY.denied" : "inbox.RESULT_READY.granted";
      return (
        <>
          <p>{tn(key, { receiptNo: r, outcome, window })}</p>
          {d.opinion && (d.outcome === "REFUSED" || d.outcome === "RETURNED") && <p>{tn("inbox.RESULT_READY.reason", { reason: d.opinion })}</p>}
        </>
      );
    }
    case "FOLLOW_UP_ANSWERED":
      return <p>{tn("inbox.FOLLOW_UP_ANSWERED.body", { receiptNo: r, answer: tn(`inbox.answer.${d.answer}` as NotificationMessageKey) })}</p>;
  }
}

function Inbox() {
  const { tn } = useNotificationsT();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [{ data, fetching, error }, again] = useQuery({
    query: MyNotificationsQuery,
    variables: { first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, unreadOnly },
    requestPolicy: "cache-and-network",
  });
  const [marking, mark] = useMutation(MarkNotificationsReadMutation);
  const markRead = async (ids: string[] | null) => {
    const result = await mark({ input: ids ? { ids } : {} });
    if (!result.error) {
      again({ requestPolicy: "network-only" });
      window.dispatchEvent(new Event(INBOX_CHANGED));
    }
  };
  if (fetching && !data) return <Spin tip={tn("inbox.loading")}><div style={{ minHeight: 120 }} /></Spin>;
  if (error) return <ErrorNotice error={error} onRetry={() => again({ requestPolicy: "network-only" })} />;
  const inbox = data?.myNotifications;
  const nodes = inbox?.nodes ?? [];
  return (
    <section aria-labelledby="inbox-heading">
      <div className="inbox-toolbar">
        <span data-testid="inbox-unread" role="status">{inbox && inbox.unreadCount > 0 ? tn("inbox.unreadSummary", { count: inbox.unreadCount }) : tn("inbox.allRead")}</span>
        <label className="inbox-filter">
          <Switch size="small" checked={unreadOnly} onChange={(on) => { setUnreadOnly(on); setPage(1); }} data-testid="inbox-unread-only" aria-label={tn("inbox.onlyUnread")} />
          <span aria-hidden="true">{tn("inbox.onlyUnread")}</span>
        </label>
        <Button onClick={() => markRead(null)} disabled={!inbox || inbox.unreadCount === 0} loading={marking.fetching} data-testid="inbox-mark-all">
          {tn("inbox.markAllRead")}
        </Button>
      </div>
      <ErrorNotice error={marking.error} />
      {nodes.length === 0 ? (
        <Empty description={tn("inbox.none")} />
      ) : (
        <List
          data-testid="inbox"
          dataSource={nodes}
          pagination={inbox && inbox.totalCount > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: inbox.totalCount, onChange: setPage, showSizeChanger: false } : false}
          renderItem={(n) => {
            const caseHref = `/my/cases/${encodeURIComponent(n.caseId)}`;
            const unread = !n.readAt;
            return (
              <List.Item key={n.id} data-testid="inbox-item" data-cause={n.cause} data-unread={unread ? "true" : "false"}>
                <Card size="small" style={{ width: "100%" }} className={unread ? "inbox-card inbox-unread" : "inbox-card"}>
                  <h2 className="inbox-title">
                    {unread && <Badge status="error" />}
                    {tn(`inbox.${n.cause}.title` as NotificationMessageKey)}
                    {unread && <Tag color="red" style={{ marginInlineStart: 8 }}>{tn("inbox.unread")}</Tag>}
                  </h2>
                  <div className="inbox-body"><NotificationText n={n} /></div>
                  <div className="result-meta">
                    <span>{tn("inbox.receivedAt", { time: formatDateTime(n.createdAt) })}</span>
                    <a href={caseHref} onClick={linkHandler(caseHref)}>{tn("inbox.openCase")}</a>
                    {unread && (
                      <Button size="small" onClick={() => markRead([n.id])} data-testid="inbox-mark-read">
                        {tn("inbox.markRead")}
                      </Button>
                    )}
                  </div>
                </Card>
              </List.Item>
            );
          }}
        />
      )}
    </section>
  );
}

interface PreferencesForm {
  phone?: string;
  removePhone?: boolean;
  smsCauses: NotificationCause[];
}

function ContactPreferences() {
  const { tn, t } = useNotificationsT();
  const [form] = Form.useForm<PreferencesForm>();
  const [{ data, fetching, error }, again] = useQuery({ query: MyContactPreferencesQuery, requestPolicy: "cache-and-network" });
  const [saving, save] = useMutation(SetMyContactPreferencesMutation);
  const [saved, setSaved] = useState(false);
  if (fetching && !data) return <Spin><div style={{ minHeight: 80 }} /></Spin>;
  if (error) return <ErrorNotice error={error} onRetry={() => again({ requestPolicy: "network-only" })} />;
  const current = data!.myContactPreferences;
  const failed = describeError(saving.error);
  return (
    <Card size="small" title={<h2 className="card-heading" id="prefs-heading">{tn("prefs.heading")}</h2>} data-testid="contact-preferences">
      <p>{tn("prefs.intro")}</p>
      <p data-testid="prefs-phone">{current.phone ? tn("prefs.currentPhone", { phone: current.phone }) : tn("prefs.noPhone")}</p>
      <Form<PreferencesForm>
        form={form}
        layout="vertical"
        initialValues={{ smsCauses: current.smsCauses, phone: "", removePhone: false }}
        onValuesChange={() => setSaved(false)}
        onFinish={async (values) => {
          const phone = values.phone?.trim() || null;
          const result = await save({ input: { phone, removePhone: values.removePhone ?? false, smsCauses: values.smsCauses } });
          if (!result.error) {
            setSaved(true);
            form.setFieldsValue({ phone: "", removePhone: false });
          }
        }}
      >
        <Form.Item
          name="phone"
          label={tn("prefs.phone")}
          extra={tn("prefs.phoneHelp")}
          rules={[{ pattern: /^1[3-9]\d{9}$/, message: tn("prefs.phoneInvalid") }]}
          validateStatus={failed?.field === "input.phone" ? "error" : undefined}
          help={failed?.field === "input.phone" ? tn("prefs.phoneInvalid") : undefined}
        >
          <Input autoComplete="tel" inputMode="tel" maxLength={11} data-testid="prefs-phone-input" style={{ maxWidth: 240 }} />
        </Form.Item>
        {current.phone && (
          <Form.Item name="removePhone" valuePropName="checked">
            <Checkbox data-testid="prefs-remove-phone">{tn("prefs.removePhone")}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="smsCauses" label={tn("prefs.causes")}>
          <Checkbox.Group className="prefs-causes" options={CAUSES.map((cause) => ({ value: cause, label: tn(`cause.${cause}` as NotificationMessageKey) }))} data-testid="prefs-causes" />
        </Form.Item>
        {failed && failed.field !== "input.phone" && <Alert type="error" showIcon role="alert" title={t(failed.messageKey)} style={{ marginBottom: 12 }} />}
        {saved && <Alert type="success" showIcon role="status" title={tn("prefs.saved")} data-testid="prefs-saved" style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={saving.fetching} data-testid="prefs-save">{tn("prefs.save")}</Button>
      </Form>
    </Card>
  );
}

/** 我的消息: the signed-in applicant's notifications, newest first, and their SMS settings. */
export function MyNotifications() {
  const { tn } = useNotificationsT();
  return (
    <div data-testid="notifications-page" className="inbox-page">
      <Typography.Title level={1} style={{ fontSize: 24 }} id="inbox-heading">{tn("inbox.heading")}</Typography.Title>
      <RequireSignIn>
        <Inbox />
        <ContactPreferences />
      </RequireSignIn>
    </div>
  );
}
