import type { catalogEvents, ItemKind, VetoEscalation } from "@onestop/events";
import { CatalogErrorCode } from "../errors";

/** 事项类型, with the two-letter type code that opens the item's national base code. */
export const categoryTypeCodes = {
  /** 行政许可 */
  ADMINISTRATIVE_LICENCE: "XK",
  /** 行政确认 */
  ADMINISTRATIVE_CONFIRMATION: "QR",
  /** 行政给付 */
  ADMINISTRATIVE_PAYMENT: "JF",
  /** 行政裁决 */
  ADMINISTRATIVE_RULING: "CJ",
  /** 行政奖励 */
  ADMINISTRATIVE_REWARD: "JL",
  /** 其他行政权力 (备案, 年检, ...) */
  OTHER_ADMINISTRATIVE_POWER: "QT",
  /** 公共服务 */
  PUBLIC_SERVICE: "GG",
} as const;
export type ItemCategory = keyof typeof categoryTypeCodes;
export const itemCategories = Object.keys(categoryTypeCodes) as [ItemCategory, ...ItemCategory[]];

/** The themes a citizen browses by at the kiosk (主题服务). */
export const itemThemes = [
  /** 企业开办 */
  "ENTERPRISE_SETUP",
  /** 企业经营许可 */
  "BUSINESS_OPERATION",
  /** 工程建设项目 */
  "CONSTRUCTION_PROJECT",
  /** 不动产与土地 */
  "REAL_ESTATE",
  /** 社会事务 */
  "SOCIAL_AFFAIRS",
  /** 就业与社会保障 */
  "EMPLOYMENT_AND_SOCIAL_SECURITY",
  /** 户籍与证件 */
  "HOUSEHOLD_AND_IDENTITY",
  /** 教育与卫生 */
  "EDUCATION_AND_HEALTH",
  /** 涉农 */
  "AGRICULTURE_AND_RURAL",
  /** 交通运输 */
  "TRANSPORT",
  /** 生态环境与安全 */
  "ENVIRONMENT_AND_SAFETY",
] as const;
export type ItemTheme = (typeof itemThemes)[number];

export type Material = catalogEvents.MaterialPayload;
export type FeeItem = catalogEvents.FeeItemPayload;

export interface StageLimits {
  acceptanceDays: number | null;
  reviewDays: number | null;
  approvalDays: number | null;
}

/** Everything one version of an item discloses (六个公开 / 七公开) and how its cases run. */
export interface ItemContent {
  name: string;
  category: ItemCategory;
  kind: ItemKind;
  themes: ItemTheme[];
  /** 事项内容 */
  content: string;
  /** 设定依据 */
  legalBasis: string;
  /** 受理条件 */
  conditions: string;
  /** 办理流程 */
  procedure: string;
  materials: Material[];
  legalLimitDays: number;
  promisedLimitDays: number;
  stageLimits: StageLimits;
  /** 收费项目; none means free. */
  feeItems: FeeItem[];
  /** 优惠政策 */
  preferentialPolicies: string | null;
  /** 监督投诉 */
  supervisionContact: string;
  /** 最多跑几次: 0 = fully online, 1 = at most one trip. */
  maxVisits: number;
  deemedApproval: boolean;
  vetoEscalation: VetoEscalation;
  /** 容缺受理: mandatory materials that may follow after acceptance. */
  deferrableMaterialCodes: string[];
  allowsCommitment: boolean;
  jointDepartmentIds: string[];
  reportedTo: string | null;
}

/** 时限: the promised limit never exceeds the legal one; an instant item is decided the same day. */
export function timeLimitProblems(kind: ItemKind, legalLimitDays: number, promisedLimitDays: number): string[] {
  const problems: string[] = [];
  if (promisedLimitDays > legalLimitDays) {
    problems.push(`promisedLimitDays: ${promisedLimitDays} exceeds the legal limit of ${legalLimitDays} working days`);
  }
  if (kind === "INSTANT" && promisedLimitDays !== 0) {
    problems.push("promisedLimitDays: an instant item (即办件) is decided on the spot, so its promised limit is 0");
  }
  return problems;
}

/** 提速: how much shorter the promise is than the law, 1 − promised/legal. */
export function speedUpRatio(legalLimitDays: number, promisedLimitDays: number): number {
  if (legalLimitDays === 0) return 0;
  return 1 - promisedLimitDays / legalLimitDays;
}

/** The stages run one after another inside the promise, so together they fit in it. */
export function stageLimitProblems(limits: StageLimits, promisedLimitDays: number): string[] {
  const set = [limits.acceptanceDays, limits.reviewDays, limits.approvalDays].filter((days): days is number => days !== null);
  const total = set.reduce((sum, days) => sum + days, 0);
  if (total > promisedLimitDays) {
    return [`stageLimits: the stages add up to ${total} working days, beyond the promised ${promisedLimitDays}`];
  }
  return [];
}

/**
 * 四件管理: what each kind of case needs. A joint item names the other departments taking
 * part; a reported item names the higher authority; deemed approval needs a deadline the
 * hall itself answers for, which neither an instant nor a reported item has.
 */
export function kindProblems(content: Pick<ItemContent, "kind" | "jointDepartmentIds" | "reportedTo" | "deemedApproval">, departmentId: string): string[] {
  const problems: string[] = [];
  const { kind } = content;
  if (kind === "JOINT") {
    if (content.jointDepartmentIds.length === 0) problems.push("jointDepartmentIds: a joint item (联办件) names the other departments taking part");
    if (content.jointDepartmentIds.includes(departmentId)) problems.push("jointDepartmentIds: the implementing department is not one of the others");
    if (new Set(content.jointDepartmentIds).size !== content.jointDepartmentIds.length) problems.push("jointDepartmentIds: each department once");
  } else if (content.jointDepartmentIds.length > 0) {
    problems.push("jointDepartmentIds: only a joint item (联办件) has participating departments");
  }
  if (kind === "REPORTED") {
    if (!content.reportedTo) problems.push("reportedTo: a reported item (上报件) names the higher authority that decides");
  } else if (content.reportedTo) {
    problems.push("reportedTo: only a reported item (上报件) is decided by a higher authority");
  }
  if (content.deemedApproval && (kind === "INSTANT" || kind === "REPORTED")) {
    problems.push(`deemedApproval: deemed approval on timeout (超时默认) does not apply to a${kind === "INSTANT" ? "n instant" : " reported"} item`);
  }
  return problems;
}

/**
 * Materials are named by codes stable across versions; 容缺受理 may defer only materials
 * the item asks for as mandatory (an optional one needs no deferral).
 */
export function materialProblems(materials: readonly Material[], deferrableMaterialCodes: readonly string[]): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, Material>();
  materials.forEach((material, index) => {
    if (byCode.has(material.code)) problems.push(`materials.${index}.code: ${material.code} is used twice`);
    byCode.set(material.code, material);
  });
  if (new Set(materials.map((m) => m.name)).size !== materials.length) problems.push("materials: each material is listed once by name");
  for (const code of new Set(deferrableMaterialCodes)) {
    const material = byCode.get(code);
    if (!material) problems.push(`deferrableMaterialCodes: ${code} is not a material of this item`);
    else if (!material.mandatory) problems.push(`deferrableMaterialCodes: ${code} is optional, so there is nothing to defer`);
  }
  if (deferrableMaterialCodes.length > 0 && deferrableMaterialCodes.length >= materials.filter((m) => m.mandatory).length) {
    problems.push("deferrableMaterialCodes: 容缺受理 defers non-essential materials; at least one mandatory material must come at acceptance");
  }
  return problems;
}

/**
 * 统一社会信用代码 (GB 32100): 18 characters from the code's alphabet, which has no I, O, S,
 * V or Z. The check character is the registration authority's to verify, not the hall's.
 */
export const creditCodePattern = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** 基本编码: the category's two-letter type code, a 5-digit main item and a 3-digit sub-item. */
export const baseCodePattern = /^[A-Z]{2}\d{5}\d{3}$/;

export function baseCodeProblems(category: ItemCategory, baseCode: string): string[] {
  if (!baseCodePattern.test(baseCode)) {
    return ["baseCode: two letters of the item type, then 5 digits of the main item and 3 of the sub-item, e.g. XK00101000"];
  }
  const typeCode = categoryTypeCodes[category];
  if (!baseCode.startsWith(typeCode)) return [`baseCode: a ${category} item's base code starts with ${typeCode}`];
  return [];
}

/** 实施编码: base code, the center's 12-digit division code, the implementing agency's credit code. */
export function itemCode(baseCode: string, centerCode: string, agencyCreditCode: string): string {
  return `${baseCode}${centerCode}${agencyCreditCode}`;
}

/** An item's life: in the catalog, or retired by reform (cancelled, or merged into another). */
export type ItemStatus = "ACTIVE" | "CANCELLED" | "MERGED";
/** A version is drafted, then published once and never changed; a retired item's open draft is discarded. */
export type VersionStatus = "DRAFT" | "PUBLISHED" | "DISCARDED";

export type VersionRefusal = (typeof CatalogErrorCode)["AlreadyPublished" | "PublishedVersionImmutable" | "DraftDiscarded" | "ItemRetired" | "DraftExists" | "NotPublished"];

interface ItemState {
  status: ItemStatus;
  currentVersion: number | null;
  draftVersion: number | null;
}

/** Only a draft may be edited: a published version is what cases were judged by. */
export function editRefusal(item: ItemState, version: VersionStatus): VersionRefusal | null {
  if (version === "PUBLISHED") return CatalogErrorCode.PublishedVersionImmutable;
  if (version === "DISCARDED") return CatalogErrorCode.DraftDiscarded;
  if (item.status !== "ACTIVE") return CatalogErrorCode.ItemRetired;
  return null;
}

/** A version is published once. */
export function publishRefusal(item: ItemState, version: VersionStatus): VersionRefusal | null {
  if (version === "PUBLISHED") return CatalogErrorCode.AlreadyPublished;
  if (version === "DISCARDED") return CatalogErrorCode.DraftDiscarded;
  if (item.status !== "ACTIVE") return CatalogErrorCode.ItemRetired;
  return null;
}

/** A reform starts a new draft from the current version; one draft at a time. */
export function reviseRefusal(item: ItemState): VersionRefusal | null {
  if (item.status !== "ACTIVE") return CatalogErrorCode.ItemRetired;
  if (item.draftVersion !== null) return CatalogErrorCode.DraftExists;
  if (item.currentVersion === null) return CatalogErrorCode.NotPublished;
  return null;
}

/** Cancelling or merging retires an item once; merging needs a published item on both sides. */
export function retireRefusal(item: ItemState, merging: boolean): VersionRefusal | null {
  if (item.status !== "ACTIVE") return CatalogErrorCode.ItemRetired;
  if (merging && item.currentVersion === null) return CatalogErrorCode.NotPublished;
  return null;
}
