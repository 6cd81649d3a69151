import type { ResultDocumentKind } from "@onestop/events";
import { beijingDay, chineseDate, formatCode } from "../documents/documents.rules";

/** What a document says, gathered from the case, the item and the cause. */
export interface DocumentFacts {
  kind: ResultDocumentKind;
  centerName: string;
  documentNo: string;
  issuedAt: Date;
  verificationCode: string;
  receiptNo: string;
  applicantName: string;
  itemName: string;
  itemCode: string | null;
  departmentName: string;
  acceptedAt: Date | null;
  deadline: Date | null;
  promisedLimitDays: number | null;
  /** The one-time notice's list: every material missing or wrong, at once. */
  materials: { name: string; problem: string | null }[];
  /** The reasons of a denial or refusal (the decision's opinion). */
  reasons: string | null;
  payment: { noticeNo: string; amountFen: number; accountNo: string | null; expiresAt: Date | null } | null;
  licence: { licenceNo: string; validFrom: string; validUntil: string | null } | null;
}

/**
 * An item's own wording for one kind of document, from an item version on (docs/results.md):
 * the title (a licence's name: 《食品经营许可证》) and the body, with `{applicant}`, `{item}`,
 * `{department}` and `{receiptNo}` filled in. Null fields keep the default.
 */
export interface DocumentTemplate {
  title: string | null;
  body: string | null;
  validityYears: number | null;
}

export interface DocumentContent {
  title: string;
  /** Label and value lines, in order. */
  fields: { label: string; value: string }[];
  paragraphs: string[];
  /** Under the body, right-aligned: the issuer and the day. */
  signature: string[];
}

/**
 * 救济途径: a denial or refusal tells the applicant how to contest it and within what time:
 * administrative reconsideration within 60 days of receiving the decision (《行政复议法》第二十条)
 * or an administrative suit within 6 months (《行政诉讼法》第四十六条).
 */
export const remediesText =
  "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。";

export const defaultTitles: Record<ResultDocumentKind, string> = {
  RECEIPT: "受理回执",
  MATERIAL_NOTICE: "一次性告知书",
  PAYMENT_NOTICE: "缴款通知书",
  LICENCE: "准予行政许可决定书",
  DENIAL_DECISION: "不予行政许可决定书",
  REFUSAL_DECISION: "不予受理决定书",
};

export function fill(text: string, facts: DocumentFacts): string {
  const values: Record<string, string> = { applicant: facts.applicantName, item: facts.itemName, department: facts.departmentName, receiptNo: facts.receiptNo };
  return text.replace(/\{(applicant|item|department|receiptNo)\}/g, (_, name: string) => values[name]!);
}

/** 1234567 fen → 12,345.67 元 */
export function yuan(fen: number): string {
  const whole = Math.floor(fen / 100).toLocaleString("en-US");
  return `${whole}.${String(fen % 100).padStart(2, "0")} 元`;
}

const day = (at: Date | null) => (at ? chineseDate(beijingDay(at)) : "—");

/** The default wording of each kind; an item's template replaces the title and the body. */
export function documentContent(facts: DocumentFacts, template: DocumentTemplate | null = null): DocumentContent {
  const title = template?.title ?? defaultTitles[facts.kind];
  const body = template?.body ? [fill(template.body, facts)] : null;
  const signature = [facts.departmentName, facts.centerName, chineseDate(beijingDay(facts.issuedAt))];
  const common = [
    { label: "文书编号", value: facts.documentNo },
    { label: "受理编号", value: facts.receiptNo },
    { label: "申请人", value: facts.applicantName },
    { label: "申请事项", value: facts.itemName },
  ];
  switch (facts.kind) {
    case "RECEIPT":
      return {
        title,
        fields: [...common, { label: "受理日期", value: day(facts.acceptedAt) }, { label: "承诺时限", value: facts.promisedLimitDays !== null ? `${facts.promisedLimitDays} 个工作日` : "—" }, { label: "办结期限", value: day(facts.deadline) }],
        paragraphs: body ?? [
          `${facts.applicantName}：你（单位）提出的“${facts.itemName}”申请，材料齐全、符合法定形式，本机关已于${day(facts.acceptedAt)}受理。`,
          `本机关将在承诺时限内作出决定。可凭受理编号 ${facts.receiptNo} 在政务服务网或大厅查询办理进度。`,
        ],
        signature,
      };
    case "MATERIAL_NOTICE":
      return {
        title,
        fields: common,
        paragraphs: [
          ...(body ?? [`${facts.applicantName}：你（单位）提出的“${facts.itemName}”申请，经审查，申请材料不齐全或者不符合法定形式。请一次性补正下列材料：`]),
          ...facts.materials.map((m, i) => `${i + 1}. ${m.name}${m.problem ? `（${m.problem}）` : ""}`),
          "补正材料期间不计入办理时限。材料补齐后本机关即予受理。",
        ],
        signature,
      };
    case "PAYMENT_NOTICE":
      return {
        title,
        fields: [
          ...common,
          { label: "缴款通知书号", value: facts.payment?.noticeNo ?? "—" },
          { label: "应缴金额", value: facts.payment ? yuan(facts.payment.amountFen) : "—" },
          { label: "收款账户", value: facts.payment?.accountNo ?? "—" },
          { label: "缴款截止", value: day(facts.payment?.expiresAt ?? null) },
        ],
        paragraphs: body ?? ["请持本通知书到大厅银行代收点缴款。票款分离：工作人员不收取现金。"],
        signature,
      };
    case "LICENCE":
      return {
        title,
        fields: [
          ...common,
          { label: "证照编号", value: facts.licence?.licenceNo ?? facts.documentNo },
          { label: "有效期", value: facts.licence ? `${chineseDate(facts.licence.validFrom)} 至 ${facts.licence.validUntil ? chineseDate(facts.licence.validUntil) : "长期"}` : "—" },
        ],
        paragraphs: body ?? [`${facts.applicantName}：你（单位）提出的“${facts.itemName}”申请，经审查，符合法定条件、标准，决定准予行政许可。`],
        signature,
      };
    case "DENIAL_DECISION":
      return {
        title,
        fields: common,
        paragraphs: [
          ...(body ?? [`${facts.applicantName}：你（单位）提出的“${facts.itemName}”申请，经审查，决定不予行政许可。`]),
          `理由：${facts.reasons ?? "不符合法定条件、标准。"}`,
          remediesText,
        ],
        signature,
      };
    case "REFUSAL_DECISION":
      return {
        title,
        fields: common,
        paragraphs: [
          ...(body ?? [`${facts.applicantName}：你（单位）提出的“${facts.itemName}”申请，经审查，决定不予受理。`]),
          `理由：${facts.reasons ?? "申请事项不属于本机关职权范围或者不符合受理条件。"}`,
          remediesText,
        ],
        signature,
      };
  }
}

/** The line printed beside the QR code. */
export function verificationLine(facts: Pick<DocumentFacts, "verificationCode">, verifyUrl: string): string[] {
  return [`核验码：${formatCode(facts.verificationCode)}`, `扫描二维码或访问 ${verifyUrl} 核验真伪`];
}
