import { Kind, type OperationDefinitionNode } from "graphql";

/**
 * The root fields whose answers to an anonymous caller are the same for every anonymous
 * caller and change only when the catalog (or the staffing data it shows) changes: the public
 * catalog the kiosks and the portal read. Anything else is never cached.
 */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set(["searchItems", "item", "itemByCode", "itemVersion", "items", "entryRate"]);

/**
 * The subgraphs a cached answer may have been assembled from: those whose every change is
 * announced on the invalidation feed. An answer that also read another subgraph (a
 * department's fee account, from fees) is not kept.
 */
export const CACHEABLE_SUBGRAPHS: ReadonlySet<string> = new Set(["catalog", "staffing"]);

/**
 * Whether a mutation may have changed what the cache holds: one that reached the catalog.
 * Staffing's changes the catalog shows are announced on the feed; its other mutations
 * (signing in, refreshing a token) change nothing public and must not empty the cache.
 */
export function mutationMayChangePublicData(subgraphs: ReadonlySet<string>): boolean {
  return subgraphs.has("catalog");
}

/** Subjects (under the namespace) whose every message may mean a cached answer is stale. */
export const INVALIDATING_SUBJECTS = ["catalog.>", "staffing.>"] as const;

/**
 * Whether an operation is a query whose every root field is public. A fragment at the root is
 * not looked into: the kiosk and the portal never send one, and the answer is then not kept.
 */
export function isPublicQuery(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== "query") return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && (selection.name.value === "__typename" || PUBLIC_ROOT_FIELDS.has(selection.name.value)),
  );
}

/** Whether an answer read only subgraphs whose changes the feed announces. */
export function readOnlyCacheableSubgraphs(subgraphs: Iterable<string>): boolean {
  for (const subgraph of subgraphs) if (!CACHEABLE_SUBGRAPHS.has(subgraph)) return false;
  return true;
}

/**
 * A request's key: what shapes the answer. The body is the parsed JSON written out again, so
 * two clients' spacing does not make two entries; Accept chooses the answer's media type.
 */
export function cacheKey(body: unknown, accept: string | undefined, contentType: string | undefined): string {
  return `${accept ?? ""}\n${contentType ?? ""}\n${JSON.stringify(body)}`;
}
