import { Alert, Button, Spin } from "antd";
import type { ReactNode } from "react";
import { useT } from "../lib/i18n";
import { linkHandler } from "../lib/router";
import { useSession } from "../lib/session";

/** A page of the signed-in applicant: a plain invitation to sign in otherwise, coming back here after. */
export function RequireSignIn({ children, message }: { children: ReactNode; message?: string }) {
  const t = useT();
  const session = useSession();
  if (session.status === "restoring") return <Spin tip={t("auth.restoring")}><div style={{ minHeight: 120 }} /></Spin>;
  if (session.status === "signed-out") {
    const target = `/signin?next=${encodeURIComponent(window.location.pathname)}`;
    return (
      <Alert
        type="info"
        showIcon
        data-testid="sign-in-first"
        title={message ?? t("auth.signInFirst")}
        action={<Button type="primary" href={target} onClick={linkHandler(target)}>{t("nav.signIn")}</Button>}
      />
    );
  }
  return <>{children}</>;
}
