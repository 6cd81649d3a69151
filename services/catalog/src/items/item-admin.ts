import { DomainError, findingsAt, invalidInput, notFound, requireCenter, requireRole, type Identity, type Tx } from "@onestop/platform";
import type { DepartmentReplicaRepository } from "../departments/departments.repository";
import { CatalogErrorCode } from "../errors";
import type { ItemRow, ItemVersionRow } from "./entities";
import { feeItemProblems, reintroducedFeeCodes } from "./fee.rules";
import { baseCodeProblems, kindProblems, materialProblems, stageLimitProblems, timeLimitProblems, type ItemContent, type VersionRefusal } from "./item.rules";
import type { ItemsRepository } from "./items.repository";

const refusalMessages: Record<VersionRefusal, string> = {
  [CatalogErrorCode.AlreadyPublished]: "This version is already published; a version is published once",
  [CatalogErrorCode.PublishedVersionImmutable]: "A published version is never changed; revise the item to start the next version",
  [CatalogErrorCode.DraftDiscarded]: "This draft was discarded when its item was retired",
  [CatalogErrorCode.ItemRetired]: "The item was cancelled or merged and can no longer change",
  [CatalogErrorCode.DraftExists]: "The item already has an open draft; edit or publish that one",
  [CatalogErrorCode.NotPublished]: "The item has no published version yet",
};

export function refuse(refusal: VersionRefusal | null, details: Record<string, unknown> = {}): void {
  if (refusal) throw new DomainError(refusal, refusalMessages[refusal], details);
}

export function contentOf(version: ItemVersionRow): ItemContent {
  return {
    name: version.name,
    category: version.category,
    kind: version.kind,
    themes: version.themes,
    content: version.content,
    legalBasis: version.legalBasis,
    conditions: version.conditions,
    procedure: version.procedure,
    materials: version.materials,
    legalLimitDays: version.legalLimitDays,
    promisedLimitDays: version.promisedLimitDays,
    stageLimits: { acceptanceDays: version.acceptanceDays, reviewDays: version.reviewDays, approvalDays: version.approvalDays },
    feeItems: version.feeItems,
    preferentialPolicies: version.preferentialPolicies,
    supervisionContact: version.supervisionContact,
    maxVisits: version.maxVisits,
    deemedApproval: version.deemedApproval,
    vetoEscalation: version.vetoEscalation,
    deferrableMaterialCodes: version.deferrableMaterialCodes,
    allowsCommitment: version.allowsCommitment,
    jointDepartmentIds: version.jointDepartmentIds,
    reportedTo: version.reportedTo,
  };
}

/** The version administration sees of an item: the current one, else its draft, else the last it had. */
export const latestShown = (item: ItemRow) => item.currentVersion ?? item.draftVersion ?? item.latestVersion;

/** Every rule one version's content must satisfy on its own. */
function contentProblems(content: ItemContent, departmentId: string): string[] {
  return [
    ...timeLimitProblems(content.kind, content.legalLimitDays, content.promisedLimitDays),
    ...stageLimitProblems(content.stageLimits, content.promisedLimitDays),
    ...kindProblems(content, departmentId),
    ...materialProblems(content.materials, content.deferrableMaterialCodes),
    ...feeItemProblems(content.feeItems),
  ];
}

/** What every act of the center's administration on an item checks first: who acts, on which item, with what content. */
export class ItemAdmin {
  constructor(
    private readonly repository: ItemsRepository,
    private readonly departments: DepartmentReplicaRepository,
  ) {}

  /** Resolves the item's center and checks the caller administers it; unknown items are NOT_FOUND. */
  async requireAdminOf(identity: Identity, itemId: string): Promise<ItemRow> {
    requireRole(identity, "center_admin");
    const item = await this.repository.findItem(itemId);
    if (!item) throw notFound("Item", itemId);
    requireCenter(identity, item.centerCode);
    return item;
  }

  async lockItem(tx: Tx, itemId: string): Promise<ItemRow> {
    const item = await this.repository.lockItem(tx, itemId);
    if (!item) throw notFound("Item", itemId);
    return item;
  }

  /** The content on its own and its departments, before the item exists or changes. */
  async requireValidContent(centerCode: string, departmentId: string, baseCode: string, content: ItemContent): Promise<void> {
    const problems = [...baseCodeProblems(content.category, baseCode), ...contentProblems(content, departmentId)];
    if (problems.length > 0) throw invalidInput(findingsAt("input", problems));
    await this.requireDepartments(centerCode, departmentId, content.jointDepartmentIds);
  }

  /**
   * The rules a draft must satisfy before it is written or published: its content on its own,
   * its departments, and no fee cancelled before. Returns the fee codes cancelled so far.
   */
  async checkContent(tx: Tx, item: ItemRow, content: ItemContent): Promise<string[]> {
    await this.requireValidContent(item.centerCode, item.departmentId, item.baseCode, content);
    const cancelled = (await this.repository.feeCodes(tx, item.id)).filter((row) => row.cancelledInVersion !== null).map((row) => row.feeCode);
    const reintroduced = reintroducedFeeCodes(content.feeItems, cancelled);
    if (reintroduced.length > 0) {
      throw new DomainError(CatalogErrorCode.FeeCancelled, `Fees ${reintroduced.join(", ")} were cancelled and may never be charged again`, {
        field: "feeItems",
        feeCodes: reintroduced,
      });
    }
    return cancelled;
  }

  private async requireDepartments(centerCode: string, departmentId: string, jointDepartmentIds: readonly string[]): Promise<void> {
    const known = await this.departments.knownInCenter(centerCode, [departmentId, ...jointDepartmentIds]);
    if (!known.has(departmentId)) {
      throw new DomainError(CatalogErrorCode.UnknownDepartment, `Department ${departmentId} is not registered in ${centerCode}`, { field: "departmentId" });
    }
    const unknown = jointDepartmentIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DomainError(CatalogErrorCode.UnknownDepartment, `Departments ${unknown.join(", ")} are not registered in ${centerCode}`, {
        field: "jointDepartmentIds",
        departmentIds: unknown,
      });
    }
  }
}
