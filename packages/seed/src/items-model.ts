import type { ItemKind, MaterialForm, VetoEscalation } from "@onestop/events";
import { demoCenter, seedDepartments } from "./county";

/** 事项类型, with the two letters its base code starts with. */
export const categoryCodes = {
  ADMINISTRATIVE_LICENCE: "XK",
  ADMINISTRATIVE_CONFIRMATION: "QR",
  ADMINISTRATIVE_PAYMENT: "JF",
  ADMINISTRATIVE_RULING: "CJ",
  ADMINISTRATIVE_REWARD: "JL",
  OTHER_ADMINISTRATIVE_POWER: "QT",
  PUBLIC_SERVICE: "GG",
} as const;
export type SeedCategory = keyof typeof categoryCodes;

export type SeedTheme =
  | "ENTERPRISE_SETUP"
  | "BUSINESS_OPERATION"
  | "CONSTRUCTION_PROJECT"
  | "REAL_ESTATE"
  | "SOCIAL_AFFAIRS"
  | "EMPLOYMENT_AND_SOCIAL_SECURITY"
  | "HOUSEHOLD_AND_IDENTITY"
  | "EDUCATION_AND_HEALTH"
  | "AGRICULTURE_AND_RURAL"
  | "TRANSPORT"
  | "ENVIRONMENT_AND_SAFETY";

/** A fee of an item: fixed (fen), per unit ([unit, fen]), or tiered ([unit, [[upTo | null, fen], ...]]). */
export interface SeedFee {
  code: string;
  name: string;
  fixedFen?: number;
  perUnit?: readonly [string, number];
  tiered?: readonly [string, ReadonlyArray<readonly [number | null, number]>];
  basis: string;
}

/**
 * One item of the county catalog, written compactly. Materials are `名称:flags|备注`, flags
 * being o (原件), c (复印件, the default), b (原件及复印件), a number of copies, and ? for
 * optional; they get the codes M01, M02, ... in order.
 */
export interface SeedItem {
  department: string;
  /** 5-digit main item and optionally a 3-digit sub-item, e.g. "01001" or "01001002". */
  no: string;
  name: string;
  category: SeedCategory;
  kind: ItemKind;
  /** [法定时限, 承诺时限] in working days. */
  limits: readonly [number, number];
  themes: readonly SeedTheme[];
  legalBasis: string;
  materials: readonly string[];
  conditions?: string;
  content?: string;
  fees?: readonly SeedFee[];
  /** Seed codes of the other departments of a joint item. */
  joint?: readonly string[];
  reportedTo?: string;
  deemedApproval?: boolean;
  veto?: Exclude<VetoEscalation, "NONE">;
  /** 容缺受理: codes (M01, ...) of the materials that may follow later. */
  deferrable?: readonly string[];
  commitment?: boolean;
  /** 最多跑几次; 1 unless given. */
  visits?: number;
  preferential?: string;
  /** Why the item is not entered into the hall; entered at its department's window otherwise. */
  notEntered?: string;
  /** Later versions published after the first, oldest first: what reform changed. */
  revisions?: ReadonlyArray<{ note: string; changes: Record<string, unknown> }>;
}

const departmentsByCode = new Map(seedDepartments.map((d) => [d.code, d]));

export function department(code: string) {
  const found = departmentsByCode.get(code);
  if (!found) throw new Error(`Seed item refers to unknown department ${code}`);
  return found;
}

export function baseCodeOf(item: SeedItem): string {
  const main = item.no.slice(0, 5);
  const sub = item.no.slice(5) || "000";
  return `${categoryCodes[item.category]}${main}${sub}`;
}

/** 实施编码: what the catalog computes from the base code, the division code and the agency's credit code. */
export function itemCodeOf(item: SeedItem): string {
  return `${baseCodeOf(item)}${demoCenter.centerCode}${department(item.department).creditCode}`;
}

export function materialsOf(item: SeedItem) {
  return item.materials.map((spec, index) => {
    const [head, notes] = spec.split("|");
    const [name, flags = ""] = head.split(":");
    const copies = Number(flags.replace(/\D/g, "")) || 1;
    const form: MaterialForm = flags.includes("b") ? "ORIGINAL_AND_COPY" : flags.includes("o") ? "ORIGINAL" : "COPY";
    return {
      code: `M${String(index + 1).padStart(2, "0")}`,
      name,
      form,
      copies,
      mandatory: !flags.includes("?"),
      notes: notes ?? null,
    };
  });
}

export function feeItemsOf(fees: readonly SeedFee[] = []) {
  return fees.map((fee) => {
    const common = { code: fee.code, name: fee.name, legalBasis: fee.basis };
    if (fee.perUnit) return { ...common, kind: "PER_UNIT", unitName: fee.perUnit[0], unitPriceFen: fee.perUnit[1] };
    if (fee.tiered) {
      return { ...common, kind: "TIERED", unitName: fee.tiered[0], tiers: fee.tiered[1].map(([upTo, unitPriceFen]) => ({ upTo, unitPriceFen })) };
    }
    return { ...common, kind: "FIXED", amountFen: fee.fixedFen };
  });
}

const procedures: Record<ItemKind, (item: SeedItem) => string> = {
  INSTANT: () => "窗口受理 → 当场审核 → 当场办结并送达。",
  PROMISED: (item) => `窗口受理 → 审查（必要时现场核查）→ 作出决定 → 办结送达。承诺${item.limits[1]}个工作日内办结。`,
  JOINT: (item) =>
    `综合窗口一次受理 → 牵头部门分发 → ${item.joint!.map((code) => department(code).name).join("、")}并联审查 → 汇总作出决定 → 统一送达。`,
  REPORTED: (item) => `窗口受理 → 县级初审 → 上报${item.reportedTo}审批 → 接收批复 → 送达申请人。`,
};

/** Stage limits inside the promise for items that take days: a day to accept, the rest split between review and approval. */
function stageLimitsOf(item: SeedItem) {
  const promised = item.limits[1];
  if (item.kind === "INSTANT" || promised < 3) return null;
  const review = Math.ceil((promised - 1) * 0.6);
  return { acceptanceDays: 1, reviewDays: review, approvalDays: promised - 1 - review };
}

/** The CreateItemInput of a seed item. */
export function createInputOf(item: SeedItem, centerCode: string, departmentIds: ReadonlyMap<string, string>) {
  const owner = department(item.department);
  const departmentId = (code: string) => {
    const id = departmentIds.get(code);
    if (!id) throw new Error(`Department ${code} has not been seeded`);
    return id;
  };
  return {
    centerCode,
    departmentId: departmentId(item.department),
    baseCode: baseCodeOf(item),
    agencyCreditCode: owner.creditCode,
    name: item.name,
    category: item.category,
    kind: item.kind,
    themes: item.themes,
    content: item.content ?? `${owner.name}依法办理“${item.name}”。`,
    legalBasis: item.legalBasis,
    conditions:
      item.conditions ?? `申请人具备相应的民事行为能力；申请材料齐全、符合法定形式；符合${item.legalBasis.split("；")[0]}规定的条件。`,
    procedure: procedures[item.kind](item),
    materials: materialsOf(item),
    legalLimitDays: item.limits[0],
    promisedLimitDays: item.limits[1],
    stageLimits: stageLimitsOf(item),
    feeItems: feeItemsOf(item.fees),
    preferentialPolicies: item.preferential ?? null,
    supervisionContact: `宣汉县政务服务中心效能投诉电话 0818-5222110；${owner.name}监督电话 0818-52${String(seedDepartments.indexOf(owner) + 10).padStart(5, "3")}`,
    maxVisits: item.visits ?? 1,
    deemedApproval: item.deemedApproval ?? false,
    vetoEscalation: item.veto ?? "NONE",
    deferrableMaterialCodes: item.deferrable ?? [],
    allowsCommitment: item.commitment ?? false,
    jointDepartmentIds: (item.joint ?? []).map(departmentId),
    reportedTo: item.reportedTo ?? null,
  };
}
