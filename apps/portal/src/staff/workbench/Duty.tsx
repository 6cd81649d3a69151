import { Alert, Button, Card, Form, Input, Modal, Space } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useClient, useQuery } from "urql";
import { BEIJING, formatDateTime } from "../../lib/format";
import { actProblem } from "./act-errors";
import { useWorkbenchT, type WorkbenchMessageKey } from "./messages-workbench";
import { CancelLeaveMutation, ClockInMutation, ClockOutMutation, PostLeaveMutation, WorkbenchDutyQuery } from "./queries-workbench";

const DUTY_CODES = new Set(["ALREADY_CLOCKED_IN", "NOT_CLOCKED_IN", "LEAVE_OVERLAPS"]);

/** A datetime-local value read as Beijing time (the hall's), as an ISO instant. */
const beijingInstant = (value: string) => dayjs.tz(value, BEIJING).toISOString();

/**
 * 考勤与在岗: clock in and out, post a leave notice (离岗告示), and who serves each of the
 * person's windows now, so the A post sees when B has taken over (and B when it is their turn).
 */
export function Duty() {
  const { ta, t } = useWorkbenchT();
  const client = useClient();
  const [{ data }, again] = useQuery({ query: WorkbenchDutyQuery, requestPolicy: "cache-and-network" });
  const [punched, setPunched] = useState<{ kind: "IN" | "OUT"; at: string } | null>(null);
  const [message, setMessage] = useState<{ type: "success" | "error"; text: string } | null>(null);
  const [leaveOpen, setLeaveOpen] = useState(false);
  const me = data?.me;

  const say = (error: Parameters<typeof actProblem>[0]) => {
    const problem = actProblem(error);
    if (!problem) return false;
    const text = DUTY_CODES.has(problem.code) ? ta(`duty.err.${problem.code}` as WorkbenchMessageKey) : problem.areaKey ? ta(problem.areaKey, problem.vars) : t(problem.sharedKey);
    setMessage({ type: "error", text });
    return true;
  };

  const punch = async (kind: "IN" | "OUT") => {
    setMessage(null);
    const result = kind === "IN" ? await client.mutation(ClockInMutation, {}).toPromise() : await client.mutation(ClockOutMutation, {}).toPromise();
    if (say(result.error)) return;
    const made = result.data && ("clockIn" in result.data ? result.data.clockIn : "clockOut" in result.data ? result.data.clockOut : null);
    if (made) setPunched({ kind: made.kind, at: made.at });
    again({ requestPolicy: "network-only" });
  };

  const cancelLeave = async (id: string) => {
    setMessage(null);
    const result = await client.mutation(CancelLeaveMutation, { id }).toPromise();
    if (!say(result.error)) again({ requestPolicy: "network-only" });
  };

  const leaves = (me?.leaveNotices ?? []).filter((leave) => !leave.cancelledAt && new Date(leave.endsAt).getTime() > Date.now());
  return (
    <Card size="small" title={<h2 className="card-heading">{ta("duty.heading")}</h2>} data-testid="wb-duty">
      <Space wrap>
        <Button onClick={() => punch("IN")} data-testid="duty-clock-in">{ta("duty.clockIn")}</Button>
        <Button onClick={() => punch("OUT")} data-testid="duty-clock-out">{ta("duty.clockOut")}</Button>
        <Button onClick={() => setLeaveOpen(true)} data-testid="duty-leave-open">{ta("duty.leave")}</Button>
      </Space>
      <div role="status" aria-live="polite">
        {punched && <p data-testid="duty-punched">{ta(`duty.punched.${punched.kind}`, { at: formatDateTime(punched.at) })}</p>}
        {message && <Alert type={message.type} showIcon title={message.text} data-testid={message.type === "error" ? "duty-error" : "duty-message"} style={{ marginTop: 8 }} />}
      </div>
      {me && me.posts.length === 0 && <p className="wb-meta">{ta("duty.noPost")}</p>}
      <ul className="wb-plain-list" data-testid="duty-windows">
        {(me?.posts ?? []).map((post) => {
          const duty = post.window.duty;
          const name = duty.onDuty?.name ?? "";
          const covering = duty.status === "B_COVERING" || duty.status === "TEMPORARY_COVER" || duty.status === "UNATTENDED";
          return (
            <li key={`${post.window.id}-${post.position}`} data-testid="duty-window" data-status={duty.status}>
              <div>{ta("duty.window", { code: post.window.code, name: post.window.name, position: post.position })}</div>
              <div className={covering ? "wb-duty-alert" : "wb-meta"}>{ta(`duty.status.${duty.status}` as WorkbenchMessageKey, { name })}</div>
            </li>
          );
        })}
      </ul>
      {leaves.length > 0 && (
        <>
          <h3 className="wb-subheading">{ta("duty.leaves")}</h3>
          <ul className="wb-plain-list" data-testid="duty-leaves">
            {leaves.map((leave) => (
              <li key={leave.id}>
                {ta("duty.leaveLine", { from: formatDateTime(leave.startsAt), until: formatDateTime(leave.endsAt), reason: leave.reason })}{" "}
                <Button size="small" onClick={() => cancelLeave(leave.id)}>{ta("duty.leaveCancel")}</Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {leaveOpen && (
        <LeaveDialog
          onClose={() => setLeaveOpen(false)}
          onPosted={() => {
            setLeaveOpen(false);
            setMessage({ type: "success", text: ta("duty.leavePosted") });
            again({ requestPolicy: "network-only" });
          }}
        />
      )}
    </Card>
  );
}

function LeaveDialog({ onClose, onPosted }: { onClose: () => void; onPosted: () => void }) {
  const { ta, t } = useWorkbenchT();
  const client = useClient();
  const [form] = Form.useForm<{ startsAt: string; endsAt: string; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const initial = useMemo(() => {
    const now = dayjs().tz(BEIJING);
    return { startsAt: now.format("YYYY-MM-DDTHH:mm"), endsAt: now.add(2, "hour").format("YYYY-MM-DDTHH:mm") };
  }, []);
  const required = [{ required: true, whitespace: true, message: ta("form.required") }];
  const submit = async (values: { startsAt: string; endsAt: string; reason: string }) => {
    setBusy(true);
    setError(null);
    const result = await client
      .mutation(PostLeaveMutation, { input: { startsAt: beijingInstant(values.startsAt), endsAt: beijingInstant(values.endsAt), reason: values.reason.trim() } })
      .toPromise();
    setBusy(false);
    const problem = actProblem(result.error);
    if (problem) {
      const text = DUTY_CODES.has(problem.code) ? ta(`duty.err.${problem.code}` as WorkbenchMessageKey) : problem.areaKey ? ta(problem.areaKey, problem.vars) : t(problem.sharedKey);
      setError(text);
      const field = problem.field?.replace(/^input\./, "");
      if (field === "startsAt" || field === "endsAt" || field === "reason") form.setFields([{ name: field, errors: [ta("err.fieldGeneric")] }]);
      return;
    }
    onPosted();
  };
  return (
    <Modal open title={ta("duty.leave")} onCancel={onClose} okText={ta("form.confirm")} cancelText={ta("form.cancel")} okButtonProps={{ loading: busy }} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={initial} data-testid="duty-leave-form">
        <Form.Item name="startsAt" label={ta("duty.leaveStarts")} rules={required}>
          <Input type="datetime-local" data-testid="duty-leave-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={ta("duty.leaveEnds")} rules={required}>
          <Input type="datetime-local" data-testid="duty-leave-ends" />
        </Form.Item>
        <Form.Item name="reason" label={ta("duty.leaveReason")} rules={required}>
          <Input maxLength={200} data-testid="duty-leave-reason" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" role="alert" showIcon title={error} data-testid="duty-leave-error" />}
    </Modal>
  );
}
