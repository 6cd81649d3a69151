import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Modal, Progress, Radio, Space, Spin, Table, Tag, Timeline, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { JointDetailQuery as JointDetailResult } from "../../gql/graphql";
import { formatDateTime } from "../../lib/format";
import { linkHandler } from "../../lib/router";
import type { Claims } from "../../lib/session";
import { useJointT, type JointMessageKey } from "./messages-joint";
import { TONES } from "../../lib/tones";
import { CountyMeetingMutation, JointDetailQuery, UrgeParticipantMutation, WithdrawJointMutation } from "./queries-joint";
import { BASE, CONCLUDED_PARTICIPANT, RUNNING, StatusTag, WarningTag, newKey, useErrorText } from "./shared";
import { isCaseAction } from "../case-actions";

type Joint = NonNullable<JointDetailResult["jointApproval"]>;
type Participant = Joint["participants"][number];
type Entry = Joint["history"][number];

/** How often a running joint approval is asked again while its screen is shown. */
const REFRESH_MS = 3000;

function detailsOf(entry: Entry): Record<string, unknown> {
  try {
    return entry.details ? (JSON.parse(entry.details) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** One joint approval on one screen: the joint clock, every department's progress, what was escalated, the history. */
export function JointDetail({ id, claims }: { id: string; claims: Claims }) {
  const { ta } = useJointT();
  const [{ data, fetching, error }, reload] = useQuery({ query: JointDetailQuery, variables: { id }, requestPolicy: "cache-and-network" });
  const joint = data?.jointApproval;
  const running = joint ? RUNNING.includes(joint.status as (typeof RUNNING)[number]) : true;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => document.visibilityState === "visible" && reload({ requestPolicy: "network-only" }), REFRESH_MS);
    return () => clearInterval(timer);
  }, [running, reload]);
  const [urging, setUrging] = useState<Participant | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [meeting, setMeeting] = useState<Participant | null>(null);

  if (fetching && !data) return <Spin description={ta("joint.loading")}><div style={{ minHeight: 120 }} /></Spin>;
  if (error && !data) return <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: "network-only" })} />;
  if (!joint) return <Alert type="warning" showIcon title={ta("joint.none")} />;

  const isLeadBureau = claims.roles.includes("bureau") && claims.departmentId === joint.leadDepartment.id;
  const canRecordMeeting = claims.roles.includes("center_admin");
  const done = joint.participants.filter((participant) => CONCLUDED_PARTICIPANT.includes(participant.status)).length;
  const nameOf = (participantId: string | null | undefined) => joint.participants.find((participant) => participant.id === participantId)?.departmentName ?? "";

  // Escalations: the joint clock running out, and the land-related vetoes before the county head meeting.
  const escalations: Array<{ key: string; text: string; at?: string; tone: (typeof TONES)[keyof typeof TONES] }> = [];
  for (const entry of joint.history) {
    const details = detailsOf(entry);
    if (entry.kind === "ESCALATED") escalations.push({ key: `e${entry.seq}`, text: ta("joint.escalated"), at: entry.at, tone: TONES.bad });
    if (entry.kind === "CASE_STEP" && (details.action === "UPHOLD_VETO" || details.action === "OVERRULE_VETO")) {
      escalations.push({ key: `m${entry.seq}`, text: ta(`joint.meeting.${details.action}` as JointMessageKey, { department: nameOf(entry.participantId) }) + (entry.note ? `：${entry.note}` : ""), at: entry.at, tone: TONES.info });
    }
  }
  for (const participant of joint.participants) {
    if (participant.status === "AWAITING_COUNTY_MEETING") escalations.push({ key: `a${participant.id}`, text: ta("joint.meeting.awaiting", { department: participant.departmentName }), tone: TONES.warn });
  }

  const clockPercent = Math.min(100, Math.round((joint.usedWorkingDays / Math.max(1, joint.deadlineWorkingDays)) * 100));
  return (
    <div data-testid="joint-detail" data-status={joint.status}>
      <a className="back-link" href={BASE} onClick={linkHandler(BASE)}>‹ {ta("joint.back")}</a>
      <div className="joint-head">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{joint.projectName}</Typography.Title>
        <Space wrap>
          <StatusTag status={joint.status} />
          {joint.greenChannel ? <Tag style={TONES.ok}>{ta("joint.greenChannel")}</Tag> : null}
          {isLeadBureau && running ? <Button danger onClick={() => setWithdrawing(true)} data-testid="joint-withdraw">{ta("joint.withdraw")}</Button> : null}
        </Space>
      </div>
      <div className="joint-top">
        <Card size="small" title={<h2 className="card-heading">{ta("joint.clock")}</h2>} data-testid="joint-clock">
          <Space align="center" size={16} wrap>
            <Progress type="dashboard" percent={clockPercent} size={110} status={joint.warningLevel === "RED" ? "exception" : "normal"}
              strokeColor={joint.warningLevel === "YELLOW" ? "#d48806" : undefined}
              format={() => `${joint.usedWorkingDays}/${joint.deadlineWorkingDays}`}
              aria-label={ta("joint.clockChart", { used: joint.usedWorkingDays, total: joint.deadlineWorkingDays })} />
            <Space direction="vertical" size={2}>
              <span>{ta("joint.deadline")}：<strong>{joint.deadlineDay ?? "—"}</strong></span>
              <span>{ta("joint.used", { used: joint.usedWorkingDays })}</span>
              {running ? <span>{ta("joint.remaining", { days: joint.remainingWorkingDays })}</span> : null}
              {running ? <WarningTag level={joint.warningLevel} /> : null}
              {joint.paused ? <Tag style={TONES.warn}>{ta("joint.paused")}</Tag> : null}
            </Space>
          </Space>
        </Card>
        <Card size="small" title={<h2 className="card-heading">{ta("joint.project")}</h2>}>
          <Descriptions size="small" column={1}
            items={[
              { key: "code", label: ta("joint.projectCode"), children: joint.projectCode },
              { key: "applicant", label: ta("joint.applicant"), children: `${joint.applicant.name}（${joint.applicant.idNumber}）` },
              { key: "lead", label: ta("joint.lead"), children: joint.leadDepartment.name },
              { key: "opened", label: ta("joint.openedAt"), children: formatDateTime(joint.openedAt) },
              { key: "progress", label: ta("joint.progress"), children: <span data-testid="joint-progress">{ta("joint.progressValue", { done, total: joint.participants.length })}</span> },
              ...(joint.conclusionReason ? [{ key: "conclusion", label: ta("joint.conclusion"), children: joint.conclusionReason }] : []),
            ]} />
        </Card>
      </div>

      <Card size="small" style={{ marginTop: 16 }} title={<h2 className="card-heading">{ta("joint.participants")}</h2>}>
        <Table<Participant>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={joint.participants}
          scroll={{ x: 1000 }}
          caption={<span className="visually-hidden">{ta("joint.participants")}</span>}
          onRow={(participant) => ({ "data-testid": "joint-participant", "data-status": participant.status, "data-department": participant.departmentName }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: ta("joint.department"), dataIndex: "departmentName", fixed: "left", width: 130 },
            { title: ta("joint.item"), dataIndex: "itemName", width: 200 },
            {
              title: ta("joint.status"), key: "status", width: 170,
              render: (_: unknown, participant) => (
                <Tag style={participant.outcome === "APPROVED" || participant.outcome === "DEEMED_APPROVED" ? TONES.ok : participant.outcome ? TONES.bad : TONES.info} data-testid="joint-participant-status">
                  {ta(`joint.pstatus.${participant.status}` as JointMessageKey)}
                </Tag>
              ),
            },
            { title: ta("joint.receipt"), dataIndex: "receiptNo", width: 150, render: (receipt: string | null) => receipt ?? "—" },
            {
              title: ta("joint.pdeadline"), key: "deadline", width: 170,
              render: (_: unknown, participant) => (
                <Space direction="vertical" size={0}>
                  <span>{participant.deadlineDay ?? "—"}</span>
                  {participant.outcome ? null : <span>{ta("joint.remaining", { days: participant.remainingWorkingDays })} <WarningTag level={participant.warningLevel} /></span>}
                </Space>
              ),
            },
            { title: ta("joint.opinion"), dataIndex: "opinion", width: 180, render: (opinion: string | null) => opinion || "—" },
            {
              title: ta("joint.urge"), key: "actions", width: 150,
              render: (_: unknown, participant) => (
                <Space direction="vertical" size={4}>
                  {participant.urgeCount > 0 ? <span data-testid="joint-urge-count">{ta("joint.urged", { count: participant.urgeCount })}</span> : null}
                  {isLeadBureau && running && !participant.outcome ? (
                    <Button size="small" onClick={() => setUrging(participant)} data-testid="joint-urge" aria-label={ta("joint.urgeTitle", { department: participant.departmentName })}>{ta("joint.urge")}</Button>
                  ) : null}
                  {canRecordMeeting && participant.status === "AWAITING_COUNTY_MEETING" && participant.case ? (
                    <Button size="small" onClick={() => setMeeting(participant)} data-testid="joint-meeting">{ta("joint.meeting.record")}</Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <div className="joint-bottom">
        <Card size="small" style={{ marginTop: 16 }} title={<h2 className="card-heading">{ta("joint.escalations")}</h2>} data-testid="joint-escalations">
          {escalations.length === 0 ? <Typography.Text type="secondary">{ta("joint.escalations.none")}</Typography.Text> : (
            <ul className="joint-escalations">
              {escalations.map((escalation) => (
                <li key={escalation.key}><Tag style={escalation.tone}>{escalation.at ? formatDateTime(escalation.at) : "…"}</Tag>{escalation.text}</li>
              ))}
            </ul>
          )}
        </Card>
        <Card size="small" style={{ marginTop: 16 }} title={<h2 className="card-heading">{ta("joint.history")}</h2>} data-testid="joint-history">
          <Timeline
            items={[...joint.history].reverse().slice(0, 60).map((entry) => {
              const details = detailsOf(entry);
              const who = nameOf(entry.participantId);
              const action = isCaseAction(details.action) ? ` · ${ta(`joint.action.${details.action}`)}` : typeof details.action === "string" ? ` · ${details.action}` : "";
              return {
                key: entry.seq,
                children: (
                  <span>
                    <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>{" "}
                    <strong>{ta(`joint.history.${entry.kind}` as JointMessageKey)}</strong>{who ? ` · ${who}` : ""}{action}{entry.note ? `：${entry.note}` : ""}
                  </span>
                ),
              };
            })}
          />
        </Card>
      </div>
      {urging ? <UrgeDialog joint={joint} participant={urging} onClose={() => setUrging(null)} /> : null}
      {withdrawing ? <WithdrawDialog joint={joint} onClose={() => setWithdrawing(false)} /> : null}
      {meeting ? <MeetingDialog participant={meeting} onClose={() => { setMeeting(null); reload({ requestPolicy: "network-only" }); }} /> : null}
    </div>
  );
}

function UrgeDialog({ joint, participant, onClose }: { joint: Joint; participant: Participant; onClose: () => void }) {
  const { ta } = useJointT();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  // One urging per dialog: a retry from it sends the same key, so the department is urged once.
  const key = useRef(newKey());
  const [{ fetching, error }, urge] = useMutation(UrgeParticipantMutation);
  const lastNote = useRef<string | null>(null);
  return (
    <Modal open title={ta("joint.urgeTitle", { department: participant.departmentName })} onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" onFinish={async (values: { note?: string }) => {
        const note = values.note?.trim() || null;
        if (lastNote.current !== null && lastNote.current !== (note ?? "")) key.current = newKey();
        lastNote.current = note ?? "";
        const result = await urge({ id: joint.id, participant: participant.id, note, key: key.current });
        if (!result.error) { void message.success(ta("joint.urgeDone")); onClose(); }
      }}>
        <Form.Item name="note" label={ta("joint.urgeNote")}>
          <Input.TextArea rows={3} maxLength={500} data-testid="joint-urge-note" />
        </Form.Item>
        {error ? <Alert type="error" role="alert" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching} data-testid="joint-urge-submit">{ta("joint.urge")}</Button>
          <Button onClick={onClose}>{ta("joint.cancel")}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

function WithdrawDialog({ joint, onClose }: { joint: Joint; onClose: () => void }) {
  const { ta } = useJointT();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [{ fetching, error }, withdraw] = useMutation(WithdrawJointMutation);
  return (
    <Modal open title={ta("joint.withdrawTitle")} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph>{ta("joint.withdrawHelp")}</Typography.Paragraph>
      <Form layout="vertical" onFinish={async (values: { reason: string }) => {
        const result = await withdraw({ id: joint.id, reason: values.reason.trim() });
        if (!result.error) { void message.success(ta("joint.withdrawDone")); onClose(); }
      }}>
        <Form.Item name="reason" label={ta("joint.withdrawReason")} rules={[{ required: true, whitespace: true, message: ta("joint.reasonRequired") }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="joint-withdraw-reason" />
        </Form.Item>
        {error ? <Alert type="error" role="alert" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
        <Space>
          <Button danger type="primary" htmlType="submit" loading={fetching} data-testid="joint-withdraw-submit">{ta("joint.withdraw")}</Button>
          <Button onClick={onClose}>{ta("joint.cancel")}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

function MeetingDialog({ participant, onClose }: { participant: Participant; onClose: () => void }) {
  const { ta } = useJointT();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const key = useRef(newKey());
  const [{ fetching, error }, record] = useMutation(CountyMeetingMutation);
  return (
    <Modal open title={ta("joint.meeting.title", { department: participant.departmentName })} onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" initialValues={{ decision: "UPHOLD" }} onFinish={async (values: { decision: "UPHOLD" | "OVERRULE"; minutesNo: string; opinion: string }) => {
        const result = await record({ caseId: participant.case!.id, decision: values.decision, minutesNo: values.minutesNo.trim(), opinion: values.opinion.trim(), key: key.current });
        if (!result.error) { void message.success(ta("joint.meeting.done")); onClose(); }
      }}>
        <Form.Item name="decision" label={ta("joint.meeting.decision")}>
          <Radio.Group options={(["UPHOLD", "OVERRULE"] as const).map((value) => ({ value, label: ta(`joint.meeting.${value}`) }))} style={{ display: "flex", flexDirection: "column", gap: 4 }} />
        </Form.Item>
        <Form.Item name="minutesNo" label={ta("joint.meeting.minutesNo")} rules={[{ required: true, whitespace: true, message: ta("joint.form.required") }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="opinion" label={ta("joint.meeting.opinion")} rules={[{ required: true, whitespace: true, message: ta("joint.form.required") }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        {error ? <Alert type="error" role="alert" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={fetching}>{ta("joint.submit")}</Button>
          <Button onClick={onClose}>{ta("joint.cancel")}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
