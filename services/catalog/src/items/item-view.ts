import type { ItemKind } from "@onestop/events";
import type { ItemRow, ItemVersionRow } from "./entities";
import type { ItemCategory, ItemStatus, VersionStatus } from "./item.rules";

/**
 * An item as GraphQL resolves it: the summary every list shows, and the full rows loaded
 * only when a query asks for more (a page of search results asks for one batch).
 */
export interface ItemView {
  id: string;
  centerCode: string;
  departmentId: string;
  code: string;
  status: ItemStatus;
  version: number;
  versionStatus: VersionStatus;
  name: string;
  kind: ItemKind;
  category: ItemCategory;
  legalLimitDays: number;
  promisedLimitDays: number;
  maxVisits: number;
  loadItem(): Promise<ItemRow>;
  loadVersion(): Promise<ItemVersionRow>;
}

export function itemView(item: ItemRow, version: ItemVersionRow): ItemView {
  return {
    id: item.id,
    centerCode: item.centerCode,
    departmentId: item.departmentId,
    code: item.code,
    status: item.status,
    version: version.version,
    versionStatus: version.status,
    name: version.name,
    kind: version.kind,
    category: version.category,
    legalLimitDays: version.legalLimitDays,
    promisedLimitDays: version.promisedLimitDays,
    maxVisits: version.maxVisits,
    loadItem: () => Promise.resolve(item),
    loadVersion: () => Promise.resolve(version),
  };
}

/** Runs `load` once, on first use, and shares its result. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | null = null;
  return () => (result ??= load());
}
