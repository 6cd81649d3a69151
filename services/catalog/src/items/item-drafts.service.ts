import { randomUUID } from "node:crypto";
import { DomainError, notFound, requireCenter, requireRole, validate, type Clock, type Identity, type UnitOfWork } from "@onestop/platform";
import { CatalogErrorCode } from "../errors";
import type { ItemRow, ItemVersionRow } from "./entities";
import { combinedFeeStandard } from "./fee.rules";
import { contentOf, refuse, type ItemAdmin } from "./item-admin";
import { editRefusal, itemCode, reviseRefusal, type ItemContent } from "./item.rules";
import { itemView, type ItemView } from "./item-view";
import type { ItemsRepository } from "./items.repository";
import { createItemInput, draftInput, onlySent } from "./inputs";

/** The columns a version stores for its content. */
function versionColumns(content: ItemContent): Omit<ItemVersionRow, "itemId" | "version" | "status" | "changeNote" | "changes" | "createdAt" | "updatedAt" | "publishedAt" | "publishedBy"> {
  const { stageLimits, ...rest } = content;
  return { ...rest, ...stageLimits, feeStandard: combinedFeeStandard(content.feeItems) };
}

function draftRow(itemId: string, version: number, content: ItemContent, now: Date): ItemVersionRow {
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

/** Drafting (center_admin of the item's center): a new item, a draft's edits, the next version of a reform. */
export class ItemDraftsService {
  constructor(
    private readonly repository: ItemsRepository,
    private readonly admin: ItemAdmin,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Creates an item with its first version as a draft; nothing is public until it is published. */
  async createItem(identity: Identity, rawInput: unknown): Promise<ItemView> {
    const input = validate(createItemInput, rawInput, "input");
    requireRole(identity, "center_admin");
    requireCenter(identity, input.centerCode);
    const { centerCode, departmentId, baseCode, agencyCreditCode, ...content } = input;
    await this.admin.requireValidContent(centerCode, departmentId, baseCode, content);
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
    const version = draftRow(item.id, 1, content, now);
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.repository.insertItem(tx, item, version))) {
        throw new DomainError(CatalogErrorCode.Conflict, `Item code ${item.code} already exists`, { field: "baseCode", code: item.code });
      }
    });
    return itemView(item, version);
  }

  /** Changes a draft; a published version is what cases were judged by and never changes. */
  async editDraft(identity: Identity, itemId: string, versionNumber: number, rawInput: unknown): Promise<ItemVersionRow> {
    const patch = onlySent(validate(draftInput, rawInput, "input"), rawInput);
    await this.admin.requireAdminOf(identity, itemId);
    return this.unitOfWork.run(async (tx) => {
      const item = await this.admin.lockItem(tx, itemId);
      const draft = await this.repository.findVersion(itemId, versionNumber, tx);
      if (!draft) throw notFound("Item version", `${itemId}@${versionNumber}`);
      refuse(editRefusal(item, draft.status), { itemId, version: versionNumber });
      const content = { ...contentOf(draft), ...patch };
      await this.admin.checkContent(tx, item, content);
      const changes = { ...versionColumns(content), updatedAt: this.clock.now() };
      if (!(await this.repository.updateDraft(tx, { itemId, version: versionNumber }, changes))) {
        throw new Error(`Draft ${itemId}@${versionNumber} changed under the item lock`);
      }
      return { ...draft, ...changes };
    });
  }

  /** Reform: the next version starts as a draft copied from the current one, with the changes given. */
  async revise(identity: Identity, itemId: string, rawInput: unknown): Promise<ItemVersionRow> {
    const patch = onlySent(validate(draftInput, rawInput, "input"), rawInput);
    await this.admin.requireAdminOf(identity, itemId);
    return this.unitOfWork.run(async (tx) => {
      const item = await this.admin.lockItem(tx, itemId);
      refuse(reviseRefusal(item), { itemId });
      const current = await this.repository.findVersion(itemId, item.currentVersion!, tx);
      if (!current) throw new Error(`Current version ${itemId}@${item.currentVersion} is missing`);
      const content = { ...contentOf(current), ...patch };
      await this.admin.checkContent(tx, item, content);
      const now = this.clock.now();
      const next = item.latestVersion + 1;
      const draft = draftRow(itemId, next, content, now);
      await this.repository.insertVersion(tx, draft);
      await this.repository.updateItem(tx, itemId, { draftVersion: next, latestVersion: next, updatedAt: now });
      return draft;
    });
  }
}
