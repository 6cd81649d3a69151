import { Alert, Button, Card, Form, Input, List, Radio, Space, Typography } from "antd";
import { useRef, useState } from "react";
import { useClient, useQuery } from "urql";
import type { CombinedError } from "@urql/core";
import type { MyCaseQuery } from "../gql/graphql";
import { formatDateTime } from "../lib/format";
import { formatBytes, useApplyT, type ApplyMessageKey } from "../lib/messages-apply";
import { AddToRatingMutation, CaseRatingQuery, RateCaseMutation, SupplyMaterialsMutation } from "../lib/queries-apply";
import { downloadFile } from "../lib/uploads";
import { ErrorNotice } from "./ErrorNotice";
import { MaterialUploadLine, stillUploading, uploadedIds, type LineFile } from "./MaterialUpload";

type Found = NonNullable<MyCaseQuery["case"]>;

/** 一次性告知: each line the notice asks for, with its upload; handed in together by supplyMaterials. */
export function AnswerNotice({ found, onDone }: { found: Found; onDone: () => void }) {
  const { ta } = useApplyT();
  const client = useClient();
  const open = found.materialRequests.filter((request) => !request.suppliedAt);
  const [lines, setLines] = useState<Record<string, LineFile[]>>({});
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const idempotencyKey = useRef<string | null>(null);
  if (open.length === 0) return null;
  const missing = open.filter((request) => uploadedIds(lines[request.code]).length === 0);

  const submit = async () => {
    setChecked(true);
    if (missing.length > 0 || stillUploading(lines)) return;
    setBusy(true);
    setError(undefined);
    idempotencyKey.current ??= crypto.randomUUID();
    const materials = open.map((request) => ({ code: request.code, fileIds: uploadedIds(lines[request.code]) }));
    const result = await client.mutation(SupplyMaterialsMutation, { caseId: found.id, materials, idempotencyKey: idempotencyKey.current }).toPromise();
    setBusy(false);
    if (result.error) return setError(result.error);
    onDone();
  };

  return (
    <Card title={<h2 className="card-heading">{ta("supply.heading")}</h2>} style={{ marginTop: 16 }} className="no-print" data-testid="answer-notice">
      <p>{ta("supply.intro")}</p>
      <ol className="material-lines">
        {open.map((request, index) => (
          <MaterialUploadLine
            key={`${request.noticeSeq}-${request.code}`}
            index={index}
            material={{ code: request.code, name: request.name, mandatory: true, notes: request.note }}
            files={lines[request.code] ?? []}
            missingMessage={checked ? ta("supply.missing") : undefined}
            onChange={(files) => {
              idempotencyKey.current = null;
              setLines((current) => ({ ...current, [request.code]: files }));
            }}
          />
        ))}
      </ol>
      {error && <div style={{ marginBottom: 12 }}><ErrorNotice error={error} /></div>}
      <Button type="primary" loading={busy} onClick={submit} data-testid="supply-submit">{ta("supply.submit")}</Button>
    </Card>
  );
}

/** The files handed in for the case, each downloaded with the token (GET /files/<id> as a blob). */
export function MaterialFiles({ found }: { found: Found }) {
  const { ta } = useApplyT();
  const [failed, setFailed] = useState(false);
  // The material's name in the item version the case is judged by (a code means nothing to a person).
  const nameOf = (code: string) => found.judgedBy.materials.find((material) => material.code === code)?.name;
  return (
    <Card title={<h2 className="card-heading">{ta("files.heading")}</h2>} style={{ marginTop: 16 }} className="no-print-when-notice">
      {found.materialFiles.length === 0 ? (
        <p>{ta("files.none")}</p>
      ) : (
        <List
          size="small"
          data-testid="material-files"
          dataSource={found.materialFiles}
          rowKey="fileId"
          renderItem={(file) => {
            const name = file.fileName ?? file.fileId;
            return (
              <List.Item
                actions={[
                  <Button
                    key="open"
                    size="small"
                    aria-label={ta("files.openLabel", { name })}
                    data-testid="file-download"
                    onClick={async () => setFailed(!(await downloadFile(file.fileId, name).catch(() => false)))}
                  >
                    {ta("files.open")}
                  </Button>,
                ]}
              >
                <div style={{ minWidth: 0, wordBreak: "break-all" }}>
                  <div data-testid="file-name">{name}</div>
                  <div className="result-meta">
                    {[nameOf(file.materialCode) ?? file.materialCode, formatBytes(file.sizeBytes), formatDateTime(file.attachedAt)].join(" · ")}
                  </div>
                </div>
              </List.Item>
            );
          }}
        />
      )}
      {failed && <Alert type="error" role="alert" showIcon title={ta("files.gone")} />}
    </Card>
  );
}

const LEVELS = ["VERY_SATISFIED", "SATISFIED", "BASIC", "DISSATISFIED", "VERY_DISSATISFIED"] as const;
type Level = (typeof LEVELS)[number];
const BAD = new Set<Level>(["DISSATISFIED", "VERY_DISSATISFIED"]);
/** Refusals a person can act on, told with what to do next. */
const RATING_ANSWERS: Record<string, ApplyMessageKey> = {
  ALREADY_RATED: "rating.ALREADY_RATED",
  CASE_NOT_CONCLUDED: "rating.CASE_NOT_CONCLUDED",
};

function RatingRefusal({ error }: { error: CombinedError | undefined }) {
  const { ta } = useApplyT();
  const code = error?.graphQLErrors[0]?.extensions?.code;
  if (!error) return null;
  if (typeof code === "string" && RATING_ANSWERS[code]) return <Alert type="warning" role="alert" showIcon title={ta(RATING_ANSWERS[code])} data-testid="rating-refused" />;
  return <ErrorNotice error={error} />;
}

/** 好差评: once per concluded case, five levels, a comment asked for the bottom two; 追评 later; a bad rating's follow-up as it stands. */
export function RateCase({ caseId }: { caseId: string }) {
  const { ta } = useApplyT();
  const client = useClient();
  const [{ data, error: loadError }, again] = useQuery({ query: CaseRatingQuery, variables: { caseId }, requestPolicy: "cache-and-network" });
  const [form] = Form.useForm<{ level: Level; comment?: string }>();
  const [addForm] = Form.useForm<{ text: string }>();
  const level = Form.useWatch("level", form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const [added, setAdded] = useState(false);
  const rateKey = useRef<string | null>(null);
  const addKey = useRef<string | null>(null);
  const rating = data?.caseRating;

  const rate = async (values: { level: Level; comment?: string }) => {
    setBusy(true);
    setError(undefined);
    rateKey.current ??= crypto.randomUUID();
    const result = await client.mutation(RateCaseMutation, { input: { caseId, level: values.level, comment: values.comment?.trim() || null, idempotencyKey: rateKey.current } }).toPromise();
    setBusy(false);
    if (result.error) return setError(result.error);
    again({ requestPolicy: "network-only" });
  };
  const add = async ({ text }: { text: string }) => {
    setBusy(true);
    setError(undefined);
    addKey.current ??= crypto.randomUUID();
    const result = await client.mutation(AddToRatingMutation, { input: { caseId, text: text.trim(), idempotencyKey: addKey.current } }).toPromise();
    setBusy(false);
    if (result.error) return setError(result.error);
    addKey.current = null;
    addForm.resetFields();
    setAdded(true);
    again({ requestPolicy: "network-only" });
  };

  return (
    <Card title={<h2 className="card-heading">{ta("rating.heading")}</h2>} style={{ marginTop: 16 }} className="no-print-when-notice" data-testid="rating">
      {loadError && <ErrorNotice error={loadError} onRetry={() => again({ requestPolicy: "network-only" })} />}
      {!rating ? (
        <>
          <p>{ta("rating.intro")}</p>
          <Form form={form} layout="vertical" onFinish={rate} requiredMark={false} data-testid="rating-form">
            <Form.Item name="level" label={ta("rating.level")} rules={[{ required: true, message: ta("rating.chooseLevel") }]}>
              <Radio.Group optionType="button" buttonStyle="solid" className="rating-levels" options={LEVELS.map((value) => ({ value, label: ta(`rating.${value}`) }))} />
            </Form.Item>
            <Form.Item
              name="comment"
              label={level && BAD.has(level) ? ta("rating.commentRequired") : ta("rating.comment")}
              extra={level && BAD.has(level) ? undefined : ta("rating.commentNeeded")}
              dependencies={["level"]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    BAD.has(getFieldValue("level")) && !value?.trim() ? Promise.reject(new Error(ta("rating.commentNeeded"))) : Promise.resolve(),
                }),
              ]}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="rating-comment" />
            </Form.Item>
            <RatingRefusal error={error} />
            <Button type="primary" htmlType="submit" loading={busy} data-testid="rating-submit" style={{ marginTop: 8 }}>{ta("rating.submit")}</Button>
          </Form>
        </>
      ) : (
        <div data-testid="rating-given">
          <p><strong>{ta("rating.yours")}：</strong><span data-testid="rating-level">{ta(`rating.${rating.level}`)}</span> · {ta("rating.ratedAt", { when: formatDateTime(rating.ratedAt) })}</p>
          {rating.comment && <p className="prewrap" data-testid="rating-comment-given">{rating.comment}</p>}
          {rating.followUp && (
            <Alert
              type={rating.followUp.status === "ANSWERED" ? "success" : rating.followUp.status === "OVERDUE" ? "warning" : "info"}
              showIcon
              data-testid="rating-follow-up"
              title={ta("rating.followUp")}
              description={ta(`rating.followUp.${rating.followUp.status}`, {
                due: formatDateTime(rating.followUp.due),
                answer: rating.followUp.answer ? ta(`rating.answer.${rating.followUp.answer}`) : "",
                note: rating.followUp.note ?? "",
              })}
              style={{ marginBottom: 12 }}
            />
          )}
          {rating.additions.length > 0 && (
            <>
              <Typography.Text strong>{ta("rating.additions")}</Typography.Text>
              <ul data-testid="rating-additions">
                {rating.additions.map((addition) => (
                  <li key={addition.addedAt + addition.text} className="prewrap">{formatDateTime(addition.addedAt)}：{addition.text}</li>
                ))}
              </ul>
            </>
          )}
          {added && <Alert type="success" role="status" showIcon title={ta("rating.added")} style={{ marginBottom: 12 }} />}
          <Form form={addForm} layout="vertical" onFinish={add} requiredMark={false} onValuesChange={() => setAdded(false)}>
            <Form.Item name="text" label={ta("rating.addText")} rules={[{ required: true, whitespace: true, message: ta("rating.addNeeded") }]}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="rating-add-text" />
            </Form.Item>
            <RatingRefusal error={error} />
            <Space>
              <Button htmlType="submit" loading={busy} data-testid="rating-add-submit">{ta("rating.addSubmit")}</Button>
            </Space>
          </Form>
        </div>
      )}
    </Card>
  );
}
