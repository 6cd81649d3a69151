import { z } from "zod";
import { itemKind } from "@onestop/events";
import { findingsAt, invalidInput, validate } from "@onestop/platform";
import type { DepartmentReplicaRepository } from "../departments/departments.repository";
import { itemThemes } from "../items/item.rules";
import { once, type ItemView } from "../items/item-view";
import type { ItemsService } from "../items/items.service";
import { versionKey } from "../items/items.repository";
import type { ItemListingRow } from "./entities";
import type { ListingRepository } from "./search.repository";
import { compareListed, decodeCursor, encodeCursor, parseKeyword, searchListing, synonymIndex, withSynonyms, type SynonymIndex } from "./search.rules";

const centerCodeInput = z.string().regex(/^\d{12}$/, "must be a 12-digit administrative-division code");

export const searchInput = z.object({
  centerCode: centerCodeInput,
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

interface CenterListing {
  revision: number;
  /** In the catalog's order. */
  items: ItemListingRow[];
  synonyms: SynonymIndex;
}

/** How many centers' listings one instance keeps; a county's catalog is a few hundred rows. */
const CACHED_CENTERS = 500;

/**
 * The public catalog (公开查询): no sign-in needed, only published items that are not retired.
 * Each center's listing is held in memory and searched there; every request first reads the
 * center's catalog revision, so an instance never answers from a catalog older than the
 * database's, whichever instance published the change.
 */
export class SearchService {
  private readonly listings = new Map<string, CenterListing>();
  private readonly loading = new Map<string, Promise<CenterListing>>();

  constructor(
    private readonly listing: ListingRepository,
    private readonly departments: DepartmentReplicaRepository,
    private readonly items: ItemsService,
  ) {}

  async search(rawInput: unknown): Promise<ItemPage> {
    const input = validate(searchInput, rawInput);
    const keyword = parseKeyword(input.keyword);
    if (keyword.problems.length > 0) throw invalidInput(findingsAt(undefined, keyword.problems));
    const after = input.after ? decodeCursor(input.after) : null;
    if (input.after && !after) throw invalidInput([{ field: "after", message: "not a cursor this catalog handed out" }]);
    const { items, synonyms } = await this.centerListing(input.centerCode);
    const filter = { terms: withSynonyms(keyword.terms, synonyms), departmentId: input.departmentId, kind: input.kind, theme: input.theme };
    const { page, total, hasNextPage } = searchListing(items, filter, after, input.first);
    const last = page.at(-1);
    return {
      nodes: this.views(page),
      pageInfo: { endCursor: last ? encodeCursor({ sortKey: last.sortKey, id: last.itemId }) : null, hasNextPage },
      totalCount: total,
    };
  }

  /** The center's public catalog, ordered by item code. */
  async publicItems(rawCenterCode: unknown): Promise<ItemView[]> {
    const { items } = await this.centerListing(validate(centerCodeInput, rawCenterCode, "centerCode"));
    return this.views([...items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
  }

  async departmentItems(departmentId: string): Promise<ItemView[]> {
    const department = await this.departments.find(departmentId);
    if (!department) return [];
    const { items } = await this.centerListing(department.centerCode);
    return this.views(items.filter((item) => item.departmentId === departmentId));
  }

  private async centerListing(centerCode: string): Promise<CenterListing> {
    const revision = await this.listing.revision(centerCode);
    const cached = this.listings.get(centerCode);
    if (cached && cached.revision >= revision) return cached;
    const key = `${centerCode}@${revision}`;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(centerCode, revision).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /** Rows read after the revision reflect at least that revision, so they may be kept under it. */
  private async load(centerCode: string, revision: number): Promise<CenterListing> {
    const [rows, synonyms] = await Promise.all([this.listing.ofCenter(centerCode), this.listing.synonyms()]);
    const loaded = { revision, items: rows.sort(compareListed), synonyms: synonymIndex(synonyms) };
    const current = this.listings.get(centerCode);
    if (!current || current.revision < revision) {
      this.listings.delete(centerCode);
      this.listings.set(centerCode, loaded);
      if (this.listings.size > CACHED_CENTERS) this.listings.delete(this.listings.keys().next().value!);
    }
    return loaded;
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
