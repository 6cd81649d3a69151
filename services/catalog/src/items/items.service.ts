import { randomUUID } from "node:crypto";
import { z } from "zod";
import { catalogEvents, feeStandardSchema, itemKind } from "@onestop/events";
import {
  DomainError,
  ErrorCode,
  hasRole,
  invalidInput,
  notFound,
  requireCenter,
  requestLoader,
  requireRole,
  validate,
  type Clock,
  type Identity,
  type Tx,
  type UnitOfWork,
} from "@onestop/platform";
import type { DepartmentReplicaRepository } from "../departments/departments.repository";
import type { ListingRepository } from "../search/search.repository";
import { listingEntry } from "../search/search.rules";
import type { ItemRow, ItemVersionRow } from "./entities";
import { combinedFeeStandard, droppedFeeCodes, feeItemProblems, reintroducedFeeCodes } from "./fee.rules";
import { describeChanges } from "./history.rules";
import {
  baseCodeProblems,
  creditCodePattern,
  editRefusal,
  itemCategories,
  itemCode,
  itemThemes,
  kindProblems,
  materialProblems,
  publishRefusal,
  retireRefusal,
  reviseRefusal,
  stageLimitProblems,
  timeLimitProblems,
  type ItemContent,
  type VersionRefusal,
} from "./item.rules";
import { itemView, type ItemView } from "./item-view";
import { versionKey, type ItemsRepository } from "./items.repository";

// ---------------------------------------------------------------------------------------------
// Input, validated once at the edge

/** GraphQL sends optional fields it was given as null; these fields take null as "not set". */
const nullish = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);
const text = (max: number) => z.string().trim().min(1).max(max);
const workingDays = z.number().int().min(0).max(365);
const code = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/, "upper-case letters, digits and -, at most 20");

const materialInput = z.object({
  code,
  name: text(200),
  form: z.enum(["ORIGINAL", "COPY", "ORIGINAL_AND_COPY"]),
  copies: z.number().int().min(1).max(99).default(1),
  mandatory: z.boolean().default(true),
  notes: nullish(z.string().trim().max(500)),
});

const withoutNulls = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));

/** A fee item as GraphQL sends it (the calculation's fields beside code and name), as the domain keeps it. */
const feeItemInput = z.preprocess(
  (value) => {
    if (!value || typeof value !== "object") return value;
    const { code: feeCode, name, legalBasis, ...calculation } = value as Record<string, unknown>;
    return { code: feeCode, name, legalBasis, calculation: withoutNulls(calculation) };
  },
  z.object({ code, name: text(200), legalBasis: text(1000), calculation: feeStandardSchema }),
);

const stageLimitsInput = z
  .object({
    acceptanceDays: nullish(workingDays),
    reviewDays: nullish(workingDays),
    approvalDays: nullish(workingDays),
  })
  .nullish()
  .transform((limits) => limits ?? { acceptanceDays: null, reviewDays: null, approvalDays: null });

const contentShape = {
  name: text(200),
  category: z.enum(itemCategories),
  kind: itemKind,
  themes: z.array(z.enum(itemThemes)).max(itemThemes.length).transform((themes) => [...new Set(themes)]),
  content: text(4000),
  legalBasis: text(4000),
  conditions: text(4000),
  procedure: text(4000),
  materials: z.array(materialInput).max(60),
  legalLimitDays: workingDays,
  promisedLimitDays: workingDays,
  stageLimits: stageLimitsInput,
  feeItems: z.array(feeItemInput).max(20),
  preferentialPolicies: nullish(z.string().trim().min(1).max(2000)),
  supervisionContact: text(200),
  maxVisits: z.number().int().min(0).max(10),
  deemedApproval: z.boolean(),
  vetoEscalation: z.enum(["NONE", "DEPARTMENT_HEAD", "COUNTY_HEAD_MEETING"]),
  deferrableMaterialCodes: z.array(code).max(60),
  allowsCommitment: z.boolean(),
  jointDepartmentIds: z.array(z.string().min(1).max(64)).max(30),
  reportedTo: nullish(text(200)),
};

export const createItemInput = z.object({
  centerCode: z.string().regex(/^\d{12}$/, "must be a 12-digit administrative-division code"),
  departmentId: z.string().min(1).max(64),
  baseCode: z.string().trim(),
  agencyCreditCode: z.string().trim().regex(creditCodePattern, "an 18-character unified social credit code (统一社会信用代码)"),
  ...contentShape,
  themes: contentShape.themes.default([]),
  feeItems: contentShape.feeItems.default([]),
  deemedApproval: contentShape.deemedApproval.default(false),
  vetoEscalation: contentShape.vetoEscalation.default("NONE"),
  deferrableMaterialCodes: contentShape.deferrableMaterialCodes.default([]),
  allowsCommitment: contentShape.allowsCommitment.default(false),
  jointDepartmentIds: contentShape.jointDepartmentIds.default([]),
});

/** A change to a draft: any content field; null clears an optional one and is refused for the others. */
export const draftInput = z.object(contentShape).partial();

/** The fields the caller sent: an absent field keeps the draft's value (parsing fills some in as null). */
function onlySent(patch: z.infer<typeof draftInput>, raw: unknown): Partial<ItemContent> {
  const sent = raw && typeof raw === "object" ? raw : {};
  return Object.fromEntries(Object.entries(patch).filter(([field]) => field in sent));
}

const reason = text(500);
const changeNote = nullish(z.string().trim().min(1).max(500));

// ---------------------------------------------------------------------------------------------

const refusalMessages: Record<VersionRefusal, string> = {
  ALREADY_PUBLISHED: "This version is already published; a version is published once",
  PUBLISHED_VERSION_IMMUTABLE: "A published version is never changed; revise the item to start the next version",
  DRAFT_DISCARDED: "This draft was discarded when its item was retired",
  ITEM_RETIRED: "The item was cancelled or merged and can no longer change",
  DRAFT_EXISTS: "The item already has an open draft; edit or publish that one",
  NOT_PUBLISHED: "The item has no published version yet",
};

function refuse(refusal: VersionRefusal | null, details: Record<string, unknown> = {}): void {
  if (refusal) throw new DomainError(refusal, refusalMessages[refusal], details);
}

function contentOf(version: ItemVersionRow): ItemContent {
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

/** The columns a version stores for its content. */
function versionColumns(content: ItemContent): Omit<ItemVersionRow, "itemId" | "version" | "status" | "changeNote" | "changes" | "createdAt" | "updatedAt" | "publishedAt" | "publishedBy"> {
  const { stageLimits, ...rest } = content;
  return { ...rest, ...stageLimits, feeStandard: combinedFeeStandard(content.feeItems) };
}

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

const isCenterAdmin = (identity: Identity, centerCode: string) => hasRole(identity, "center_admin") && identity.centerCode === centerCode;

/** The version administration sees of an item: the current one, else its draft, else the last it had. */
const latestShown = (item: ItemRow) => item.currentVersion ?? item.draftVersion ?? item.latestVersion;

/** The version a caller sees of an item: the current one; administration also sees a draft-only item. */
const shownVersionNumber = (identity: Identity, item: ItemRow) => (isCenterAdmin(identity, item.centerCode) ? latestShown(item) : item.currentVersion);

export class ItemsService {
  /** Items by id as `item` shows each to the caller, batched per request: a page of cases references its items one by one. */
  readonly itemsById = requestLoader((ids, context) => this.itemViews(context.identity, ids));

  constructor(
    private readonly repository: ItemsRepository,
    private readonly departments: DepartmentReplicaRepository,
    private readonly listing: ListingRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Administration (center_admin of the item's center)

  /** Creates an item with its first version as a draft; nothing is public until it is published. */
  async createItem(identity: Identity, rawInput: unknown): Promise<ItemView> {
    const input = validate(createItemInput, rawInput);
    requireRole(identity, "center_admin");
    requireCenter(identity, input.centerCode);
    const { centerCode, departmentId, baseCode, agencyCreditCode, ...content } = input;
    const problems = [...baseCodeProblems(content.category, baseCode), ...contentProblems(content, departmentId)];
    if (problems.length > 0) throw invalidInput(problems);
    await this.requireDepartments(centerCode, departmentId, content.jointDepartmentIds);
    const now = this.clock.now();
    const item: ItemRow = {
      id: randomUUID(),
      centerCode,
      departmentId,
      code: itemCode(baseCode, centerCode, agencyCreditCode),
      baseCode,
      agencyCreditCode,
      status: "ACTIVE",
      currentVersion: null,
      draftVersion: 1,
      latestVersion: 1,
      mergedIntoItemId: null,
      retiredAt: null,
      retiredReason: null,
      createdAt: now,
      updatedAt: now,
    };
    const version = this.draftRow(item.id, 1, content, now);
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.repository.insertItem(tx, item, version))) {
        throw new DomainError(ErrorCode.Conflict, `Item code ${item.code} already exists`, { field: "baseCode", code: item.code });
      }
    });
    return itemView(item, version);
  }

  /** Changes a draft; a published version is what cases were judged by and never changes. */
  async editDraft(identity: Identity, itemId: string, versionNumber: number, rawInput: unknown): Promise<ItemVersionRow> {
    const patch = onlySent(validate(draftInput, rawInput), rawInput);
    await this.requireAdminOf(identity, itemId);
    return this.unitOfWork.run(async (tx) => {
      const item = await this.lockItem(tx, itemId);
      const draft = await this.repository.findVersion(itemId, versionNumber, tx);
      if (!draft) throw notFound("Item version", `${itemId}@${versionNumber}`);
      refuse(editRefusal(item, draft.status), { itemId, version: versionNumber });
      const content = { ...contentOf(draft), ...patch };
      await this.checkContent(tx, item, content);
      const changes = { ...versionColumns(content), updatedAt: this.clock.now() };
      if (!(await this.repository.updateDraft(tx, { itemId, version: versionNumber }, changes))) {
        throw new Error(`Draft ${itemId}@${versionNumber} changed under the item lock`);
      }
      return { ...draft, ...changes };
    });
  }

  /** Reform: the next version starts as a draft copied from the current one, with the changes given. */
  async revise(identity: Identity, itemId: string, rawInput: unknown): Promise<ItemVersionRow> {
    const patch = onlySent(validate(draftInput, rawInput), rawInput);
    await this.requireAdminOf(identity, itemId);
    return this.unitOfWork.run(async (tx) => {
      const item = await this.lockItem(tx, itemId);
      refuse(reviseRefusal(item), { itemId });
      const current = await this.repository.findVersion(itemId, item.currentVersion!, tx);
      if (!current) throw new Error(`Current version ${itemId}@${item.currentVersion} is missing`);
      const content = { ...contentOf(current), ...patch };
      await this.checkContent(tx, item, content);
      const now = this.clock.now();
      const next = item.latestVersion + 1;
      const draft = this.draftRow(itemId, next, content, now);
      await this.repository.insertVersion(tx, draft);
      await this.repository.updateItem(tx, itemId, { draftVersion: next, latestVersion: next, updatedAt: now });
      return draft;
    });
  }

  /**
   * Publishes a draft: it becomes the version the public reads and new cases are accepted
   * under. Fees the previous version had and this one drops are cancelled for good.
   */
  async publish(identity: Identity, itemId: string, versionNumber: number, rawNote: unknown): Promise<ItemView> {
    const note = validate(changeNote, rawNote);
    await this.requireAdminOf(identity, itemId);
    return this.unitOfWork.run(async (tx) => {
      const item = await this.lockItem(tx, itemId);
      const draft = await this.repository.findVersion(itemId, versionNumber, tx);
      if (!draft) throw notFound("Item version", `${itemId}@${versionNumber}`);
      refuse(publishRefusal(item, draft.status), { itemId, version: versionNumber });
      const content = contentOf(draft);
      const cancelledBefore = await this.checkContent(tx, item, content);
      const previous = item.currentVersion === null ? null : await this.repository.findVersion(itemId, item.currentVersion, tx);
      const previousContent = previous ? contentOf(previous) : null;
      const dropped = droppedFeeCodes(previousContent?.feeItems ?? [], content.feeItems);
      const known = new Set((await this.repository.feeCodes(tx, itemId)).map((row) => row.feeCode));
      const now = this.clock.now();
      await this.repository.cancelFeeCodes(tx, itemId, dropped, versionNumber, now);
      await this.repository.introduceFeeCodes(
        tx,
        itemId,
        versionNumber,
        content.feeItems.map((fee) => fee.code).filter((feeCode) => !known.has(feeCode)),
      );
      const published: ItemVersionRow = {
        ...draft,
        status: "PUBLISHED",
        changeNote: note,
        changes: describeChanges(previousContent, content),
        publishedAt: now,
        publishedBy: identity.subject,
        updatedAt: now,
      };
      const { itemId: _key, version: _number, ...publication } = published;
      if (!(await this.repository.updateDraft(tx, { itemId, version: versionNumber }, publication))) {
        throw new Error(`Draft ${itemId}@${versionNumber} changed under the item lock`);
      }
      const updated: ItemRow = { ...item, currentVersion: versionNumber, draftVersion: null, updatedAt: now };
      await this.repository.updateItem(tx, itemId, { currentVersion: versionNumber, draftVersion: null, updatedAt: now });
      await this.listing.upsert(tx, listingEntry(updated, { ...content, version: versionNumber, publishedAt: now }));
      await tx.publish(
        catalogEvents.itemPublished,
        {
          itemId,
          version: versionNumber,
          centerCode: item.centerCode,
          departmentId: item.departmentId,
          code: item.code,
          name: content.name,
          kind: content.kind,
          legalLimitDays: content.legalLimitDays,
          promisedLimitDays: content.promisedLimitDays,
          feeStandard: published.feeStandard,
          publishedAt: now.toISOString(),
          materials: content.materials,
          stageLimits: content.stageLimits,
          deemedApproval: content.deemedApproval,
          vetoEscalation: content.vetoEscalation,
          allowsDeficiencies: content.deferrableMaterialCodes.length > 0,
          deferrableMaterialCodes: content.deferrableMaterialCodes,
          allowsCommitment: content.allowsCommitment,
          jointDepartmentIds: content.jointDepartmentIds,
          reportedTo: content.reportedTo,
          feeItems: content.feeItems,
          cancelledFeeCodes: [...new Set([...cancelledBefore, ...dropped])].sort(),
          maxVisits: content.maxVisits,
        },
        { centerCode: item.centerCode },
      );
      return itemView(updated, published);
    });
  }

  /** 取消: the item leaves the catalog; its open draft is discarded and its fees are cancelled for good. */
  async cancel(identity: Identity, itemId: string, rawReason: unknown): Promise<ItemView> {
    const why = validate(reason, rawReason);
    await this.requireAdminOf(identity, itemId);
    return this.unitOfWork.run(async (tx) => {
      const item = await this.lockItem(tx, itemId);
      refuse(retireRefusal(item, false), { itemId });
      return this.retire(tx, item, why, null);
    });
  }

  /** 合并: the item leaves the catalog in favour of another published item of the same center. */
  async merge(identity: Identity, itemId: string, intoItemId: string, rawReason: unknown): Promise<ItemView> {
    const why = validate(reason, rawReason);
    await this.requireAdminOf(identity, itemId);
    if (itemId === intoItemId) throw new DomainError("INVALID_MERGE", "An item cannot be merged into itself", { itemId });
    return this.unitOfWork.run(async (tx) => {
      // Both rows locked in one order, so two merges of the same pair cannot deadlock.
      const locked = new Map<string, ItemRow>();
      for (const id of [itemId, intoItemId].sort()) locked.set(id, await this.lockItem(tx, id));
      const item = locked.get(itemId)!;
      const target = locked.get(intoItemId)!;
      refuse(retireRefusal(item, true), { itemId });
      if (target.centerCode !== item.centerCode || target.status !== "ACTIVE" || target.currentVersion === null) {
        throw new DomainError("INVALID_MERGE", "An item merges into a published item in the catalog of the same center", { intoItemId });
      }
      return this.retire(tx, item, why, intoItemId);
    });
  }

  private async retire(tx: Tx, item: ItemRow, why: string, mergedInto: string | null): Promise<ItemView> {
    const now = this.clock.now();
    if (item.draftVersion !== null) {
      await this.repository.updateDraft(tx, { itemId: item.id, version: item.draftVersion }, { status: "DISCARDED", updatedAt: now });
    }
    const active = (await this.repository.feeCodes(tx, item.id)).filter((row) => row.cancelledInVersion === null).map((row) => row.feeCode);
    const lastVersion = item.currentVersion;
    if (lastVersion !== null) await this.repository.cancelFeeCodes(tx, item.id, active, lastVersion, now);
    const retired: Partial<ItemRow> = {
      status: mergedInto ? "MERGED" : "CANCELLED",
      mergedIntoItemId: mergedInto,
      retiredAt: now,
      retiredReason: why,
      draftVersion: null,
      updatedAt: now,
    };
    await this.repository.updateItem(tx, item.id, retired);
    await this.listing.remove(tx, item.centerCode, item.id);
    const shown = await this.repository.findVersion(item.id, latestShown(item), tx);
    if (lastVersion !== null) {
      const cancelledFeeCodes = (await this.repository.feeCodes(tx, item.id)).map((row) => row.feeCode).sort();
      await tx.publish(
        catalogEvents.itemCancelled,
        {
          itemId: item.id,
          centerCode: item.centerCode,
          departmentId: item.departmentId,
          lastVersion,
          reason: why,
          cancelledAt: now.toISOString(),
          mergedIntoItemId: mergedInto,
          cancelledFeeCodes,
        },
        { centerCode: item.centerCode },
      );
    }
    return itemView({ ...item, ...retired }, shown!);
  }

  private draftRow(itemId: string, version: number, content: ItemContent, now: Date): ItemVersionRow {
    return {
      itemId,
      version,
      status: "DRAFT",
      ...versionColumns(content),
      changeNote: null,
      changes: [],
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
      publishedBy: null,
    };
  }

  private async lockItem(tx: Tx, itemId: string): Promise<ItemRow> {
    const item = await this.repository.lockItem(tx, itemId);
    if (!item) throw notFound("Item", itemId);
    return item;
  }

  /** Resolves the item's center and checks the caller administers it; unknown items are NOT_FOUND. */
  private async requireAdminOf(identity: Identity, itemId: string): Promise<ItemRow> {
    requireRole(identity, "center_admin");
    const item = await this.repository.findItem(itemId);
    if (!item) throw notFound("Item", itemId);
    requireCenter(identity, item.centerCode);
    return item;
  }

  private async requireDepartments(centerCode: string, departmentId: string, jointDepartmentIds: readonly string[]): Promise<void> {
    const known = await this.departments.knownInCenter(centerCode, [departmentId, ...jointDepartmentIds]);
    if (!known.has(departmentId)) {
      throw new DomainError("UNKNOWN_DEPARTMENT", `Department ${departmentId} is not registered in ${centerCode}`, { field: "departmentId" });
    }
    const unknown = jointDepartmentIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DomainError("UNKNOWN_DEPARTMENT", `Departments ${unknown.join(", ")} are not registered in ${centerCode}`, {
        field: "jointDepartmentIds",
        departmentIds: unknown,
      });
    }
  }

  /**
   * The rules a draft must satisfy before it is written or published: its content on its own,
   * its departments, and no fee cancelled before. Returns the fee codes cancelled so far.
   */
  private async checkContent(tx: Tx, item: ItemRow, content: ItemContent): Promise<string[]> {
    const problems = [...baseCodeProblems(content.category, item.baseCode), ...contentProblems(content, item.departmentId)];
    if (problems.length > 0) throw invalidInput(problems);
    await this.requireDepartments(item.centerCode, item.departmentId, content.jointDepartmentIds);
    const cancelled = (await this.repository.feeCodes(tx, item.id)).filter((row) => row.cancelledInVersion !== null).map((row) => row.feeCode);
    const reintroduced = reintroducedFeeCodes(content.feeItems, cancelled);
    if (reintroduced.length > 0) {
      throw new DomainError("FEE_CANCELLED", `Fees ${reintroduced.join(", ")} were cancelled and may never be charged again`, {
        field: "feeItems",
        feeCodes: reintroduced,
      });
    }
    return cancelled;
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  /** The version a caller sees of an item: the current one; administration also sees a draft-only item. */
  private async shownVersion(identity: Identity, item: ItemRow): Promise<ItemVersionRow | null> {
    const number = shownVersionNumber(identity, item);
    return number === null ? null : this.repository.findVersion(item.id, number);
  }

  private async itemViews(identity: Identity, ids: readonly string[]): Promise<Map<string, ItemView>> {
    const shown = [...(await this.repository.itemsByIds(ids)).values()].flatMap((item) => {
      const version = shownVersionNumber(identity, item);
      return version === null ? [] : [{ item, key: { itemId: item.id, version } }];
    });
    const versions = await this.repository.versionsByKeys(shown.map(({ key }) => key));
    return new Map(
      shown.flatMap(({ item, key }) => {
        const version = versions.get(versionKey(key));
        return version ? [[item.id, itemView(item, version)] as const] : [];
      }),
    );
  }

  async item(identity: Identity, id: string): Promise<ItemView | null> {
    const item = await this.repository.findItem(id);
    return item ? this.view(identity, item) : null;
  }

  async itemByCode(identity: Identity, code: string): Promise<ItemView | null> {
    const item = await this.repository.findItemByCode(code);
    return item ? this.view(identity, item) : null;
  }

  private async view(identity: Identity, item: ItemRow): Promise<ItemView | null> {
    const version = await this.shownVersion(identity, item);
    return version ? itemView(item, version) : null;
  }

  /** Every item of the center, with drafts and retired ones; center administration only. */
  async allItems(identity: Identity, centerCode: string): Promise<ItemView[]> {
    requireRole(identity, "center_admin");
    requireCenter(identity, centerCode);
    const items = await this.repository.itemsOfCenter(centerCode);
    const versions = await this.repository.versionsByKeys(items.map((item) => ({ itemId: item.id, version: latestShown(item) })));
    return items.map((item) => itemView(item, versions.get(versionKey({ itemId: item.id, version: latestShown(item) }))!));
  }

  /** A published version is public; a draft only for the item's center administration. */
  async version(identity: Identity, itemId: string, versionNumber: number): Promise<ItemVersionRow | null> {
    const [item, version] = await Promise.all([this.repository.findItem(itemId), this.repository.findVersion(itemId, versionNumber)]);
    if (!item || !version) return null;
    if (version.status !== "PUBLISHED" && !isCenterAdmin(identity, item.centerCode)) return null;
    return version;
  }

  history(itemId: string): Promise<ItemVersionRow[]> {
    return this.repository.publishedVersions(itemId);
  }

  async draft(identity: Identity, item: ItemView): Promise<ItemVersionRow | null> {
    const row = await item.loadItem();
    if (row.draftVersion === null || !isCenterAdmin(identity, row.centerCode)) return null;
    return this.repository.findVersion(row.id, row.draftVersion);
  }

  /** Loads the item rows of views that came without them (search results), in one query per page. */
  itemsByIds(ids: readonly string[]) {
    return this.repository.itemsByIds(ids);
  }

  versionsByKeys(keys: ReadonlyArray<{ itemId: string; version: number }>) {
    return this.repository.versionsByKeys(keys);
  }
}
