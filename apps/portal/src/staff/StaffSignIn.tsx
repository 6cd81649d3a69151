import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useClient } from "urql";
import type { CombinedError } from "@urql/core";
import { ErrorNotice } from "../components/ErrorNotice";
import { describeError } from "../lib/errors";
import { navigate } from "../lib/router";
import { REFRESH_HEADERS, signedIn } from "../lib/session";
import { asksForChallenge, signInWithChallenge } from "../lib/sign-in";
import { useStaffT, type StaffMessageKey } from "./messages-staff";
import { StaffLoginMutation } from "./queries-staff";

interface Values {
  username: string;
  password: string;
}

const ANSWERED: Record<string, StaffMessageKey> = {
  INVALID_CREDENTIALS: "staff.signIn.INVALID_CREDENTIALS",
  ACCOUNT_LOCKED: "staff.signIn.ACCOUNT_LOCKED",
  LOGIN_UNAVAILABLE: "staff.signIn.LOGIN_UNAVAILABLE",
};

type Outcome = { kind: "message"; key: StaffMessageKey } | { kind: "error"; error: CombinedError } | null;

/** 工作人员登录: by user name (the staff code in lower case); the refresh token goes to the cookie. */
export function StaffSignIn({ destination }: { destination: string }) {
  const { ta } = useStaffT();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const onFinish = async (values: Values) => {
    setBusy(true);
    setOutcome(null);
    const result = await signInWithChallenge(
      client,
      (challenge) =>
        client
          .mutation(StaffLoginMutation, { input: { username: values.username.trim().toLowerCase(), password: values.password, challenge } }, { fetchOptions: { headers: { ...REFRESH_HEADERS } } })
          .toPromise(),
      setVerifying,
    );
    setBusy(false);
    const login = result.data?.login;
    if (result.error || !login) {
      const code = describeError(result.error)?.code ?? "";
      if (asksForChallenge(code)) setOutcome({ kind: "message", key: "staff.signIn.CHALLENGE_REQUIRED" });
      else if (ANSWERED[code]) setOutcome({ kind: "message", key: ANSWERED[code] });
      else if (result.error) setOutcome({ kind: "error", error: result.error });
      return;
    }
    signedIn(login.accessToken, login.expiresAt, { id: login.staff.id, kind: "STAFF", name: login.staff.name });
    navigate(destination, { replace: true });
  };

  const required = [{ required: true, whitespace: true, message: ta("staff.signIn.required") }];
  return (
    <div style={{ maxWidth: 480, margin: "0 auto" }} data-testid="staff-sign-in-page">
      <Typography.Title level={1} style={{ fontSize: 24 }}>{ta("staff.signIn.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{ta("staff.signIn.intro")}</Typography.Paragraph>
      <Card>
        <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="staff-sign-in-form">
          <Form.Item name="username" label={ta("staff.signIn.username")} rules={required}>
            <Input autoComplete="username" maxLength={64} data-testid="staff-username" />
          </Form.Item>
          <Form.Item name="password" label={ta("staff.signIn.password")} rules={[{ required: true, message: ta("staff.signIn.required") }]}>
            <Input.Password autoComplete="current-password" data-testid="staff-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="staff-sign-in-submit">{ta("staff.signIn.submit")}</Button>
        </Form>
        <div aria-live="polite" style={{ marginTop: 12 }}>
          {verifying && <Alert type="info" showIcon title={ta("staff.signIn.verifying")} role="status" />}
          {outcome?.kind === "message" && <Alert type="error" showIcon title={ta(outcome.key)} data-testid="staff-sign-in-refused" role="alert" />}
          {outcome?.kind === "error" && <ErrorNotice error={outcome.error} />}
        </div>
      </Card>
    </div>
  );
}
