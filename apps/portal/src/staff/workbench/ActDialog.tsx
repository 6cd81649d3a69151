import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space } from "antd";
import { useMemo, useState } from "react";
import { useClient, useQuery } from "urql";
import type { CombinedError } from "@urql/core";
import type { WorkbenchCaseFieldsFragment } from "../../gql/graphql";
import { CENTER_CODE } from "../../lib/client";
import { actProblem, type ActProblem } from "./act-errors";
import { useWorkbenchT, type WorkbenchMessageKey } from "./messages-workbench";
import {
  AcceptMutation, ConcludeMutation, DecideMutation, DeclineVetoMutation, DeliverMutation, ExtendMutation, ForwardMutation, HigherResultMutation,
  InstantMutation, NoticeMutation, ReferMutation, ReferWindowsQuery, RefuseMutation, ResumeMutation, ReviewMutation, SignVetoMutation,
  SupplyMutation, SuspendMutation, VerifyMutation,
} from "./queries-workbench";

export type CaseAct = WorkbenchCaseFieldsFragment["allowedActs"][number];
type Found = WorkbenchCaseFieldsFragment;

interface Values {
  reason?: string;
  opinion?: string;
  note?: string;
  decision?: "APPROVE" | "DENY";
  materials?: string[];
  problems?: Record<string, "MISSING" | "WRONG">;
  documentRefs?: Record<string, string>;
  authority?: string;
  documentNo?: string;
  documentDate?: string;
  method?: "AT_WINDOW" | "BY_POST" | "ELECTRONIC";
  toWindowId?: string;
  suspendReason?: "SUPPLEMENTING_MATERIALS" | "SITE_INSPECTION" | "EXPERT_REVIEW" | "HEARING";
  workingDays?: number;
  applicantNotice?: string;
  verifyResult?: "VERIFIED" | "BREACHED";
}

/** Says what went wrong in plain words; beside the field when the service named one the form has. */
export function ProblemNotice({ problem }: { problem: ActProblem | null }) {
  const { ta, t } = useWorkbenchT();
  if (!problem) return null;
  const text = problem.areaKey ? ta(problem.areaKey, problem.vars) : t(problem.sharedKey);
  return <Alert type="error" role="alert" showIcon title={text} data-testid="act-error" data-code={problem.code} style={{ marginTop: 12 }} />;
}

const FORM_FIELDS = new Set(["reason", "opinion", "note", "decision", "materials", "authority", "documentNo", "documentDate", "method", "toWindowId", "workingDays", "applicantNotice"]);

/**
 * The form of one act on a case, in a dialog. One idempotency key per opening: a retry after a
 * lost answer (or a double press) acts once. The service checks everything again; its refusal is
 * shown in plain words by its code, beside the field it names.
 */
/**
 * `ticketId`: the hall's queue ticket in the clerk's hand (叫号), recorded on the acceptance or
 * instant decision so the hall measures its waiting and handling time.
 */
export function ActDialog({ act, found, ticketId = null, onDone, onClose }: { act: CaseAct; found: Found; ticketId?: string | null; onDone: (updated: Found, act: CaseAct) => void; onClose: () => void }) {
  const { ta } = useWorkbenchT();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ActProblem | null>(null);
  const key = useMemo(() => crypto.randomUUID(), []);
  const required = [{ required: true, whitespace: true, message: ta("form.required") }];
  const unsupplied = found.materialRequests.filter((request) => !request.suppliedAt);

  const run = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    const caseId = found.id;
    const opinion = values.opinion?.trim() ?? "";
    let result: { data?: Record<string, unknown> | null; error?: CombinedError };
    switch (act) {
      case "ACCEPT":
        result = await client.mutation(AcceptMutation, { caseId, ticketId, key }).toPromise();
        break;
      case "REFUSE":
        result = await client.mutation(RefuseMutation, { caseId, reason: values.reason!.trim(), key }).toPromise();
        break;
      case "ISSUE_MATERIAL_NOTICE":
        result = await client
          .mutation(NoticeMutation, {
            caseId,
            materials: (values.materials ?? []).map((code) => ({ code, problem: values.problems?.[code] ?? "MISSING", note: values.documentRefs?.[code]?.trim() || null })),
            key,
          })
          .toPromise();
        break;
      case "SUPPLY_MATERIALS":
        result = await client
          .mutation(SupplyMutation, {
            caseId,
            materials: (values.materials ?? []).map((code) => ({ code, documentRef: values.documentRefs?.[code]?.trim() || ta("act.SUPPLY_MATERIALS") })),
            key,
          })
          .toPromise();
        break;
      case "DECIDE_INSTANTLY":
        result = await client.mutation(InstantMutation, { caseId, decision: values.decision!, opinion, ticketId, key }).toPromise();
        break;
      case "REVIEW":
        result = await client.mutation(ReviewMutation, { caseId, opinion, key }).toPromise();
        break;
      case "DECIDE":
        result = await client.mutation(DecideMutation, { caseId, decision: values.decision!, opinion, key }).toPromise();
        break;
      case "SIGN_VETO":
        result = await client.mutation(SignVetoMutation, { caseId, opinion, key }).toPromise();
        break;
      case "DECLINE_VETO":
        result = await client.mutation(DeclineVetoMutation, { caseId, opinion, key }).toPromise();
        break;
      case "FORWARD":
        result = await client.mutation(ForwardMutation, { caseId, authority: values.authority?.trim() || null, opinion, key }).toPromise();
        break;
      case "RECORD_HIGHER_AUTHORITY_RESULT":
        result = await client
          .mutation(HigherResultMutation, { caseId, decision: values.decision!, opinion, documentNo: values.documentNo!.trim(), documentDate: values.documentDate!.trim(), key })
          .toPromise();
        break;
      case "CONCLUDE":
        result = await client.mutation(ConcludeMutation, { caseId, key }).toPromise();
        break;
      case "DELIVER":
        result = await client.mutation(DeliverMutation, { caseId, method: values.method!, note: values.note?.trim() || null, key }).toPromise();
        break;
      case "REFER":
        result = await client.mutation(ReferMutation, { caseId, toWindowId: values.toWindowId!, reason: values.reason!.trim(), key }).toPromise();
        break;
      case "SUSPEND_CLOCK":
        result = await client.mutation(SuspendMutation, { caseId, reason: values.suspendReason!, note: values.note?.trim() || null, key }).toPromise();
        break;
      case "RESUME_CLOCK":
        result = await client.mutation(ResumeMutation, { caseId, note: values.note?.trim() || null, key }).toPromise();
        break;
      case "EXTEND_DEADLINE":
        result = await client
          .mutation(ExtendMutation, { caseId, workingDays: values.workingDays!, reason: values.reason!.trim(), applicantNotice: values.applicantNotice!.trim(), key })
          .toPromise();
        break;
      case "VERIFY_COMMITMENT":
        result = await client.mutation(VerifyMutation, { caseId, result: values.verifyResult!, opinion, key }).toPromise();
        break;
      default:
        result = {};
    }
    setBusy(false);
    const failed = actProblem(result.error);
    if (failed) {
      setProblem(failed);
      if (failed.field && FORM_FIELDS.has(failed.field)) {
        form.setFields([{ name: failed.field as keyof Values, errors: [failed.areaKey ? ta(failed.areaKey, failed.vars) : ta("err.fieldGeneric")] }]);
      }
      return;
    }
    const updated = result.data ? (Object.values(result.data)[0] as Found | undefined) : undefined;
    if (updated) onDone(updated, act);
  };

  const opinionField = (label: WorkbenchMessageKey = "form.opinion") => (
    <Form.Item name="opinion" label={ta(label)} rules={required}>
      <Input.TextArea rows={3} maxLength={4000} autoFocus data-testid="act-opinion" />
    </Form.Item>
  );
  const decisionField = (denyLabel: WorkbenchMessageKey = "form.deny") => (
    <Form.Item name="decision" label={ta("form.decision")} rules={[{ required: true, message: ta("form.required") }]} initialValue="APPROVE">
      <Radio.Group data-testid="act-decision">
        <Radio value="APPROVE">{ta("form.approve")}</Radio>
        <Radio value="DENY">{ta(denyLabel)}</Radio>
      </Radio.Group>
    </Form.Item>
  );

  let body: React.ReactNode = null;
  switch (act) {
    case "ACCEPT":
      body = <p>{ta("form.acceptHint")}</p>;
      break;
    case "CONCLUDE":
      body = null;
      break;
    case "REFUSE":
      body = (
        <Form.Item name="reason" label={ta("form.reason")} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} autoFocus data-testid="act-reason" />
        </Form.Item>
      );
      break;
    case "ISSUE_MATERIAL_NOTICE":
    case "SUPPLY_MATERIALS": {
      const notice = act === "ISSUE_MATERIAL_NOTICE";
      const choices = notice
        ? found.judgedBy.materials.map((material) => ({ code: material.code, name: material.name }))
        : unsupplied.map((request) => ({ code: request.code, name: request.name }));
      body = (
        <>
          <p>{ta(notice ? "form.noticeHint" : "form.supplyHint")}</p>
          <Form.Item name="materials" label={ta("wb.materials")} rules={[{ required: true, type: "array", min: 1, message: ta("form.noticePick") }]}>
            <Checkbox.Group style={{ width: "100%" }} data-testid="act-materials">
              <Space direction="vertical" style={{ width: "100%" }}>
                {choices.map((choice) => (
                  <Checkbox key={choice.code} value={choice.code} data-testid={`act-material-${choice.code}`}>
                    {choice.name}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              (form.getFieldValue("materials") as string[] | undefined)?.map((code) => {
                const name = choices.find((choice) => choice.code === code)?.name ?? code;
                return (
                  <fieldset key={code} className="wb-material-line">
                    <legend>{name}</legend>
                    {notice && (
                      <Form.Item name={["problems", code]} label={ta("form.problem")} initialValue="MISSING">
                        <Radio.Group>
                          <Radio value="MISSING">{ta("form.problemMissing")}</Radio>
                          <Radio value="WRONG">{ta("form.problemWrong")}</Radio>
                        </Radio.Group>
                      </Form.Item>
                    )}
                    <Form.Item name={["documentRefs", code]} label={ta(notice ? "form.note" : "form.documentRef")}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </fieldset>
                );
              })
            }
          </Form.Item>
        </>
      );
      break;
    }
    case "DECIDE_INSTANTLY":
      body = (
        <>
          {decisionField()}
          {opinionField()}
        </>
      );
      break;
    case "DECIDE":
      body = (
        <>
          {decisionField("form.deny")}
          {opinionField()}
        </>
      );
      break;
    case "REVIEW":
    case "SIGN_VETO":
    case "DECLINE_VETO":
      body = opinionField();
      break;
    case "FORWARD":
      body = (
        <>
          <Form.Item name="authority" label={ta("form.authority")}>
            <Input maxLength={200} />
          </Form.Item>
          {opinionField()}
        </>
      );
      break;
    case "RECORD_HIGHER_AUTHORITY_RESULT":
      body = (
        <>
          {decisionField()}
          <Form.Item name="documentNo" label={ta("form.documentNo")} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="documentDate" label={ta("form.documentDate")} rules={required}>
            <Input maxLength={10} placeholder="2026-03-02" />
          </Form.Item>
          {opinionField()}
        </>
      );
      break;
    case "DELIVER":
      body = (
        <>
          <Form.Item name="method" label={ta("form.method")} initialValue="AT_WINDOW" rules={[{ required: true, message: ta("form.required") }]}>
            <Radio.Group>
              {(["AT_WINDOW", "BY_POST", "ELECTRONIC"] as const).map((method) => (
                <Radio key={method} value={method}>{ta(`form.method.${method}`)}</Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={ta("form.note")}>
            <Input maxLength={1000} />
          </Form.Item>
        </>
      );
      break;
    case "REFER":
      body = (
        <>
          <ReferTarget found={found} />
          <Form.Item name="reason" label={ta("form.reason")} rules={required}>
            <Input.TextArea rows={2} maxLength={4000} data-testid="act-reason" />
          </Form.Item>
        </>
      );
      break;
    case "SUSPEND_CLOCK":
      body = (
        <>
          <Form.Item name="suspendReason" label={ta("form.suspendReason")} initialValue="SITE_INSPECTION" rules={[{ required: true, message: ta("form.required") }]}>
            <Radio.Group>
              {(["SITE_INSPECTION", "EXPERT_REVIEW", "HEARING", "SUPPLEMENTING_MATERIALS"] as const).map((reason) => (
                <Radio key={reason} value={reason}>{ta(`form.suspend.${reason}`)}</Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={ta("form.note")}>
            <Input maxLength={1000} />
          </Form.Item>
        </>
      );
      break;
    case "RESUME_CLOCK":
      body = (
        <Form.Item name="note" label={ta("form.note")}>
          <Input maxLength={1000} />
        </Form.Item>
      );
      break;
    case "EXTEND_DEADLINE":
      body = (
        <>
          <Form.Item name="workingDays" label={ta("form.workingDays")} rules={[{ required: true, message: ta("form.required") }]}>
            <InputNumber min={1} max={365} precision={0} />
          </Form.Item>
          <Form.Item name="reason" label={ta("form.reason")} rules={required}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name="applicantNotice" label={ta("form.applicantNotice")} rules={required}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </>
      );
      break;
    case "VERIFY_COMMITMENT":
      body = (
        <>
          <Form.Item name="verifyResult" label={ta("form.verifyResult")} initialValue="VERIFIED" rules={[{ required: true, message: ta("form.required") }]}>
            <Radio.Group>
              <Radio value="VERIFIED">{ta("form.verified")}</Radio>
              <Radio value="BREACHED">{ta("form.breached")}</Radio>
            </Radio.Group>
          </Form.Item>
          {opinionField()}
        </>
      );
      break;
    default:
      body = <p>{ta("act.countyMeetingElsewhere")}</p>;
  }

  return (
    <Modal
      open
      title={`${ta(`act.${act}`)} · ${found.receiptNo}`}
      onCancel={onClose}
      okText={ta("form.confirm")}
      cancelText={ta("form.cancel")}
      okButtonProps={{ loading: busy, danger: act === "REFUSE", autoFocus: act === "ACCEPT" || act === "CONCLUDE", disabled: act === "RECORD_COUNTY_MEETING_DECISION" }}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="act-dialog"
    >
      <Form form={form} layout="vertical" onFinish={run} requiredMark={false} data-testid={`act-form-${act}`}>
        {body}
      </Form>
      <ProblemNotice problem={problem} />
    </Modal>
  );
}

/** 首问负责: the open windows that may take the case's department; the service checks the choice again. */
function ReferTarget({ found }: { found: Found }) {
  const { ta } = useWorkbenchT();
  const [{ data }] = useQuery({ query: ReferWindowsQuery, variables: { centerCode: CENTER_CODE } });
  const options = (data?.windows ?? [])
    .filter((window) => window.open && window.id !== found.window?.id && (window.department?.id === found.department.id || window.actsFor.some((d) => d.id === found.department.id)))
    .map((window) => ({ value: window.id, label: `${window.code} ${window.name}` }));
  return (
    <Form.Item name="toWindowId" label={ta("form.toWindow")} rules={[{ required: true, message: ta("form.required") }]}>
      <Select options={options} showSearch optionFilterProp="label" data-testid="act-window" aria-label={ta("form.toWindow")} />
    </Form.Item>
  );
}
