import { catalogEvents } from "@onestop/events";
import { DomainError, notFound, validate, type Clock, type Identity, type Tx, type UnitOfWork } from "@onestop/platform";
import { CatalogErrorCode } from "../errors";
import type { ListingRepository } from "../search/search.repository";
import { listingEntry } from "../search/search.rules";
import type { ItemRow, ItemVersionRow } from "./entities";
import { droppedFeeCodes } from "./fee.rules";
import { describeChanges } from "./history.rules";
import { contentOf, latestShown, refuse, type ItemAdmin } from "./item-admin";
import { publishRefusal, retireRefusal } from "./item.rules";
import { itemView, type ItemView } from "./item-view";
import type { ItemsRepository } from "./items.repository";
import { changeNoteInput, reasonInput } from "./inputs";

/**
 * An item's public life (center_admin of the item's center): a draft published becomes what
 * the public reads and new cases are accepted under; 取消 and 合并 retire the item for good.
 * The search listing and the other services follow by the events published here.
 */
export class ItemPublicationService {
  constructor(
    private readonly repository: ItemsRepository,
    private readonly admin: ItemAdmin,
    private readonly listing: ListingRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * Publishes a draft: it becomes the version the public reads and new cases are accepted
   * under. Fees the previous version had and this one drops are cancelled for good.
   */
  async publish(identity: Identity, itemId: string, versionNumber: number, rawNote: unknown): Promise<ItemView> {
    const note = validate(changeNoteInput, rawNote, "changeNote");
    await this.admin.requireAdminOf(identity, itemId);
    return this.unitOfWork.run(async (tx) => {
      const item = await this.admin.lockItem(tx, itemId);
      const draft = await this.repository.findVersion(itemId, versionNumber, tx);
      if (!draft) throw notFound("Item version", `${itemId}@${versionNumber}`);
      refuse(publishRefusal(item, draft.status), { itemId, version: versionNumber });
      const content = contentOf(draft);
      const cancelledBefore = await this.admin.checkContent(tx, item, content);
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
    const why = validate(reasonInput, rawReason, "reason");
    await this.admin.requireAdminOf(identity, itemId);
    return this.unitOfWork.run(async (tx) => {
      const item = await this.admin.lockItem(tx, itemId);
      refuse(retireRefusal(item, false), { itemId });
      return this.retire(tx, item, why, null);
    });
  }

  /** 合并: the item leaves the catalog in favour of another published item of the same center. */
  async merge(identity: Identity, itemId: string, intoItemId: string, rawReason: unknown): Promise<ItemView> {
    const why = validate(reasonInput, rawReason, "reason");
    await this.admin.requireAdminOf(identity, itemId);
    if (itemId === intoItemId) throw new DomainError(CatalogErrorCode.InvalidMerge, "An item cannot be merged into itself", { itemId });
    return this.unitOfWork.run(async (tx) => {
      // Both rows locked in one order, so two merges of the same pair cannot deadlock.
      const locked = new Map<string, ItemRow>();
      for (const id of [itemId, intoItemId].sort()) locked.set(id, await this.admin.lockItem(tx, id));
      const item = locked.get(itemId)!;
      const target = locked.get(intoItemId)!;
      refuse(retireRefusal(item, true), { itemId });
      if (target.centerCode !== item.centerCode || target.status !== "ACTIVE" || target.currentVersion === null) {
        throw new DomainError(CatalogErrorCode.InvalidMerge, "An item merges into a published item in the catalog of the same center", { intoItemId });
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
}
