import type { FeeStandardPayload } from "@onestop/events";
import type { FeeItem, ItemContent, Material } from "./item.rules";

/** One change a version made, worded for the public history of the item (变更记录). */
export interface VersionChange {
  field: string;
  description: string;
}

const yuan = (fen: number) => `${(fen / 100).toFixed(2).replace(/\.00$/, "")}元`;

export function describeFee(calculation: FeeStandardPayload): string {
  switch (calculation.kind) {
    case "FREE":
      return "不收费";
    case "FIXED":
      return yuan(calculation.amountFen);
    case "PER_UNIT":
      return `${yuan(calculation.unitPriceFen)}/${calculation.unitName}`;
    case "TIERED":
      return calculation.tiers
        .map((tier, index) => {
          const lower = index === 0 ? 0 : (calculation.tiers[index - 1].upTo ?? 0);
          const band = tier.upTo === null ? `${lower}${calculation.unitName}以上` : `${lower}-${tier.upTo}${calculation.unitName}`;
          return `${band} ${yuan(tier.unitPriceFen)}/${calculation.unitName}`;
        })
        .join("; ");
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function byCode<T extends { code: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((entry) => [entry.code, entry]));
}

function listChanges<T extends { code: string; name: string }>(
  field: string,
  label: string,
  before: readonly T[],
  after: readonly T[],
  describe: (entry: T) => string,
): VersionChange[] {
  const previous = byCode(before);
  const next = byCode(after);
  const changes: VersionChange[] = [];
  for (const [code, entry] of next) {
    const old = previous.get(code);
    if (!old) changes.push({ field, description: `新增${label}: ${describe(entry)}` });
    else if (!same(old, entry)) changes.push({ field, description: `调整${label}: ${describe(old)} → ${describe(entry)}` });
  }
  for (const [code, entry] of previous) {
    if (!next.has(code)) changes.push({ field, description: `${label === "收费项目" ? "取消" : "减少"}${label}: ${describe(entry)}` });
  }
  return changes;
}

const formNames: Record<Material["form"], string> = { ORIGINAL: "原件", COPY: "复印件", ORIGINAL_AND_COPY: "原件及复印件" };
const describeMaterial = (m: Material) => `${m.name}(${formNames[m.form]}${m.copies}份${m.mandatory ? "" : ", 非必要"})`;
const describeFeeItem = (f: FeeItem) => `${f.name} ${describeFee(f.calculation)}`;
const days = (n: number) => `${n}个工作日`;
const yesNo = (value: boolean) => (value ? "是" : "否");

/**
 * What a version changed compared with the one before it (null for the first), for the
 * history anyone may read: time limits cut, materials dropped, fees cancelled, and so on.
 */
export function describeChanges(previous: ItemContent | null, next: ItemContent): VersionChange[] {
  if (!previous) return [{ field: "item", description: "首次发布" }];
  const changes: VersionChange[] = [];
  const text = (field: keyof ItemContent, label: string) => {
    if (!same(previous[field], next[field])) changes.push({ field, description: `${label}已修改` });
  };
  if (previous.name !== next.name) changes.push({ field: "name", description: `事项名称: ${previous.name} → ${next.name}` });
  if (previous.category !== next.category) changes.push({ field: "category", description: "事项类型已修改" });
  if (previous.kind !== next.kind) changes.push({ field: "kind", description: `办件类型: ${previous.kind} → ${next.kind}` });
  if (previous.legalLimitDays !== next.legalLimitDays) {
    changes.push({ field: "legalLimitDays", description: `法定时限: ${days(previous.legalLimitDays)} → ${days(next.legalLimitDays)}` });
  }
  if (previous.promisedLimitDays !== next.promisedLimitDays) {
    const verb = next.promisedLimitDays < previous.promisedLimitDays ? "压缩" : "调整";
    changes.push({
      field: "promisedLimitDays",
      description: `承诺时限${verb}: ${days(previous.promisedLimitDays)} → ${days(next.promisedLimitDays)}`,
    });
  }
  if (!same(previous.stageLimits, next.stageLimits)) changes.push({ field: "stageLimits", description: "环节时限已调整" });
  changes.push(...listChanges("materials", "申请材料", previous.materials, next.materials, describeMaterial));
  changes.push(...listChanges("feeItems", "收费项目", previous.feeItems, next.feeItems, describeFeeItem));
  if (previous.maxVisits !== next.maxVisits) {
    changes.push({ field: "maxVisits", description: `最多跑动次数: ${previous.maxVisits} → ${next.maxVisits}` });
  }
  if (previous.deemedApproval !== next.deemedApproval) {
    changes.push({ field: "deemedApproval", description: `超时默认: ${yesNo(previous.deemedApproval)} → ${yesNo(next.deemedApproval)}` });
  }
  if (previous.allowsCommitment !== next.allowsCommitment) {
    changes.push({ field: "allowsCommitment", description: `告知承诺: ${yesNo(previous.allowsCommitment)} → ${yesNo(next.allowsCommitment)}` });
  }
  if (!same([...previous.deferrableMaterialCodes].sort(), [...next.deferrableMaterialCodes].sort())) {
    changes.push({ field: "deferrableMaterialCodes", description: "容缺受理材料已调整" });
  }
  if (previous.vetoEscalation !== next.vetoEscalation) changes.push({ field: "vetoEscalation", description: "否决审批层级已调整" });
  if (!same([...previous.jointDepartmentIds].sort(), [...next.jointDepartmentIds].sort())) {
    changes.push({ field: "jointDepartmentIds", description: "联办部门已调整" });
  }
  if (previous.reportedTo !== next.reportedTo) changes.push({ field: "reportedTo", description: `上报机关: ${previous.reportedTo ?? "无"} → ${next.reportedTo ?? "无"}` });
  if (!same([...previous.themes].sort(), [...next.themes].sort())) changes.push({ field: "themes", description: "所属主题已调整" });
  text("content", "事项内容");
  text("legalBasis", "设定依据");
  text("conditions", "受理条件");
  text("procedure", "办理流程");
  text("preferentialPolicies", "优惠政策");
  text("supervisionContact", "监督投诉方式");
  return changes;
}
