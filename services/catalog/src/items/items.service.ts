import { z } from "zod";
import { hasRole, invalidInput, requestLoader, requireCenter, requireRole, validate, type Identity } from "@onestop/platform";
import type { ItemRow, ItemVersionRow } from "./entities";
import { latestShown } from "./item-admin";
import { itemView, type ItemView } from "./item-view";
import { versionKey, type ItemsRepository } from "./items.repository";

const administeredInput = z.object({
  centerCode: z.string().regex(/^\d{12}$/, "a 12-digit division code"),
  keyword: z.string().trim().max(100).nullish().transform((keyword) => keyword || null),
  status: z.enum(["ACTIVE", "CANCELLED", "MERGED"]).nullish().transform((status) => status ?? null),
  departmentId: z.string().max(64).nullish().transform((id) => id ?? null),
  withDraft: z.boolean().nullish().transform((withDraft) => withDraft ?? null),
  first: z.number().int().min(1).max(100).nullish().transform((first) => first ?? 20),
  after: z.string().max(1000).nullish(),
});

/** Where a page of administeredItems ended (code, id); opaque to clients. */
export const encodeAdminCursor = (item: { code: string; id: string }) => Buffer.from(JSON.stringify(["admin", item.code, item.id]), "utf8").toString("base64url");

export function decodeAdminCursor(cursor: string): { code: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 3 && value[0] === "admin" && typeof value[1] === "string" && typeof value[2] === "string") return { code: value[1], id: value[2] };
  } catch {
    return null;
  }
  return null;
}

const isCenterAdmin = (identity: Identity, centerCode: string) => hasRole(identity, "center_admin") && identity.centerCode === centerCode;

/** The version a caller sees of an item: the current one; administration also sees a draft-only item. */
const shownVersionNumber = (identity: Identity, item: ItemRow) => (isCenterAdmin(identity, item.centerCode) ? latestShown(item) : item.currentVersion);

/** Reading items: the published versions for everyone, drafts and retired items for the center's administration too. */
export class ItemsService {
  /** Items by id as `item` shows each to the caller, batched per request: a page of cases references its items one by one. */
  readonly itemsById = requestLoader((ids, context) => this.itemViews(context.identity, ids));

  constructor(private readonly repository: ItemsRepository) {}

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

  /** A page of the center's items as administration works on them: drafts and retired ones too, in code order. */
  async administeredItems(identity: Identity, rawInput: unknown) {
    const input = validate(administeredInput, rawInput);
    requireRole(identity, "center_admin");
    requireCenter(identity, input.centerCode);
    const after = input.after ? decodeAdminCursor(input.after) : null;
    if (input.after && !after) throw invalidInput([{ field: "after", message: "not a cursor this catalog handed out" }]);
    const { rows, total } = await this.repository.administeredPage(input, after, input.first);
    const page = rows.slice(0, input.first);
    const keys = page.map((item) => ({ itemId: item.id, version: latestShown(item) }));
    const versions = await this.repository.versionsByKeys(keys);
    const last = page.at(-1);
    return {
      nodes: page.map((item, index) => itemView(item, versions.get(versionKey(keys[index]!))!)),
      pageInfo: { endCursor: last ? encodeAdminCursor(last) : null, hasNextPage: rows.length > input.first },
      totalCount: total,
    };
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
