import { Alert, Button, Card, Descriptions, Form, Input, Modal, Result, Spin, Timeline, Typography } from "antd";
import { useMemo, useState } from "react";
import { useClient, useQuery } from "urql";
import type { CombinedError } from "@urql/core";
import { AnswerNotice, MaterialFiles, RateCase } from "../components/CaseAnswers";
import { CaseDocuments } from "../components/CaseDocuments";
import { Deadline, isDecided, MissingMaterials, StatusTag } from "../components/CaseFacts";
import { ErrorNotice } from "../components/ErrorNotice";
import { PaymentNotice } from "../components/PaymentNotice";
import { RequireSignIn } from "../components/RequireSignIn";
import { formatDateTime } from "../lib/format";
import { useT } from "../lib/i18n";
import { useApplyT } from "../lib/messages-apply";
import type { MessageKey } from "../lib/messages";
import { MyCaseQuery, WithdrawCaseMutation } from "../lib/queries";
import { goBackOr, linkHandler } from "../lib/router";

/** Before the department decides, the applicant may withdraw (the cases service holds the same list). */
const WITHDRAWABLE = new Set(["SUBMITTED", "MATERIALS_REQUESTED", "ACCEPTED", "REVIEWED", "FORWARDED", "VETO_PROPOSED"]);

/** Where the applicant may still hand in what a notice or a deferral (容缺) asked for. */
const SUPPLIABLE = new Set(["MATERIALS_REQUESTED", "ACCEPTED", "REVIEWED"]);
/** 好差评 is for a concluded case that was decided (not one withdrawn or refused). */
const RATEABLE_STATUS = new Set(["CONCLUDED", "DELIVERED"]);
const RATEABLE_OUTCOME = new Set(["APPROVED", "DENIED", "DEEMED_APPROVED"]);

/** Routing-slip actions told in plain words; any the portal does not know yet reads "in progress". */
const KNOWN_ACTIONS = new Set([
  "SUBMIT", "ISSUE_MATERIAL_NOTICE", "SUPPLY_MATERIALS", "ACCEPT", "REFUSE", "DECIDE_INSTANTLY", "REVIEW", "FORWARD",
  "RECORD_HIGHER_AUTHORITY_RESULT", "APPROVE", "DENY", "PROPOSE_VETO", "SIGN_VETO", "DECLINE_VETO", "UPHOLD_VETO",
  "OVERRULE_VETO", "CONCLUDE", "DEEM_APPROVED", "DELIVER", "WITHDRAW", "WITHDRAW_FOR_JOINT_APPROVAL", "RETURN", "REFER",
  "SUSPEND_CLOCK", "RESUME_CLOCK", "EXTEND_DEADLINE", "VERIFY_COMMITMENT", "REVOKE_FOR_BREACHED_COMMITMENT",
]);

/** A stranger's case and a missing one look the same: nothing tells whether the case exists. */
function NotYours() {
  const t = useT();
  return (
    <Result
      status="404"
      title={<h1 className="result-heading">{t("case.notFoundHeading")}</h1>}
      subTitle={t("case.notFound")}
      data-testid="case-not-found"
      extra={<Button type="primary" href="/my" onClick={linkHandler("/my")}>{t("case.back")}</Button>}
    />
  );
}

function Withdraw({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const [form] = Form.useForm<{ reason: string }>();
  // One key per attempt: a retry after a lost answer withdraws once.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(undefined);
    const result = await client.mutation(WithdrawCaseMutation, { caseId, reason: reason.trim(), idempotencyKey }).toPromise();
    setBusy(false);
    if (result.error) return setError(result.error);
    setOpen(false);
    onDone();
  };

  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="withdraw-open" className="no-print">{t("case.withdraw")}</Button>
      <Modal
        open={open}
        title={t("case.withdrawHeading")}
        onCancel={() => setOpen(false)}
        okText={t("case.withdrawConfirm")}
        cancelText={t("case.withdrawCancel")}
        okButtonProps={{ danger: true, loading: busy }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <p>{t("case.withdrawHint")}</p>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="reason" label={t("case.withdrawReason")} rules={[{ required: true, whitespace: true, message: t("case.withdrawReasonRequired") }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="withdraw-reason" />
          </Form.Item>
        </Form>
        <ErrorNotice error={error} />
      </Modal>
    </>
  );
}

function CaseView({ id }: { id: string }) {
  const t = useT();
  const { ta } = useApplyT();
  const [{ data, fetching, error }, again] = useQuery({ query: MyCaseQuery, variables: { id }, requestPolicy: "cache-and-network" });
  const [withdrawn, setWithdrawn] = useState(false);
  const [supplied, setSupplied] = useState(false);
  if (fetching && !data) return <Spin tip={t("case.loading")}><div style={{ minHeight: 120 }} /></Spin>;
  const code = error?.graphQLErrors[0]?.extensions?.code;
  if (code === "FORBIDDEN" || code === "NOT_FOUND" || (!error && !data?.case)) return <NotYours />;
  if (error || !data?.case) return <ErrorNotice error={error} onRetry={() => again({ requestPolicy: "network-only" })} />;
  const found = data.case;
  return (
    <div data-testid="case-page">
      <Typography.Title level={1} style={{ fontSize: 22 }}>{found.item.name}</Typography.Title>
      {withdrawn && <Alert type="success" showIcon title={t("case.withdrawn")} style={{ marginBottom: 12 }} data-testid="withdrawn" role="status" />}
      {supplied && <Alert type="success" showIcon title={ta("supply.done")} style={{ marginBottom: 12 }} data-testid="supplied" role="status" />}
      <Card className="no-print-when-notice">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t("my.status")}><StatusTag status={found.status} /></Descriptions.Item>
          <Descriptions.Item label={t("my.receiptNo")}>{found.receiptNo}</Descriptions.Item>
          <Descriptions.Item label={t("case.department")}>{found.department.name}</Descriptions.Item>
          <Descriptions.Item label={t("case.applicant")}>{found.applicantName}</Descriptions.Item>
          <Descriptions.Item label={t("my.submittedAt")}>{formatDateTime(found.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t("my.deadline")}>
            <Deadline clock={found.clock} />
            {found.clock && !found.clock.onHold && found.clock.deadlineDay && !isDecided(found.status) ? ` · ${t("case.remaining", { days: found.clock.remainingWorkingDays })}` : ""}
          </Descriptions.Item>
        </Descriptions>
        <MissingMaterials requests={found.materialRequests} />
        {WITHDRAWABLE.has(found.status) && (
          <Withdraw
            caseId={found.id}
            onDone={() => {
              setWithdrawn(true);
              again({ requestPolicy: "network-only" });
            }}
          />
        )}
      </Card>

      {SUPPLIABLE.has(found.status) && (
        <AnswerNotice
          key={found.materialRequests.filter((request) => !request.suppliedAt).length}
          found={found}
          onDone={() => {
            setSupplied(true);
            again({ requestPolicy: "network-only" });
          }}
        />
      )}
      {RATEABLE_STATUS.has(found.status) && found.outcome && RATEABLE_OUTCOME.has(found.outcome) && <RateCase caseId={found.id} />}

      <MaterialFiles found={found} />
      <CaseDocuments caseId={found.id} />

      <Card title={<h2 className="card-heading">{t("case.routing")}</h2>} style={{ marginTop: 16 }} className="no-print-when-notice">
        <Timeline
          data-testid="routing-slip"
          items={found.routingSlip.map((step) => ({
            key: step.seq,
            content: t("case.routingStep", {
              when: formatDateTime(step.occurredAt),
              what: t(`action.${KNOWN_ACTIONS.has(step.action) ? step.action : "OTHER"}` as MessageKey),
            }),
          }))}
        />
      </Card>

      <Card title={<h2 className="card-heading">{t("case.notices")}</h2>} style={{ marginTop: 16 }}>
        {found.paymentNotices.length === 0 ? <p>{t("case.noNotice")}</p> : found.paymentNotices.map((notice) => <PaymentNotice key={notice.id} notice={notice} />)}
      </Card>
    </div>
  );
}

/** One of the applicant's cases: where it stands, what is missing, what happened, what to pay. */
export function CaseDetail({ id }: { id: string }) {
  const t = useT();
  return (
    <div>
      <a href="/my" className="back-link no-print" onClick={(event) => { event.preventDefault(); goBackOr("/my"); }}>← {t("case.back")}</a>
      <RequireSignIn>
        <CaseView id={id} />
      </RequireSignIn>
    </div>
  );
}
