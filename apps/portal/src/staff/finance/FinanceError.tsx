import { Alert } from "antd";
import type { CombinedError } from "@urql/core";
import { ErrorNotice } from "../../components/ErrorNotice";
import { describeError } from "../../lib/errors";
import { isFinanceKey, useFinanceT } from "./messages-finance";

/** A refused finance request in plain words: fees' own codes (the four-eyes refusal among them) in this area's words. */
export function FinanceError({ error }: { error: CombinedError | undefined }) {
  const { ta } = useFinanceT();
  const described = describeError(error);
  if (!error || !described) return null;
  const own = `error.${described.code}`;
  if (isFinanceKey(own)) return <Alert type="error" role="alert" showIcon title={ta(own)} data-testid="finance-error" data-code={described.code} />;
  return <ErrorNotice error={error} />;
}
