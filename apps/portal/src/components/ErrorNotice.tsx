import { Alert, Button } from "antd";
import type { CombinedError } from "@urql/core";
import { describeError } from "../lib/errors";
import { useT } from "../lib/i18n";

/** A failed request in plain words, chosen by extensions.code; never the server's message or stack. */
export function ErrorNotice({ error, onRetry }: { error: CombinedError | undefined; onRetry?: () => void }) {
  const t = useT();
  const described = describeError(error);
  if (!described) return null;
  return (
    <Alert
      type="error"
      role="alert"
      showIcon
      data-testid="error-notice"
      data-code={described.code}
      title={t(described.messageKey)}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t("error.retry")}</Button> : undefined}
    />
  );
}
