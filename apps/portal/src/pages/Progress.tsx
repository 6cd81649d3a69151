import { Alert, Button, Card, Descriptions, Form, Input, List, Tag, Typography } from "antd";
import { useState } from "react";
import { useClient } from "urql";
import type { CombinedError } from "@urql/core";
import { ErrorNotice } from "../components/ErrorNotice";
import type { CaseProgressQuery as CaseProgressResult } from "../gql/graphql";
import { ChallengeUnsolved, solveChallenge } from "../lib/challenge";
import { describeError, fieldMessage } from "../lib/errors";
import { formatDay } from "../lib/format";
import { useT } from "../lib/i18n";
import type { MessageKey } from "../lib/messages";
import { CaseProgressQuery, ProgressLookupChallengeQuery } from "../lib/queries";

interface Values {
  receiptNo: string;
  idNumber: string;
}

type Answer =
  | { kind: "found"; progress: NonNullable<CaseProgressResult["caseProgress"]> }
  | { kind: "not-found" }
  | { kind: "error"; error: CombinedError }
  | { kind: "unsolved" };

export function Progress() {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);

  const lookUp = async (values: Values) => {
    setBusy(true);
    setAnswer(null);
    form.setFields([
      { name: "receiptNo", errors: [] },
      { name: "idNumber", errors: [] },
    ]);
    // An anonymous look-up carries a solved proof-of-work challenge, fetched fresh for each one
    // (it is good once): the browser works about a second in the background, nothing to click.
    const issued = await client.query(ProgressLookupChallengeQuery, {}, { requestPolicy: "network-only" }).toPromise();
    if (issued.error || !issued.data) {
      setBusy(false);
      setAnswer({ kind: "error", error: issued.error! });
      return;
    }
    let challenge: string;
    setVerifying(true);
    try {
      challenge = await solveChallenge(issued.data.progressLookupChallenge.altcha);
    } catch (error) {
      if (!(error instanceof ChallengeUnsolved)) throw error;
      setBusy(false);
      setAnswer({ kind: "unsolved" });
      return;
    } finally {
      setVerifying(false);
    }
    const result = await client
      .query(CaseProgressQuery, { receiptNo: values.receiptNo.trim(), idNumber: values.idNumber.trim().toUpperCase(), challenge }, { requestPolicy: "network-only" })
      .toPromise();
    setBusy(false);
    if (result.error) {
      const described = describeError(result.error);
      // Bad input is told beside the field the gateway names.
      const field = described?.field?.split(".")[0];
      if (described?.code === "BAD_USER_INPUT" && (field === "receiptNo" || field === "idNumber")) {
        form.setFields([{ name: field, errors: [t(fieldMessage(described.field!))] }]);
        return;
      }
      setAnswer({ kind: "error", error: result.error });
      return;
    }
    const progress = result.data?.caseProgress;
    setAnswer(progress ? { kind: "found", progress } : { kind: "not-found" });
  };

  return (
    <div style={{ maxWidth: 640, margin: "0 auto" }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t("progress.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("progress.intro")}</Typography.Paragraph>
      <Card>
        <Form form={form} layout="vertical" onFinish={lookUp} requiredMark={false} data-testid="progress-form">
          <Form.Item name="receiptNo" label={t("progress.receiptNo")} rules={[{ required: true, whitespace: true, message: t("progress.required") }]}>
            <Input data-testid="receipt-input" autoComplete="off" placeholder={t("progress.receiptNoPlaceholder")} />
          </Form.Item>
          <Form.Item name="idNumber" label={t("progress.idNumber")} rules={[{ required: true, whitespace: true, message: t("progress.required") }]}>
            <Input data-testid="id-input" autoComplete="off" placeholder={t("progress.idNumberPlaceholder")} maxLength={18} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="progress-submit" block>
            {t("progress.submit")}
          </Button>
        </Form>
      </Card>
      <div aria-live="polite" style={{ marginTop: 16 }} data-testid="progress-answer">
        {answer?.kind === "not-found" && <Alert type="warning" showIcon title={t("progress.notFound")} data-testid="progress-not-found" />}
        {verifying && <Alert type="info" showIcon title={t("progress.verifying")} data-testid="progress-verifying" />}
        {answer?.kind === "error" && <ErrorNotice error={answer.error} />}
        {answer?.kind === "unsolved" && <Alert type="error" role="alert" showIcon title={t("error.CHALLENGE_UNSOLVED")} data-testid="progress-unsolved" />}
        {answer?.kind === "found" && (
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("progress.result")}</h2>} data-testid="progress-found">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("progress.receiptNo")}>{answer.progress.receiptNo}</Descriptions.Item>
              <Descriptions.Item label={t("progress.stage")}>
                <Tag color="blue">{t(`stage.${answer.progress.stage}` as MessageKey)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t("progress.deadline")}>
                {answer.progress.deadlineDay ? formatDay(answer.progress.deadlineDay) : answer.progress.deadline ? formatDay(answer.progress.deadline) : t("progress.noDeadline")}
              </Descriptions.Item>
            </Descriptions>
            {answer.progress.onHold && <Alert type="info" showIcon title={t("progress.onHold")} style={{ marginBottom: 12 }} />}
            {answer.progress.missingMaterials.length > 0 && (
              <List
                size="small"
                header={<strong>{t("progress.missing")}</strong>}
                dataSource={answer.progress.missingMaterials}
                renderItem={(material) => (
                  <List.Item>
                    <span>{material.name}</span>
                    <span>
                      <Tag>{t(`problem.${material.problem}` as MessageKey)}</Tag>
                      {material.dueDay && t("progress.dueDay", { day: formatDay(material.dueDay) })}
                    </span>
                  </List.Item>
                )}
              />
            )}
          </Card>
        )}
      </div>
    </div>
  );
}
