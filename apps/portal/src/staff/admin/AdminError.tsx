import { Alert } from "antd";
import type { CombinedError } from "@urql/core";
import { ErrorNotice } from "../../components/ErrorNotice";
import { describeError } from "../../lib/errors";
import { isAdminKey, useAdminT, type AdminMessageKey } from "./messages-admin";

/**
 * A refused administration request in plain words: the catalog's own codes in this area's words,
 * bad input as the list of the fields to check, anything else as the portal's shared notice.
 */
export function AdminError({ error }: { error: CombinedError | undefined }) {
  const { ta, t } = useAdminT();
  const described = describeError(error);
  if (!error || !described) return null;
  const own = `error.${described.code}`;
  if (isAdminKey(own)) return <Alert type="error" role="alert" showIcon title={ta(own)} data-testid="admin-error" data-code={described.code} />;
  if (described.code === "BAD_USER_INPUT") {
    const problems = (error.graphQLErrors[0]?.extensions?.problems as Array<{ field: string }> | undefined) ?? (described.field ? [{ field: described.field }] : []);
    const labels = [...new Set(problems.map((problem) => fieldLabel(problem.field, ta)))];
    return (
      <Alert
        type="error"
        role="alert"
        showIcon
        data-testid="admin-error"
        data-code={described.code}
        title={t("error.BAD_USER_INPUT")}
        description={labels.length > 0 ? `${ta("problems.heading")} ${labels.join("、")}` : undefined}
      />
    );
  }
  return <ErrorNotice error={error} />;
}

/** The label of the field a problem names (input.promisedLimitDays → 承诺时限), or the path itself. */
export function fieldLabel(path: string, ta: (key: AdminMessageKey) => string): string {
  const parts = path.split(".").filter((part) => !/^\d+$/.test(part) && part !== "input");
  for (const part of parts.reverse()) {
    const key = `field.${part}`;
    if (isAdminKey(key)) return ta(key);
  }
  return path;
}
