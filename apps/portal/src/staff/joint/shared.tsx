import { Tag } from "antd";
import type { CombinedError } from "@urql/core";
import { describeError } from "../../lib/errors";
import { useJointT, type JointMessageKey } from "./messages-joint";
import { TONES } from "../../lib/tones";

export const BASE = "/staff/joint";
export const RUNNING = ["OPEN", "PAUSED", "TIMED_OUT"] as const;
export const CONCLUDED_PARTICIPANT = ["APPROVED", "DEEMED_APPROVED", "DENIED", "REFUSED", "WITHDRAWN", "RETURNED"];

export function StatusTag({ status }: { status: string }) {
  const { ta } = useJointT();
  const tone = status === "APPROVED" ? TONES.ok : status === "REJECTED" || status === "TIMED_OUT" ? TONES.bad : status === "WITHDRAWN" ? TONES.plain : status === "PAUSED" ? TONES.warn : TONES.info;
  return <Tag style={tone} data-testid="joint-status" data-status={status}>{ta(`joint.status.${status}` as JointMessageKey)}</Tag>;
}

export function WarningTag({ level }: { level: string }) {
  const { ta } = useJointT();
  return <Tag style={level === "RED" ? TONES.bad : level === "YELLOW" ? TONES.warn : TONES.ok}>{ta(`joint.warning.${level}` as JointMessageKey)}</Tag>;
}

/** A failed request in the area's words where it has them, else the shared ones. */
export function useErrorText() {
  const { ta, t } = useJointT();
  return (error: CombinedError | undefined): string | null => {
    const described = describeError(error);
    if (!described) return null;
    const key = `joint.error.${described.code}` as JointMessageKey;
    if (key in ERROR_KEYS) return ta(key);
    if (described.field?.endsWith("idNumber")) return ta("joint.error.idNumber");
    if (described.field?.endsWith("projectCode")) return ta("joint.error.projectCode");
    return t(described.messageKey);
  };
}

const ERROR_KEYS: Record<string, true> = Object.fromEntries(
  ["DEADLINE_TOO_SHORT", "PROJECT_CODE_CONFLICT", "DUPLICATE_PARTICIPANT", "ITEM_NOT_JOINT", "ITEM_CANCELLED", "UNKNOWN_DEPARTMENT", "UNKNOWN_ITEM", "ITEM_NOT_OF_DEPARTMENT", "JOINT_APPROVAL_CONCLUDED", "PARTICIPANT_ALREADY_CONCLUDED", "IDEMPOTENCY_KEY_REUSED", "CALENDAR_YEAR_NOT_LOADED"].map((code) => [`joint.error.${code}`, true]),
);

/** A fresh idempotency key (8-100 of A-Z a-z 0-9 _ - : .). */
export const newKey = (): string => crypto.randomUUID();
