import { Alert, Button, Card, Form, Input, Tabs, Typography } from "antd";
import { useState } from "react";
import { useClient } from "urql";
import type { CombinedError } from "@urql/core";
import { ErrorNotice } from "../components/ErrorNotice";
import { useT } from "../lib/i18n";
import type { MessageKey } from "../lib/messages";
import { LoginCitizenMutation, RegisterCitizenMutation } from "../lib/queries";
import { navigate } from "../lib/router";
import { REFRESH_HEADERS, signedIn } from "../lib/session";
import { asksForChallenge, signInWithChallenge } from "../lib/sign-in";

interface SignInValues {
  idNumber: string;
  password: string;
}
interface RegisterValues extends SignInValues {
  name: string;
  phone: string;
  passwordAgain: string;
}

/** Refusals of a sign-in or registration a person can act on, each with what to do next. */
const ANSWERED: Record<string, MessageKey> = {
  INVALID_CREDENTIALS: "auth.INVALID_CREDENTIALS",
  ACCOUNT_LOCKED: "auth.ACCOUNT_LOCKED",
  CITIZEN_ALREADY_REGISTERED: "auth.CITIZEN_ALREADY_REGISTERED",
  LOGIN_UNAVAILABLE: "auth.LOGIN_UNAVAILABLE",
};

type Outcome = { kind: "message"; key: MessageKey } | { kind: "error"; error: CombinedError } | null;

/** Where a refusal goes: beside the field the gateway names, as a plain sentence, or the general notice. */
function outcomeOf(error: CombinedError, setFieldError: (field: string) => boolean): Outcome {
  const first = error.graphQLErrors[0];
  const code = typeof first?.extensions?.code === "string" ? first.extensions.code : "";
  const field = typeof first?.extensions?.field === "string" ? first.extensions.field.split(".").pop()! : "";
  if (code === "BAD_USER_INPUT" && field && setFieldError(field)) return null;
  if (asksForChallenge(code)) return { kind: "message", key: "auth.CHALLENGE_REQUIRED" };
  if (ANSWERED[code]) return { kind: "message", key: ANSWERED[code] };
  return { kind: "error", error };
}

const FIELD_MESSAGES: Record<string, MessageKey> = {
  idNumber: "field.idNumber",
  password: "auth.passwordHelp",
  phone: "auth.phoneInvalid",
  name: "field.invalid",
};

export function SignIn() {
  const t = useT();
  const client = useClient();
  const [signInForm] = Form.useForm<SignInValues>();
  const [registerForm] = Form.useForm<RegisterValues>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [verifying, setVerifying] = useState(false);
  const next = new URLSearchParams(window.location.search).get("next");
  // Only a page of the portal: never another site.
  const destination = next && /^\/[A-Za-z0-9/_-]*$/.test(next) && !next.startsWith("//") ? next : "/my";

  const fieldSetter = (form: typeof signInForm | typeof registerForm) => (field: string) => {
    const key = FIELD_MESSAGES[field];
    if (!key) return false;
    form.setFields([{ name: field as never, errors: [t(key)] }]);
    return true;
  };

  const attemptSignIn = (values: SignInValues, challenge: string | null) =>
    client
      .mutation(
        LoginCitizenMutation,
        { input: { idNumber: values.idNumber.trim().toUpperCase(), password: values.password, challenge } },
        { fetchOptions: { headers: { ...REFRESH_HEADERS } } },
      )
      .toPromise();

  const signIn = async (values: SignInValues, form: typeof signInForm | typeof registerForm): Promise<boolean> => {
    const result = await signInWithChallenge(client, (challenge) => attemptSignIn(values, challenge), setVerifying);
    const login = result.data?.loginCitizen;
    if (result.error || !login) {
      if (result.error) setOutcome(outcomeOf(result.error, fieldSetter(form)));
      return false;
    }
    signedIn(login.accessToken, login.expiresAt, login.account);
    navigate(destination, { replace: true });
    return true;
  };

  const onSignIn = async (values: SignInValues) => {
    setBusy(true);
    setOutcome(null);
    await signIn(values, signInForm);
    setBusy(false);
  };

  const onRegister = async (values: RegisterValues) => {
    setBusy(true);
    setOutcome(null);
    const result = await client
      .mutation(RegisterCitizenMutation, {
        input: { name: values.name.trim(), idNumber: values.idNumber.trim().toUpperCase(), phone: values.phone.trim(), password: values.password },
      })
      .toPromise();
    if (result.error) setOutcome(outcomeOf(result.error, fieldSetter(registerForm)));
    else await signIn(values, registerForm);
    setBusy(false);
  };

  const required = [{ required: true, whitespace: true, message: t("auth.required") }];
  const idNumber = (
    <Form.Item name="idNumber" label={t("auth.idNumber")} extra={t("auth.idNumberHelp")} rules={required}>
      <Input autoComplete="username" maxLength={18} data-testid="auth-id" />
    </Form.Item>
  );

  return (
    <div style={{ maxWidth: 520, margin: "0 auto" }} data-testid="sign-in-page">
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t("auth.heading")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("auth.intro")}</Typography.Paragraph>
      <Card>
        <Tabs
          onChange={() => setOutcome(null)}
          items={[
            {
              key: "sign-in",
              label: t("auth.tabSignIn"),
              children: (
                <Form form={signInForm} layout="vertical" onFinish={onSignIn} requiredMark={false} data-testid="sign-in-form">
                  {idNumber}
                  <Form.Item name="password" label={t("auth.password")} rules={[{ required: true, message: t("auth.required") }]}>
                    <Input.Password autoComplete="current-password" data-testid="auth-password" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy} block data-testid="sign-in-submit">{t("auth.submitSignIn")}</Button>
                </Form>
              ),
            },
            {
              key: "register",
              label: t("auth.tabRegister"),
              children: (
                <Form form={registerForm} layout="vertical" onFinish={onRegister} requiredMark={false} data-testid="register-form">
                  <Form.Item name="name" label={t("auth.name")} rules={required}>
                    <Input autoComplete="name" maxLength={100} data-testid="register-name" />
                  </Form.Item>
                  {idNumber}
                  <Form.Item name="phone" label={t("auth.phone")} rules={[...required, { pattern: /^1\d{10}$/, message: t("auth.phoneInvalid") }]}>
                    <Input autoComplete="tel" inputMode="tel" maxLength={11} data-testid="register-phone" />
                  </Form.Item>
                  <Form.Item name="password" label={t("auth.password")} extra={t("auth.passwordHelp")} rules={[{ required: true, message: t("auth.required") }]}>
                    <Input.Password autoComplete="new-password" data-testid="register-password" />
                  </Form.Item>
                  <Form.Item
                    name="passwordAgain"
                    label={t("auth.passwordAgain")}
                    dependencies={["password"]}
                    rules={[
                      { required: true, message: t("auth.required") },
                      ({ getFieldValue }) => ({
                        validator: (_, value) => (value === getFieldValue("password") ? Promise.resolve() : Promise.reject(new Error(t("auth.passwordsDiffer")))),
                      }),
                    ]}
                  >
                    <Input.Password autoComplete="new-password" data-testid="register-password-again" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy} block data-testid="register-submit">{t("auth.submitRegister")}</Button>
                </Form>
              ),
            },
          ]}
        />
        <div aria-live="polite" data-testid="auth-answer">
          {verifying && <Alert type="info" showIcon title={t("auth.verifying")} data-testid="auth-verifying" role="status" />}
          {outcome?.kind === "message" && <Alert type="error" showIcon title={t(outcome.key)} data-testid="auth-refused" role="alert" />}
          {outcome?.kind === "error" && <ErrorNotice error={outcome.error} />}
        </div>
      </Card>
    </div>
  );
}
