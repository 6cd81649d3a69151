import DataLoader from "dataloader";
import type { SubgraphContext } from "./context";

/**
 * Loads by key, batched per request: the gateway asks for a page's entity references (every
 * case's department, window, item) one by one, and the keys asked for while one resolver
 * round runs are fetched together, each key once. Nothing is cached, not even within the
 * request; a fetch that scopes by the caller's identity stays
 * correct, as every key of one batch comes from the same caller.
 */
export interface RequestLoader<V> {
  /** The value of the key, or null when the fetch found none. */
  load(context: SubgraphContext, key: string): Promise<V | null>;
  /** The value of a key the database guarantees (a foreign key): none is a bug, not an answer. */
  loadExisting(context: SubgraphContext, key: string): Promise<V>;
}

// Keyed by the request's context object, which the subgraph creates once per request: the
// loaders go when it does.
const loadersOfRequest = new WeakMap<SubgraphContext, Map<object, DataLoader<string, unknown>>>();

/** A loader whose fetch answers many keys in one query, as a map; absent keys load as null. */
export function requestLoader<V>(fetch: (keys: readonly string[], context: SubgraphContext) => Promise<ReadonlyMap<string, V>>): RequestLoader<V> {
  const loader: RequestLoader<V> = {
    load(context, key) {
      let loaders = loadersOfRequest.get(context);
      if (!loaders) loadersOfRequest.set(context, (loaders = new Map()));
      let dataLoader = loaders.get(loader) as DataLoader<string, V | null> | undefined;
      if (!dataLoader) {
        // Batching without a cache: an operation's mutations run one after another in one
        // request, and a row one of them changed must not be answered as an earlier field read it.
        dataLoader = new DataLoader<string, V | null>(
          async (keys) => {
            const found = await fetch([...new Set(keys)], context);
            return keys.map((key) => found.get(key) ?? null);
          },
          { cache: false },
        );
        loaders.set(loader, dataLoader);
      }
      return dataLoader.load(key);
    },
    async loadExisting(context, key) {
      const value = await loader.load(context, key);
      if (value === null) throw new Error(`Nothing found for ${key}, which the database refers to`);
      return value;
    },
  };
  return loader;
}

/** Rows by their id, as a loader's fetch returns them. */
export function byId<V extends { id: string }>(rows: readonly V[]): Map<string, V> {
  return new Map(rows.map((row) => [row.id, row]));
}

/** Rows grouped by a key, each group in the rows' order, as a loader's fetch returns lists. */
export function groupedBy<V>(rows: readonly V[], key: (row: V) => string): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
