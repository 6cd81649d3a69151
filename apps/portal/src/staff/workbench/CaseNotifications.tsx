import { Button, Card, List, Space, Tag } from "antd";
import { useState } from "react";
import { useQuery } from "urql";
import type { NotificationDeliveryStatus } from "../../gql/graphql";
import { ErrorNotice } from "../../components/ErrorNotice";
import { describeError } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { TONES } from "../../lib/tones";
import { useWorkbenchT } from "./messages-workbench";
import { WorkbenchCaseNotificationsQuery } from "./queries-workbench";

const STATUS_TONE: Record<NotificationDeliveryStatus, keyof typeof TONES> = { PENDING: "info", SENDING: "info", SENT: "ok", FAILED: "bad", SKIPPED: "plain" };

/**
 * 通知记录: whether the applicant was told of each step, in the inbox and by SMS, with the delivery
 * state (so the window can answer "I got no message"). Asked for only when opened: most cases are
 * worked without it, and the workbench opens a case with as few requests as it can.
 */
export function CaseNotifications({ caseId }: { caseId: string }) {
  const { ta } = useWorkbenchT();
  const [open, setOpen] = useState(false);
  const [{ data, fetching, error }] = useQuery({ query: WorkbenchCaseNotificationsQuery, variables: { caseId }, pause: !open, requestPolicy: "network-only" });
  const deliveries = data?.caseNotifications ?? [];
  // A case notifications has not heard of yet has told the applicant nothing: an empty record, not an error.
  const problem = describeError(error);
  const nothingYet = problem?.code === "NOTIFICATION_CASE_UNKNOWN";
  return (
    <Card
      size="small"
      title={<h3 className="card-heading">{ta("wb.notifications")}</h3>}
      extra={
        <Button size="small" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="wb-notifications-toggle">
          {open ? ta("wb.notificationsHide") : ta("wb.notificationsShow")}
        </Button>
      }
      style={{ marginTop: 12 }}
      data-testid="wb-notifications"
    >
      {!open ? (
        <p className="wb-meta" style={{ margin: 0 }}>{ta("wb.notificationsHint")}</p>
      ) : error && !nothingYet ? (
        <ErrorNotice error={error} />
      ) : fetching && !data ? (
        <p className="wb-meta" role="status">{ta("wb.notificationsLoading")}</p>
      ) : deliveries.length === 0 ? (
        <p className="wb-meta" data-testid="wb-notifications-none">{ta("wb.notificationsNone")}</p>
      ) : (
        <List
          size="small"
          dataSource={deliveries}
          rowKey="id"
          renderItem={(delivery) => (
            <List.Item data-testid="wb-notification" data-cause={delivery.cause} data-channel={delivery.channel} data-status={delivery.status}>
              <div style={{ width: "100%", minWidth: 0 }}>
                <Space wrap size={4}>
                  <strong>{ta(`wb.note.cause.${delivery.cause}`)}</strong>
                  <Tag>{ta(`wb.note.channel.${delivery.channel}`)}{delivery.phone ? ` ${delivery.phone}` : ""}</Tag>
                  <Tag style={TONES[STATUS_TONE[delivery.status]]}>{ta(`wb.note.status.${delivery.status}`)}</Tag>
                </Space>
                <div className="wb-meta" style={{ overflowWrap: "anywhere" }}>{delivery.text}</div>
                <div className="wb-meta">{deliveryState(delivery, ta)}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

type Delivery = { status: NotificationDeliveryStatus; attempts: number; nextAttemptAt?: string | null; lastError?: string | null; sentAt?: string | null; readAt?: string | null; createdAt: string };

function deliveryState(delivery: Delivery, ta: ReturnType<typeof useWorkbenchT>["ta"]): string {
  const parts: string[] = [];
  if (delivery.status === "SENT" && delivery.sentAt) parts.push(ta("wb.note.sentAt", { at: formatDateTime(delivery.sentAt) }));
  if (delivery.readAt) parts.push(ta("wb.note.readAt", { at: formatDateTime(delivery.readAt) }));
  if (delivery.status === "PENDING" && delivery.attempts > 0 && delivery.nextAttemptAt) parts.push(ta("wb.note.nextAttempt", { attempts: delivery.attempts, at: formatDateTime(delivery.nextAttemptAt) }));
  if (delivery.status === "FAILED") parts.push(ta("wb.note.gaveUp", { attempts: delivery.attempts, error: delivery.lastError ?? "" }));
  if (delivery.status === "SKIPPED") parts.push(ta("wb.note.skipped"));
  return parts.join(" · ") || formatDateTime(delivery.createdAt);
}
