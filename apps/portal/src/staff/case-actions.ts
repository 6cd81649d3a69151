// The routing slip's steps as staff read them (受理, 审核, 签署否决 …), one table for every staff
// area that names a case's steps (supervision's warnings, the joint board's history).
const zh = {
  SUBMIT: "提交申请",
  ISSUE_MATERIAL_NOTICE: "一次性告知",
  SUPPLY_MATERIALS: "补正材料",
  ACCEPT: "受理",
  REFUSE: "不予受理",
  DECIDE_INSTANTLY: "即办",
  REVIEW: "审核",
  FORWARD: "上报",
  RECORD_HIGHER_AUTHORITY_RESULT: "登记上级决定",
  APPROVE: "批准",
  DENY: "不予许可",
  PROPOSE_VETO: "提请否决",
  SIGN_VETO: "签署否决",
  DECLINE_VETO: "不同意否决",
  UPHOLD_VETO: "维持否决",
  OVERRULE_VETO: "推翻否决",
  CONCLUDE: "办结",
  DEEM_APPROVED: "超时默认",
  DELIVER: "送达",
  WITHDRAW: "撤回",
  WITHDRAW_FOR_JOINT_APPROVAL: "随并联审批撤回",
  RETURN: "退件",
  REFER: "转办",
  SUSPEND_CLOCK: "暂停计时",
  RESUME_CLOCK: "恢复计时",
  EXTEND_DEADLINE: "延期",
  VERIFY_COMMITMENT: "核查告知承诺",
  REVOKE_FOR_BREACHED_COMMITMENT: "承诺不实撤销",
};

/** A step of the routing slip, as cases names it (services/cases/src/cases/cases.rules.ts). */
export type CaseAction = keyof typeof zh;

const en: Record<CaseAction, string> = {
  SUBMIT: "submit",
  ISSUE_MATERIAL_NOTICE: "one-time notice",
  SUPPLY_MATERIALS: "supply materials",
  ACCEPT: "accept",
  REFUSE: "refuse",
  DECIDE_INSTANTLY: "decide on the spot",
  REVIEW: "review",
  FORWARD: "forward",
  RECORD_HIGHER_AUTHORITY_RESULT: "record the higher authority's decision",
  APPROVE: "approve",
  DENY: "deny",
  PROPOSE_VETO: "propose a veto",
  SIGN_VETO: "sign the veto",
  DECLINE_VETO: "decline the veto",
  UPHOLD_VETO: "uphold the veto",
  OVERRULE_VETO: "overrule the veto",
  CONCLUDE: "conclude",
  DEEM_APPROVED: "deemed approval",
  DELIVER: "deliver",
  WITHDRAW: "withdraw",
  WITHDRAW_FOR_JOINT_APPROVAL: "withdraw with the joint approval",
  RETURN: "return",
  REFER: "refer",
  SUSPEND_CLOCK: "suspend the clock",
  RESUME_CLOCK: "resume the clock",
  EXTEND_DEADLINE: "extend the deadline",
  VERIFY_COMMITMENT: "verify the commitment",
  REVOKE_FOR_BREACHED_COMMITMENT: "revoke for a breached commitment",
};

/** The steps' words under an area's own prefix, so they sit in its message table: `sup.action.ACCEPT`. */
export function caseActionWords<P extends string>(prefix: P, locale: "zh" | "en"): Record<`${P}${CaseAction}`, string> {
  const table = locale === "zh" ? zh : en;
  return Object.fromEntries(Object.entries(table).map(([action, word]) => [`${prefix}${action}`, word])) as Record<`${P}${CaseAction}`, string>;
}

export const isCaseAction = (value: unknown): value is CaseAction => typeof value === "string" && Object.hasOwn(zh, value);
