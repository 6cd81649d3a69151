import { Alert, Button, Form, Input } from "antd";
import { useState } from "react";
import { useMutation } from "urql";
import { REFRESH_HEADERS, signedIn, useSession } from "../lib/session";
import { CallPanel, type StartedFromTicket } from "./CallPanel";
import { useHallT } from "./messages-hall";
import { StaffLoginMutation } from "./queries-hall";

/** A window's calling page (/hall/window/<id>): a clerk signs in with their staff code and calls from here; the workbench mounts the same panel. */
export function WindowPage({ windowId }: { windowId: string }) {
  const { th } = useHallT();
  const session = useSession();
  const [started, setStarted] = useState<StartedFromTicket | null>(null);
  if (session.status === "restoring") return null;
  if (session.status !== "signed-in") return <StaffSignIn />;
  return (
    <div className="hall-window-page">
      <CallPanel windowId={windowId} onCaseStarted={setStarted} />
      {started && (
        <p className="hall-window-started" data-testid="case-started">
          {th("hall.panel.caseStarted", { number: started.number })} (ticketId: <code>{started.ticketId}</code>)
        </p>
      )}
    </div>
  );
}

function StaffSignIn() {
  const { th } = useHallT();
  const [{ fetching }, login] = useMutation(StaffLoginMutation);
  const [failed, setFailed] = useState(false);
  return (
    <Form
      layout="vertical"
      className="hall-window-signin"
      onFinish={async (values: { username: string; password: string }) => {
        setFailed(false);
        const result = await login({ input: values }, { fetchOptions: { headers: { ...REFRESH_HEADERS } } });
        const answer = result.data?.login;
        if (!answer) return setFailed(true);
        signedIn(answer.accessToken, answer.expiresAt, { id: answer.staff.id, kind: "STAFF", name: answer.staff.name });
      }}
    >
      <h1>{th("hall.window.signIn")}</h1>
      {failed && <Alert type="error" showIcon title={th("error.generic")} />}
      <Form.Item label={th("hall.window.username")} name="username" rules={[{ required: true }]}>
        <Input autoComplete="username" data-testid="staff-username" />
      </Form.Item>
      <Form.Item label={th("hall.window.password")} name="password" rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" data-testid="staff-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={fetching} data-testid="staff-submit">
        {th("hall.window.submit")}
      </Button>
    </Form>
  );
}
