import { z } from "zod";
import { itemKind } from "@onestop/events";
import { DomainError, ErrorCode, invalidInput, validate } from "@onestop/platform";
import { itemThemes } from "../items/item.rules";
import { once, type ItemView } from "../items/item-view";
import type { ItemsService } from "../items/items.service";
import { versionKey } from "../items/items.repository";
import type { ItemListingRow } from "./entities";
import type { ListingRepository } from "./search.repository";
import { decodeCursor, encodeCursor, parseKeyword } from "./search.rules";

export const searchInput = z.object({
  centerCode: z.string().regex(/^\d{12}$/, "must be a 12-digit administrative-division code"),
  keyword: z.string().max(200).nullish(),
  departmentId: z.string().max(64).nullish(),
  kind: itemKind.nullish(),
  theme: z.enum(itemThemes).nullish(),
  first: z.number().int().min(1).max(100).nullish().transform((first) => first ?? 20),
  after: z.string().max(1000).nullish(),
});

export interface ItemPage {
  nodes: ItemView[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/** The public catalog (公开查询): no sign-in needed, only published items that are not retired. */
export class SearchService {
  constructor(
    private readonly listing: ListingRepository,
    private readonly items: ItemsService,
  ) {}

  async search(rawInput: unknown): Promise<ItemPage> {
    const input = validate(searchInput, rawInput);
    const keyword = parseKeyword(input.keyword);
    if (keyword.problems.length > 0) throw invalidInput(keyword.problems);
    const after = input.after ? decodeCursor(input.after) : null;
    if (input.after && !after) throw new DomainError(ErrorCode.BadUserInput, "after: not a cursor this catalog handed out", { field: "after" });
    const filter = { centerCode: input.centerCode, terms: keyword.terms, departmentId: input.departmentId, kind: input.kind, theme: input.theme };
    const [rows, totalCount] = await Promise.all([this.listing.page(filter, after, input.first + 1), this.listing.count(filter)]);
    const page = rows.slice(0, input.first);
    const last = page.at(-1);
    return {
      nodes: this.views(page),
      pageInfo: { endCursor: last ? encodeCursor({ sortKey: last.sortKey, id: last.itemId }) : null, hasNextPage: rows.length > input.first },
      totalCount,
    };
  }

  async publicItems(centerCode: string): Promise<ItemView[]> {
    return this.views(await this.listing.ofCenterByCode(centerCode));
  }

  async departmentItems(departmentId: string): Promise<ItemView[]> {
    return this.views(await this.listing.ofDepartment(departmentId));
  }

  /**
   * Listing rows answer what a list shows; the full item and version are loaded only if the
   * query asks for more, once for the whole page.
   */
  private views(rows: readonly ItemListingRow[]): ItemView[] {
    const loadItems = once(() => this.items.itemsByIds(rows.map((row) => row.itemId)));
    const loadVersions = once(() => this.items.versionsByKeys(rows.map((row) => ({ itemId: row.itemId, version: row.version }))));
    return rows.map((row) => ({
      id: row.itemId,
      centerCode: row.centerCode,
      departmentId: row.departmentId,
      code: row.code,
      status: "ACTIVE",
      version: row.version,
      versionStatus: "PUBLISHED",
      name: row.name,
      kind: row.kind,
      category: row.category,
      legalLimitDays: row.legalLimitDays,
      promisedLimitDays: row.promisedLimitDays,
      maxVisits: row.maxVisits,
      loadItem: async () => required((await loadItems()).get(row.itemId), row.itemId),
      loadVersion: async () => required((await loadVersions()).get(versionKey(row)), versionKey(row)),
    }));
  }
}

/** The listing and the items are written in one transaction, so a listed item always has its rows. */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Listed item ${what} has no row`);
  return value;
}
