import type { CombinedError } from "@urql/core";
import { describeError } from "../../lib/errors";
import type { MessageKey } from "../../lib/messages";
import type { WorkbenchMessageKey } from "./messages-workbench";

/** What a failed act tells the person: plain words chosen by the error's code, and the form field it concerns, if any. */
export interface ActProblem {
  code: string;
  /** The workbench's own words for the code, when it has them; else the shared table's. */
  areaKey?: WorkbenchMessageKey;
  sharedKey: MessageKey;
  vars?: Record<string, string | number>;
  /** The input field the service named (extensions.field), as the form calls it. */
  field?: string;
}

const AREA_CODES = new Set<string>([
  "NOT_AUTHORIZED", "SAME_REVIEWER_AND_APPROVER", "FORWARDER_RECORDS_RESULT", "NOT_DEPARTMENT_PRINCIPAL", "INVALID_TRANSITION",
  "WRONG_KIND", "FORBIDDEN", "IDEMPOTENCY_KEY_REUSED", "CLOCK_SUSPENDED", "CLOCK_ALREADY_SUSPENDED", "CLOCK_NOT_SUSPENDED",
  "DEADLINE_PASSED", "BEYOND_LEGAL_LIMIT", "FEE_NOT_SETTLED", "DEFICIENCIES_OUTSTANDING", "MATERIALS_OUTSTANDING",
  "ONE_TIME_NOTICE_VIOLATED", "UNKNOWN_MATERIAL", "EMPTY_NOTICE", "MATERIAL_NOT_REQUESTED", "UNKNOWN_WINDOW",
  "WINDOW_DOES_NOT_SERVE", "VETO_NEEDS_SIGNATURE", "COMMITMENT_NOT_PENDING", "SERVICE_UNAVAILABLE",
]);

/** Which form field a code concerns when the service does not name one. */
const FIELD_OF_CODE: Record<string, string> = {
  BEYOND_LEGAL_LIMIT: "workingDays",
  UNKNOWN_WINDOW: "toWindowId",
  WINDOW_DOES_NOT_SERVE: "toWindowId",
  UNKNOWN_MATERIAL: "materials",
  EMPTY_NOTICE: "materials",
  ONE_TIME_NOTICE_VIOLATED: "materials",
  MATERIAL_NOT_REQUESTED: "materials",
};

export function actProblem(error: CombinedError | undefined): ActProblem | null {
  const described = describeError(error);
  if (!described) return null;
  const extensions = (error?.graphQLErrors[0]?.extensions ?? {}) as Record<string, unknown>;
  const code = described.code;
  const rawField = typeof extensions.field === "string" ? extensions.field : undefined;
  // "input.materials.0.code" → "materials"; "documentDate" stays.
  const field = rawField ? rawField.replace(/^input\./, "").split(".")[0] : FIELD_OF_CODE[code];
  if (code.startsWith("CALENDAR_")) return { code, areaKey: "err.CALENDAR", sharedKey: described.messageKey, field };
  if (AREA_CODES.has(code)) {
    const vars = code === "BEYOND_LEGAL_LIMIT" ? { allowed: Number(extensions.allowedWorkingDays ?? 0), legal: Number(extensions.legalLimitDays ?? 0) } : undefined;
    return { code, areaKey: `err.${code}` as WorkbenchMessageKey, sharedKey: described.messageKey, vars, field };
  }
  return { code, sharedKey: described.messageKey, field };
}
