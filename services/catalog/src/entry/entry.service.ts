import { z } from "zod";
import { catalogEvents } from "@onestop/events";
import { DomainError, invalidInput, notFound, requireCenter, requireRole, validate, type Clock, type Identity, type UnitOfWork } from "@onestop/platform";
import { CatalogErrorCode } from "../errors";
import type { ItemsRepository } from "../items/items.repository";
import type { WindowReplicaRepository } from "../windows/windows.repository";
import type { ItemEntryRow } from "./entities";
import type { EntryRepository } from "./entry.repository";
import { entryRate, windowEntryRefusal, type EntryCounts, type EntryRate, type EntryRefusal } from "./entry.rules";

const centerCodeInput = z.string().regex(/^\d{12}$/, "must be a 12-digit administrative-division code");

export const entryInput = z.object({
  windowId: z.string().trim().min(1).max(64).nullish(),
  notEnteredReason: z.string().trim().min(1).max(500).nullish(),
});

const refusalMessages: Record<EntryRefusal, string> = {
  [CatalogErrorCode.UnknownWindow]: "No such window in this center (staffing may not have published it yet)",
  [CatalogErrorCode.WindowClosed]: "The window is closed",
  [CatalogErrorCode.WindowNotForDepartment]: "The window neither belongs to the item's department nor acts for it as a comprehensive window",
};

export interface DepartmentEntryRate {
  departmentId: string;
  rate: EntryRate;
}

export interface CenterEntryRate {
  centerCode: string;
  rate: EntryRate;
  departments: DepartmentEntryRate[];
}

const none: EntryCounts = { total: 0, entered: 0, notEntered: 0 };

/** 进驻: which window of the hall accepts each item, and how much of the catalog entered the hall. */
export class EntryService {
  constructor(
    private readonly entries: EntryRepository,
    private readonly items: ItemsRepository,
    private readonly windows: WindowReplicaRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Enters the item at a window serving its department, or records why it stays out of the hall. */
  async setEntry(identity: Identity, itemId: string, rawInput: unknown): Promise<ItemEntryRow> {
    const input = validate(entryInput, rawInput, "input");
    if (Boolean(input.windowId) === Boolean(input.notEnteredReason)) {
      throw invalidInput([{ field: "input", message: "give either windowId (entered) or notEnteredReason (not entered), not both" }]);
    }
    requireRole(identity, "center_admin");
    return this.unitOfWork.run(async (tx) => {
      const item = await this.items.lockItem(tx, itemId);
      if (!item) throw notFound("Item", itemId);
      requireCenter(identity, item.centerCode);
      if (item.status !== "ACTIVE") throw new DomainError(CatalogErrorCode.ItemRetired, "The item was cancelled or merged and can no longer change", { itemId });
      if (input.windowId) {
        const refusal = windowEntryRefusal(await this.windows.find(input.windowId, tx), item);
        if (refusal) throw new DomainError(refusal, refusalMessages[refusal], { field: "windowId", windowId: input.windowId });
      }
      const now = this.clock.now();
      const entry: ItemEntryRow = {
        itemId,
        centerCode: item.centerCode,
        departmentId: item.departmentId,
        entered: Boolean(input.windowId),
        windowId: input.windowId ?? null,
        notEnteredReason: input.notEnteredReason ?? null,
        changedAt: now,
        changedBy: identity.subject,
      };
      await this.entries.upsert(tx, entry);
      await tx.publish(
        catalogEvents.itemEntryChanged,
        {
          itemId,
          centerCode: item.centerCode,
          departmentId: item.departmentId,
          entered: entry.entered,
          windowId: entry.windowId,
          notEnteredReason: entry.notEnteredReason,
          changedAt: now.toISOString(),
        },
        { centerCode: item.centerCode },
      );
      return entry;
    });
  }

  entryOf(itemId: string): Promise<ItemEntryRow | null> {
    return this.entries.find(itemId);
  }

  async centerRate(rawCenterCode: unknown): Promise<CenterEntryRate> {
    const centerCode = validate(centerCodeInput, rawCenterCode, "centerCode");
    const departments = await this.entries.countsOfCenter(centerCode);
    const total = departments.reduce(
      (sum, counts) => ({ total: sum.total + counts.total, entered: sum.entered + counts.entered, notEntered: sum.notEntered + counts.notEntered }),
      none,
    );
    return {
      centerCode,
      rate: entryRate(total),
      departments: departments.map(({ departmentId, ...counts }) => ({ departmentId, rate: entryRate(counts) })),
    };
  }

  async departmentRate(departmentId: string): Promise<EntryRate> {
    return entryRate((await this.entries.countsOfDepartment(departmentId)) ?? none);
  }
}
