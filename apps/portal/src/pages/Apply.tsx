import { Alert, Button, Card, Descriptions, Form, Input, Result, Skeleton, Space, Steps, Typography } from "antd";
import { useRef, useState } from "react";
import { useClient, useQuery } from "urql";
import type { CombinedError } from "@urql/core";
import { ErrorNotice } from "../components/ErrorNotice";
import { MaterialUploadLine, stillUploading, uploadedIds, type LineFile } from "../components/MaterialUpload";
import { RequireSignIn } from "../components/RequireSignIn";
import type { ApplyFormQuery, SubmitCaseMutation as SubmitCaseResult } from "../gql/graphql";
import { formatDateTime } from "../lib/format";
import { formatBytes, useApplyT, type ApplyMessageKey } from "../lib/messages-apply";
import { ApplyFormQuery as ApplyFormDocument, SubmitCaseMutation } from "../lib/queries-apply";
import { goBackOr, linkHandler } from "../lib/router";
import { UPLOAD_MAX_BYTES } from "../lib/uploads";

type Item = NonNullable<ApplyFormQuery["item"]>;
type Submitted = SubmitCaseResult["submitCase"];
interface Applicant {
  applicantName: string;
  applicantIdNumber: string;
}

/** An 18-digit resident ID (last may be X) or an 18-character unified social credit code. */
const ID_PATTERN = /^(\d{17}[\dX]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})$/;

/** Refusals of the submission a person can act on, each told with what to do next. */
const SUBMIT_ANSWERS: Record<string, ApplyMessageKey> = {
  UNKNOWN_FILE: "apply.UNKNOWN_FILE",
  UNKNOWN_ITEM: "apply.UNKNOWN_ITEM",
  UNKNOWN_MATERIAL: "apply.UNKNOWN_MATERIAL",
};

/** 网上申请回执: printable; the page's header, footer and buttons stay off the paper. */
function Receipt({ submitted, files }: { submitted: Submitted; files: number }) {
  const { t, ta } = useApplyT();
  return (
    <div data-testid="apply-done">
      <Result
        status="success"
        title={<h1 className="result-heading">{ta("apply.doneHeading")}</h1>}
        subTitle={ta("apply.doneIntro")}
        className="no-print"
      />
      <Card title={<h2 className="card-heading">{t("app.title")} · {ta("apply.receiptTitle")}</h2>} className="receipt">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={ta("apply.receiptNo")}><strong data-testid="receipt-no" className="notice-no">{submitted.receiptNo}</strong></Descriptions.Item>
          <Descriptions.Item label={ta("apply.receiptItem")}>{submitted.receipt.itemName ?? submitted.item.name}</Descriptions.Item>
          <Descriptions.Item label={ta("apply.receiptApplicant")}>{submitted.applicantName}</Descriptions.Item>
          <Descriptions.Item label={ta("apply.receiptSubmittedAt")}>{formatDateTime(submitted.submittedAt)}</Descriptions.Item>
          {submitted.receipt.promisedWorkingDays != null && (
            <Descriptions.Item label={ta("apply.receiptPromised")}>{ta("apply.receiptPromisedValue", { n: submitted.receipt.promisedWorkingDays })}</Descriptions.Item>
          )}
          <Descriptions.Item label={ta("apply.receiptFiles")}>{ta("apply.reviewFiles", { n: files })}</Descriptions.Item>
          <Descriptions.Item label={ta("apply.receiptHint")}>{submitted.receipt.lookupHint}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Space wrap className="no-print" style={{ marginTop: 16 }}>
        <Button onClick={() => window.print()} data-testid="receipt-print">{ta("apply.print")}</Button>
        <Button type="primary" href={`/my/cases/${encodeURIComponent(submitted.id)}`} onClick={linkHandler(`/my/cases/${encodeURIComponent(submitted.id)}`)} data-testid="receipt-open-case">
          {ta("apply.openCase")}
        </Button>
      </Space>
    </div>
  );
}

function ApplyForm({ item, account }: { item: Item; account: ApplyFormQuery["myCitizenAccount"] }) {
  const { t, ta } = useApplyT();
  const client = useClient();
  const [form] = Form.useForm<Applicant>();
  const [step, setStep] = useState(0);
  const [applicant, setApplicant] = useState<Applicant>({ applicantName: account?.name ?? "", applicantIdNumber: account?.idNumber ?? "" });
  const [lines, setLines] = useState<Record<string, LineFile[]>>({});
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ key?: ApplyMessageKey; error?: CombinedError } | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  // One key per submission, kept across retries of it (a lost answer then submits once); any
  // change to what is submitted makes it another submission.
  const idempotencyKey = useRef<string | null>(null);
  const changed = () => {
    idempotencyKey.current = null;
    setRefusal(null);
  };

  const missing = item.materials.filter((material) => material.mandatory && uploadedIds(lines[material.code]).length === 0);
  const fileCount = Object.values(lines).reduce((sum, files) => sum + uploadedIds(files).length, 0);
  const heading = useRef<HTMLHeadingElement>(null);
  const go = (next: number) => {
    setStep(next);
    // Focus moves to the step's heading, so a screen reader hears where the person is.
    requestAnimationFrame(() => heading.current?.focus());
  };

  if (submitted) return <Receipt submitted={submitted} files={fileCount} />;

  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    idempotencyKey.current ??= crypto.randomUUID();
    const materials = item.materials.map((material) => ({ code: material.code, fileIds: uploadedIds(lines[material.code]) })).filter((line) => line.fileIds.length > 0);
    const result = await client
      .mutation(SubmitCaseMutation, { input: { itemId: item.id, ...applicant, materials, idempotencyKey: idempotencyKey.current } }, { requestPolicy: "network-only" })
      .toPromise();
    setBusy(false);
    if (result.data?.submitCase) return setSubmitted(result.data.submitCase);
    const first = result.error?.graphQLErrors[0];
    const code = typeof first?.extensions?.code === "string" ? first.extensions.code : "";
    const field = typeof first?.extensions?.field === "string" ? first.extensions.field : "";
    if (code === "BAD_USER_INPUT" && /applicant(IdNumber|Name)$/.test(field)) {
      // Beside the field it names, on the step where it is typed.
      const name = field.endsWith("IdNumber") ? "applicantIdNumber" : "applicantName";
      go(0);
      setTimeout(() => form.setFields([{ name, errors: [ta(name === "applicantIdNumber" ? "apply.badIdNumber" : "apply.badName")] }]));
      idempotencyKey.current = null;
      return;
    }
    if (SUBMIT_ANSWERS[code]) {
      idempotencyKey.current = null;
      return setRefusal({ key: SUBMIT_ANSWERS[code] });
    }
    // A network failure or a server error: the same key goes with the retry.
    setRefusal({ error: result.error });
  };

  const stepTitles = [ta("apply.stepApplicant"), ta("apply.stepMaterials"), ta("apply.stepReview")];
  return (
    <div data-testid="apply-page">
      <Typography.Title level={1} style={{ fontSize: 22, wordBreak: "break-word" }}>{ta("apply.heading", { item: item.name })}</Typography.Title>
      {/* The steps are a picture of the way; the heading below says the step in words. */}
      <div aria-hidden="true" style={{ marginBottom: 16 }}>
        <Steps current={step} size="small" items={stepTitles.map((title) => ({ title }))} />
      </div>
      <Card>
        <h2 className="card-heading step-heading" ref={heading} tabIndex={-1} data-testid="apply-step">
          {step + 1}/3 · {stepTitles[step]}
        </h2>
        {step === 0 && (
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={applicant}
            onValuesChange={changed}
            onFinish={(values) => {
              setApplicant({ applicantName: values.applicantName.trim(), applicantIdNumber: values.applicantIdNumber.trim().toUpperCase() });
              go(1);
            }}
            data-testid="apply-applicant"
          >
            <Form.Item name="applicantName" label={ta("apply.name")} rules={[{ required: true, whitespace: true, message: ta("apply.required") }, { max: 100 }]}>
              <Input maxLength={100} autoComplete="name" data-testid="apply-name" />
            </Form.Item>
            <Form.Item
              name="applicantIdNumber"
              label={ta("apply.idNumber")}
              extra={ta("apply.idNumberHelp")}
              rules={[
                { required: true, whitespace: true, message: ta("apply.required") },
                { validator: (_, value: string | undefined) => (!value || ID_PATTERN.test(value.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(ta("apply.idNumberInvalid")))) },
              ]}
            >
              <Input maxLength={18} autoComplete="off" data-testid="apply-id-number" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="apply-next">{ta("apply.next")}</Button>
          </Form>
        )}
        {step === 1 && (
          <div data-testid="apply-materials">
            <p>{ta("apply.materialsIntro", { size: formatBytes(UPLOAD_MAX_BYTES) })}</p>
            {item.materials.length === 0 ? (
              <p>{ta("apply.noMaterials")}</p>
            ) : (
              <ol className="material-lines">
                {item.materials.map((material, index) => (
                  <MaterialUploadLine
                    key={material.code}
                    index={index}
                    material={material}
                    files={lines[material.code] ?? []}
                    missingMessage={checked && material.mandatory ? ta("apply.missing") : undefined}
                    onChange={(files) => {
                      changed();
                      setLines((current) => ({ ...current, [material.code]: files }));
                    }}
                  />
                ))}
              </ol>
            )}
            {checked && missing.length > 0 && <Alert type="warning" showIcon title={ta("apply.missingSummary", { n: missing.length })} data-testid="apply-missing" style={{ marginBottom: 12 }} />}
            {stillUploading(lines) && <Alert type="info" showIcon title={ta("apply.uploading")} style={{ marginBottom: 12 }} />}
            <Space wrap>
              <Button onClick={() => go(0)}>{ta("apply.previous")}</Button>
              <Button
                type="primary"
                data-testid="apply-next"
                onClick={() => {
                  setChecked(true);
                  if (missing.length === 0 && !stillUploading(lines)) go(2);
                }}
              >
                {ta("apply.next")}
              </Button>
            </Space>
          </div>
        )}
        {step === 2 && (
          <div data-testid="apply-review">
            <p>{ta("apply.reviewIntro")}</p>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={ta("apply.name")}>{applicant.applicantName}</Descriptions.Item>
              <Descriptions.Item label={ta("apply.idNumber")}>{applicant.applicantIdNumber}</Descriptions.Item>
              {item.materials.map((material) => {
                const files = (lines[material.code] ?? []).filter((file) => file.status === "done");
                return (
                  <Descriptions.Item key={material.code} label={material.name}>
                    {files.length === 0 ? ta("apply.reviewNone") : files.map((file) => file.name).join("、")}
                  </Descriptions.Item>
                );
              })}
            </Descriptions>
            {refusal?.key && <Alert type="error" role="alert" showIcon title={ta(refusal.key)} data-testid="apply-refused" style={{ marginTop: 12 }} />}
            {refusal?.error && <div style={{ marginTop: 12 }}><ErrorNotice error={refusal.error} /></div>}
            <Space wrap style={{ marginTop: 16 }}>
              <Button onClick={() => go(1)} disabled={busy}>{ta("apply.previous")}</Button>
              <Button type="primary" loading={busy} onClick={submit} data-testid="apply-submit">{busy ? ta("apply.submitting") : ta("apply.submit")}</Button>
            </Space>
          </div>
        )}
      </Card>
    </div>
  );
}

function ApplyLoader({ itemId }: { itemId: string }) {
  const { t, ta } = useApplyT();
  const [{ data, fetching, error }, again] = useQuery({ query: ApplyFormDocument, variables: { id: itemId }, requestPolicy: "network-only" });
  if (fetching && !data) return <Skeleton active aria-label={ta("apply.loading")} />;
  if (error) return <ErrorNotice error={error} onRetry={() => again({ requestPolicy: "network-only" })} />;
  if (!data?.item) return <Result status="404" title={t("item.notFound")} />;
  return <ApplyForm item={data.item} account={data.myCitizenAccount ?? null} />;
}

/** 网上申请: the applicant fills in, uploads each material, checks and submits, then keeps the receipt. */
export function Apply({ itemId }: { itemId: string }) {
  const { ta } = useApplyT();
  const back = `/items/${encodeURIComponent(itemId)}`;
  return (
    <div>
      <a href={back} className="back-link no-print" onClick={(event) => { event.preventDefault(); goBackOr(back); }}>← {ta("apply.back")}</a>
      <RequireSignIn message={ta("apply.signInFirst")}>
        <ApplyLoader itemId={itemId} />
      </RequireSignIn>
    </div>
  );
}
