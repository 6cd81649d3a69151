import { Alert, Button, Card, Descriptions, Form, Input, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useClient } from "urql";
import type { CombinedError } from "@urql/core";
import { ErrorNotice } from "../components/ErrorNotice";
import type { VerifyDocumentQuery as VerifyResult } from "../gql/graphql";
import { formatDay } from "../lib/format";
import { useResultsT, type ResultsMessageKey } from "../lib/messages-results";
import { VerifyDocumentQuery } from "../lib/queries-results";
import { navigate } from "../lib/router";

type Verification = NonNullable<VerifyResult["verifyDocument"]>;
type Answer = { kind: "found"; verification: Verification } | { kind: "not-found" } | { kind: "error"; error: CombinedError };

// Solid and dark enough for white text (WCAG 1.4.3): Ant Design's light preset tags are not.
const STATUS_COLOR: Record<string, string> = { VALID: "#1b5e20", REVOKED: "#b71c1c", EXPIRED: "#8a4b00", REPLACED: "#5d4a00" };

/** 核验: the public check of a verification code (/verify, and /verify/<code> where a QR code points). */
export function Verify({ code }: { code: string | null }) {
  const tr = useResultsT();
  const client = useClient();
  const [form] = Form.useForm<{ code: string }>();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);

  const check = async (value: string) => {
    setBusy(true);
    setAnswer(null);
    const result = await client.query(VerifyDocumentQuery, { code: value.trim() }, { requestPolicy: "network-only" }).toPromise();
    setBusy(false);
    if (result.error) return setAnswer({ kind: "error", error: result.error });
    const verification = result.data?.verifyDocument;
    setAnswer(verification ? { kind: "found", verification } : { kind: "not-found" });
  };

  // A QR code's address carries the code: checked at once.
  useEffect(() => {
    if (!code) return;
    form.setFieldsValue({ code });
    void check(code);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code]);

  const found = answer?.kind === "found" ? answer.verification : null;
  return (
    <div style={{ maxWidth: 640, margin: "0 auto" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{tr("verify.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{tr("verify.intro")}</Typography.Paragraph>
      <Card>
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          data-testid="verify-form"
          onFinish={({ code: typed }) => {
            const path = `/verify/${encodeURIComponent(typed.trim())}`;
            // The address names the code, so the answer can be bookmarked or shared; the same code checks again.
            if (window.location.pathname === path) void check(typed);
            else navigate(path);
          }}
        >
          <Form.Item name="code" label={tr("verify.code")} rules={[{ required: true, whitespace: true, message: tr("verify.required") }]}>
            <Input data-testid="verify-input" autoComplete="off" spellCheck={false} placeholder={tr("verify.codePlaceholder")} maxLength={24} style={{ fontFamily: "monospace" }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="verify-submit" block>
            {tr("verify.submit")}
          </Button>
        </Form>
      </Card>
      <div aria-live="polite" style={{ marginTop: 16 }} data-testid="verify-answer">
        {answer?.kind === "not-found" && <Alert type="warning" showIcon title={tr("verify.notFound")} data-testid="verify-not-found" />}
        {answer?.kind === "error" && <ErrorNotice error={answer.error} />}
        {found && (
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr("verify.result")}</h2>} data-testid="verify-found">
            {found.licenceStatus && (
              <p style={{ fontSize: 18, marginTop: 0 }}>
                <span>{tr("verify.status")}</span>{" "}
                <Tag color={STATUS_COLOR[found.licenceStatus]} style={{ fontSize: 16, padding: "2px 10px" }} data-testid="verify-status" data-status={found.licenceStatus}>
                  {tr(`licence.status.${found.licenceStatus}` as ResultsMessageKey)}
                </Tag>
              </p>
            )}
            {found.replacedByNo && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={tr("verify.replacedBy", { no: found.replacedByNo })} />}
            <Typography.Paragraph>{tr("verify.genuine", { center: found.centerName })}</Typography.Paragraph>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={tr("verify.kind")}>{tr(`document.kind.${found.kind}` as ResultsMessageKey)}</Descriptions.Item>
              <Descriptions.Item label={tr("verify.title")}>{found.title}</Descriptions.Item>
              <Descriptions.Item label={tr("verify.documentNo")}>{found.documentNo}</Descriptions.Item>
              {found.licenceNo && <Descriptions.Item label={tr("verify.licenceNo")}>{found.licenceNo}</Descriptions.Item>}
              {found.validFrom && (
                <Descriptions.Item label={tr("verify.validity")}>
                  {tr("verify.validityRange", { from: formatDay(found.validFrom), until: found.validUntil ? formatDay(found.validUntil) : tr("verify.longTerm") })}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={tr("verify.issuedAt")}>{formatDay(found.issuedAt)}</Descriptions.Item>
              <Descriptions.Item label={tr("verify.department")}>{found.departmentName}</Descriptions.Item>
              <Descriptions.Item label={tr("verify.item")}>{found.itemName}</Descriptions.Item>
              <Descriptions.Item label={tr("verify.sha256")}>
                <code style={{ wordBreak: "break-all", fontSize: 12 }}>{found.sha256}</code>
                <div><Typography.Text type="secondary">{tr("verify.sha256Help")}</Typography.Text></div>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        )}
      </div>
    </div>
  );
}
