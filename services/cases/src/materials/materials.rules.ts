import { CaseErrorCode } from "../errors";

/**
 * Materials of a case: the one-time notice (一次性告知) and acceptance with deficiencies
 * (容缺受理), as pure rules.
 *
 * One-time notice: at acceptance every missing or wrong material is listed at once, never
 * piecemeal. A later notice may only name a material an earlier notice named and that the
 * applicant has since supplied, because the supplied material itself was wrong.
 */

export const materialProblemKinds = ["MISSING", "WRONG"] as const;
export type MaterialProblem = (typeof materialProblemKinds)[number];
export type RequestKind = "ONE_TIME_NOTICE" | "DEFERRED";

export interface ItemMaterial {
  code: string;
  name: string;
  mandatory: boolean;
}

/** One material a notice or a deferral asked for, and whether it came. */
export interface MaterialRequest {
  kind: RequestKind;
  noticeSeq: number;
  materialCode: string;
  problem: MaterialProblem;
  suppliedAt: Date | null;
}

export interface NoticeLine {
  code: string;
  problem: MaterialProblem;
}

export type RuleRefusal = { code: CaseErrorCode; message: string; details?: Record<string, unknown> };

/** A refusal of the caller's input: it names the argument at fault, as every BAD_USER_INPUT does. */
function inputRefusal(field: string, message: string, details: Record<string, unknown> = {}): { ok: false } & RuleRefusal {
  return { ok: false, code: CaseErrorCode.BadUserInput, message, details: { ...details, field, problems: [{ field, message }] } };
}

export type NoticeCheck = { ok: true; noticeSeq: number } | ({ ok: false } & RuleRefusal);

export function checkMaterialNotice(itemMaterials: readonly ItemMaterial[], earlier: readonly MaterialRequest[], lines: readonly NoticeLine[]): NoticeCheck {
  if (lines.length === 0) return { ok: false, code: CaseErrorCode.EmptyNotice, message: "A notice lists at least one material" };
  const codes = lines.map((line) => line.code);
  const duplicated = codes.filter((code, index) => codes.indexOf(code) !== index);
  if (duplicated.length > 0) {
    return inputRefusal("materials", `Materials listed twice: ${[...new Set(duplicated)].join(", ")}`, { materials: duplicated });
  }
  const known = new Set(itemMaterials.map((m) => m.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    return { ok: false, code: CaseErrorCode.UnknownMaterial, message: `Not materials of the item version: ${unknown.join(", ")}`, details: { materials: unknown } };
  }
  const notices = earlier.filter((r) => r.kind === "ONE_TIME_NOTICE");
  if (notices.length === 0) return { ok: true, noticeSeq: 1 };
  const outstanding = notices.filter((r) => r.suppliedAt === null).map((r) => r.materialCode);
  if (outstanding.length > 0) {
    return { ok: false, code: CaseErrorCode.MaterialsOutstanding, message: `The notice still waits for ${outstanding.join(", ")}`, details: { materials: outstanding } };
  }
  const suppliedOnEarlierNotice = new Set(notices.map((r) => r.materialCode));
  const notOnFirst = lines.filter((line) => !suppliedOnEarlierNotice.has(line.code) || line.problem !== "WRONG").map((line) => line.code);
  if (notOnFirst.length > 0) {
    return {
      ok: false,
      code: CaseErrorCode.OneTimeNoticeViolated,
      message: `Everything missing had to be on the first notice; a later one may only name a supplied material that is itself wrong (not: ${notOnFirst.join(", ")})`,
      details: { materials: notOnFirst },
    };
  }
  return { ok: true, noticeSeq: Math.max(...notices.map((r) => r.noticeSeq)) + 1 };
}

export interface DeficiencyPolicy {
  allowsDeficiencies: boolean;
  deferrableMaterialCodes: readonly string[];
}

/**
 * 容缺受理: only where the item allows it, only the materials the item names as deferrable,
 * and they must follow by a day after today that is no later than the case's deadline day.
 */
export function checkDeficiencies(policy: DeficiencyPolicy, codes: readonly string[], dueDay: string, today: string, deadlineDay: string | null): ({ ok: true } | ({ ok: false } & RuleRefusal)) {
  if (!policy.allowsDeficiencies) return { ok: false, code: CaseErrorCode.DeficienciesNotAllowed, message: "The item does not allow acceptance with deficiencies (容缺受理)" };
  if (codes.length === 0) return inputRefusal("deficiencies.materialCodes", "Name the materials that will follow");
  if (new Set(codes).size !== codes.length) return inputRefusal("deficiencies.materialCodes", "Materials listed twice");
  const notDeferrable = codes.filter((code) => !policy.deferrableMaterialCodes.includes(code));
  if (notDeferrable.length > 0) {
    return { ok: false, code: CaseErrorCode.MaterialNotDeferrable, message: `These materials may not follow later: ${notDeferrable.join(", ")}`, details: { materials: notDeferrable } };
  }
  if (dueDay <= today) return inputRefusal("deficiencies.dueDay", "The materials must follow by a later day");
  if (deadlineDay !== null && dueDay > deadlineDay) {
    return { ok: false, code: CaseErrorCode.DeficiencyDueAfterDeadline, message: `The materials must follow by the case's deadline (${deadlineDay})`, details: { deadlineDay } };
  }
  return { ok: true };
}

/** Which outstanding requests a supply answers; a material nobody asked for is refused. */
export function matchSupply(outstanding: readonly MaterialRequest[], suppliedCodes: readonly string[]): { ok: true; answered: MaterialRequest[] } | ({ ok: false } & RuleRefusal) {
  if (suppliedCodes.length === 0) return inputRefusal("materials", "Supply at least one material");
  const open = outstanding.filter((r) => r.suppliedAt === null);
  const notAsked = suppliedCodes.filter((code) => !open.some((r) => r.materialCode === code));
  if (notAsked.length > 0) {
    return { ok: false, code: CaseErrorCode.MaterialNotRequested, message: `Nothing outstanding asks for ${notAsked.join(", ")}`, details: { materials: notAsked } };
  }
  return { ok: true, answered: open.filter((r) => suppliedCodes.includes(r.materialCode)) };
}
